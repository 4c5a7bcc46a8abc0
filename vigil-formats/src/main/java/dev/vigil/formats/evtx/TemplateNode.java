package dev.vigil.formats.evtx;

/**
 * Parsed BinXML before substitution: a template definition body, or record content that carries
 * template instances. Parsed once per chunk and expanded per record by {@link TemplateExpander}.
 */
sealed interface TemplateNode {

    /**
     * An element; attribute values are lists of parts (text and substitutions). {@code substitutions}
     * are the direct children that are substitutions, found once at parse time because every
     * expansion asks whether one of them holds an array or drops the element as null.
     */
    record Element(String name, Attribute[] attributes, TemplateNode[] children,
            Substitution[] substitutions) implements TemplateNode {

        static Element of(String name, Attribute[] attributes, TemplateNode[] children) {
            int n = 0;
            for (TemplateNode c : children) {
                if (c instanceof Substitution) {
                    n++;
                }
            }
            Substitution[] subs = new Substitution[n];
            n = 0;
            for (TemplateNode c : children) {
                if (c instanceof Substitution s) {
                    subs[n++] = s;
                }
            }
            return new Element(name, attributes, children, subs);
        }
    }

    /** An attribute whose value is the concatenation of its parts. */
    record Attribute(String name, TemplateNode[] parts) {}

    /** Literal text (value text, CDATA, resolved char/entity references). */
    record Text(EvtxText text) implements TemplateNode {}

    /** A substitution placeholder ({@code 0x0d} normal, {@code 0x0e} optional). */
    record Substitution(int index, int type, boolean optional) implements TemplateNode {}

    /** A processing instruction. */
    record Pi(EvtxProcessingInstruction pi) implements TemplateNode {}

    /** A template instance with its decoded values. */
    record Instance(Template template, Values values) implements TemplateNode {}

    /** A template definition: its body, parsed once per chunk. */
    record Template(int offset, TemplateNode[] body) {}

    /**
     * Decoded substitution values. Each entry is null (NullType or absent), a String (scalar),
     * a String[] (array), or a List of {@link EvtxNode} (nested BinXML); {@code hasArrays} says whether any
     * is a String[], so records without arrays skip looking for them.
     */
    record Values(Object[] items, int[] types, boolean hasArrays) {
        static final Values NONE = new Values(new Object[0], new int[0], false);
    }
}
