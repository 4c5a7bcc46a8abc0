package dev.vigil.formats.evtx;

import dev.vigil.formats.evtx.TemplateNode.Attribute;
import dev.vigil.formats.evtx.TemplateNode.Element;
import dev.vigil.formats.evtx.TemplateNode.Instance;
import dev.vigil.formats.evtx.TemplateNode.Pi;
import dev.vigil.formats.evtx.TemplateNode.Substitution;
import dev.vigil.formats.evtx.TemplateNode.Text;
import dev.vigil.formats.evtx.TemplateNode.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns parsed BinXML plus substitution values into the {@link EvtxElement} tree.
 *
 * <p>Substitution rules (MS-EVEN6 3.1.4.7.5 as implemented by libevtx and the evtx crate):
 *
 * <ul>
 *   <li>A null value renders nothing. An attribute made only of null substitutions is dropped
 *       (this is how {@code <Correlation/>} loses its ActivityID).
 *   <li>An array value repeats the element that directly contains the substitution, once per
 *       item (several arrays in one element give the cross product); an empty array gives one
 *       empty element.
 *   <li>A BinXML value (type 0x21) splices its decoded nodes in place.
 * </ul>
 *
 * <p>Output size is capped per record so that a small record referencing a large template many
 * times cannot exhaust memory.
 */
final class TemplateExpander {
    static final int MAX_NODES_PER_RECORD = 250_000;

    private int budget = MAX_NODES_PER_RECORD;

    /** An array item standing in for substitution {@code index} while an element is repeated. */
    private record Override(int index, String value, Override next) {}

    void startRecord() {
        budget = MAX_NODES_PER_RECORD;
    }

    List<EvtxNode> expandTop(List<TemplateNode> nodes) {
        List<EvtxNode> out = new ArrayList<>(1);
        for (TemplateNode n : nodes) {
            expand(n, Values.NONE, null, out);
        }
        return out;
    }

    private void expand(TemplateNode node, Values values, Override ov, List<EvtxNode> out) {
        if (node instanceof Element e) {
            expandElement(e, values, ov, out);
        } else if (node instanceof Text t) {
            spend();
            out.add(t.text());
        } else if (node instanceof Substitution s) {
            expandSubstitution(s, values, ov, out);
        } else if (node instanceof Instance inst) {
            for (TemplateNode n : inst.template().body()) {
                expand(n, inst.values(), null, out);
            }
        } else if (node instanceof Pi pi) {
            spend();
            out.add(pi.pi());
        }
    }

    private void expandElement(Element e, Values values, Override ov, List<EvtxNode> out) {
        int arrayIndex = pendingArray(e, values, ov);
        if (arrayIndex >= 0) {
            String[] items = (String[]) values.items()[arrayIndex];
            if (items.length == 0) {
                expandElement(e, values, new Override(arrayIndex, null, ov), out);
            }
            for (String item : items) {
                expandElement(e, values, new Override(arrayIndex, item, ov), out);
            }
            return;
        }
        if (droppedAsNull(e, values, ov)) {
            return;
        }
        spend();
        // Lists are built as arrays and wrapped, never copied (EvtxElement keeps a FrozenList as it is).
        List<EvtxAttribute> attrs = FrozenList.empty();
        if (e.attributes().length > 0) {
            EvtxAttribute[] a = new EvtxAttribute[e.attributes().length];
            int n = 0;
            for (Attribute attribute : e.attributes()) {
                String value = attributeValue(attribute, values, ov);
                if (value != null) {
                    a[n++] = new EvtxAttribute(attribute.name(), value);
                }
            }
            attrs = frozen(a, n);
        }
        List<EvtxNode> children = FrozenList.empty();
        if (e.children().length > 0) {
            NodeBuffer c = new NodeBuffer(e.children().length);
            for (TemplateNode child : e.children()) {
                expand(child, values, ov, c);
            }
            children = c.freeze();
        }
        out.add(new EvtxElement(e.name(), attrs, children));
    }

    /** Concatenated attribute value, or null when every part is a null substitution. */
    private String attributeValue(Attribute a, Values values, Override ov) {
        TemplateNode[] parts = a.parts();
        if (parts.length == 1) {
            return partText(parts[0], values, ov);
        }
        StringBuilder sb = null;
        for (TemplateNode p : parts) {
            String s = partText(p, values, ov);
            if (s != null) {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(s);
            }
        }
        return sb == null ? (parts.length == 0 ? "" : null) : sb.toString();
    }

    private String partText(TemplateNode part, Values values, Override ov) {
        if (part instanceof Text t) {
            return t.text().text();
        }
        if (part instanceof Substitution s) {
            Object v = resolve(s.index(), values, ov);
            if (v instanceof String str) {
                return str;
            }
            if (v instanceof String[] arr) {
                return String.join(",", arr);
            }
            if (v instanceof List<?> nodes) {
                StringBuilder sb = new StringBuilder();
                for (Object n : nodes) {
                    if (n instanceof EvtxText t) {
                        sb.append(t.text());
                    }
                }
                return sb.toString();
            }
        }
        return null;
    }

    private void expandSubstitution(Substitution s, Values values, Override ov, List<EvtxNode> out) {
        Object v = resolve(s.index(), values, ov);
        if (v == null) {
            return;
        }
        int type = s.index() < values.types().length ? values.types()[s.index()] : s.type();
        if (v instanceof String str) {
            if (str.isEmpty()) {
                return; // keeps <Data Name="X"/> free of empty text nodes
            }
            spend();
            out.add(new EvtxText(str, type & 0x7f));
        } else if (v instanceof String[] arr) {
            // Only reached for substitutions outside any element; keep every item.
            spend();
            out.add(new EvtxText(String.join(",", arr), type & 0x7f));
        } else if (v instanceof List<?> nodes) {
            for (Object n : nodes) {
                spend();
                out.add((EvtxNode) n);
            }
        }
    }

    /** An element whose content holds an optional substitution with a null value is omitted. */
    private static boolean droppedAsNull(Element e, Values values, Override ov) {
        for (Substitution s : e.substitutions()) {
            if (s.optional() && resolve(s.index(), values, ov) == null
                    && !overridden(s.index(), ov)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overridden(int index, Override ov) {
        for (Override o = ov; o != null; o = o.next()) {
            if (o.index() == index) {
                return true;
            }
        }
        return false;
    }

    private static Object resolve(int index, Values values, Override ov) {
        for (Override o = ov; o != null; o = o.next()) {
            if (o.index() == index) {
                return o.value();
            }
        }
        Object[] items = values.items();
        return index < items.length ? items[index] : null;
    }

    /** Index of an array substitution directly in {@code e} not yet being expanded, else -1. */
    private static int pendingArray(Element e, Values values, Override ov) {
        if (!values.hasArrays()) {
            return -1;
        }
        Object[] items = values.items();
        for (Substitution s : e.substitutions()) {
            if (isPendingArray(s.index(), items, ov)) {
                return s.index();
            }
        }
        return -1;
    }

    private static boolean isPendingArray(int index, Object[] items, Override ov) {
        if (index >= items.length || !(items[index] instanceof String[])) {
            return false;
        }
        for (Override o = ov; o != null; o = o.next()) {
            if (o.index() == index) {
                return false;
            }
        }
        return true;
    }

    /** Collects an element's children in an array that is then wrapped, not copied. */
    private static final class NodeBuffer extends java.util.AbstractList<EvtxNode> {
        private Object[] items;
        private int size;

        NodeBuffer(int capacity) {
            items = new Object[Math.max(capacity, 1)];
        }

        @java.lang.Override
        public boolean add(EvtxNode n) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = n;
            return true;
        }

        @java.lang.Override
        public EvtxNode get(int index) {
            return (EvtxNode) items[index];
        }

        @java.lang.Override
        public int size() {
            return size;
        }

        List<EvtxNode> freeze() {
            return frozen(items, size);
        }
    }

    private static <T> List<T> frozen(Object[] items, int n) {
        return n == 0 ? FrozenList.empty() : new FrozenList<>(items, n);
    }

    private void spend() {
        if (--budget < 0) {
            throw new BinXmlException("record expands to more than " + MAX_NODES_PER_RECORD
                    + " nodes");
        }
    }
}
