package dev.vigil.formats.evtx;

import static dev.vigil.formats.evtx.LittleEndian.u16;
import static dev.vigil.formats.evtx.LittleEndian.u32;
import static dev.vigil.formats.evtx.LittleEndian.u8;

import dev.vigil.formats.evtx.TemplateNode.Attribute;
import dev.vigil.formats.evtx.TemplateNode.Element;
import dev.vigil.formats.evtx.TemplateNode.Instance;
import dev.vigil.formats.evtx.TemplateNode.Pi;
import dev.vigil.formats.evtx.TemplateNode.Substitution;
import dev.vigil.formats.evtx.TemplateNode.Template;
import dev.vigil.formats.evtx.TemplateNode.Text;
import dev.vigil.formats.evtx.TemplateNode.Values;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token parser for the BinXML of one chunk ([MS-EVEN6] 2.2.3, libevtx "Binary XML").
 *
 * <p>Grammar as found in EVTX records:
 *
 * <pre>
 * document  := FragmentHeader(0f 01 01 00) (element | TemplateInstance) EOF(00)
 * element   := OpenStart(01|41) [u16 dependency id] u32 size name [u32 attr-list size if 41]
 *              attribute* (CloseEmpty(03) | CloseStart(02) content* End(04))
 * attribute := Attribute(06|46) name valuePart*
 * valuePart := Value(05|45) u8 type(01) u16 chars UTF-16 | Substitution(0d|0e) u16 index u8 type
 *            | CharRef(08|48) u16 | EntityRef(09|49) name | CDATA(07|47) u16 chars UTF-16
 * content   := element | valuePart | PITarget(0a) name PIData(0b) u16 chars UTF-16
 * name      := u32 chunk offset; when equal to the current position the name follows inline:
 *              u32 next, u16 hash, u16 chars, UTF-16, u16 NUL
 * TemplateInstance := 0c u8 u32 id u32 definition offset
 *              [inline definition when offset = position: u32 next, GUID, u32 size, document]
 *              u32 count, count x (u16 size, u8 type, u8 pad), values back to back
 * </pre>
 *
 * <p>The dependency id is present in template definitions and absent elsewhere (BinXML carried
 * by a substitution value of type 0x21, records without templates).
 * Names and template definitions are chunk-relative offsets, so both caches live per chunk. Every
 * read is bounds-checked against the current range and recursion is capped, so damaged input
 * ends in a {@link BinXmlException}, never in an endless loop.
 */
final class BinXmlParser {
    private static final int MAX_DEPTH = 64;
    private static final int CHUNK_DATA_START = 512;

    private final byte[] chunk;
    /** End of the chunk's record data: back-referenced names and templates must lie below it. */
    private final int dataEnd;
    private final Charset ansi;
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, Object> templates = new HashMap<>();
    private final TemplateExpander expander = new TemplateExpander();

    private int pos;
    private int end;
    private int depth;

    BinXmlParser(byte[] chunk, int dataEnd, Charset ansi) {
        this.chunk = chunk;
        this.dataEnd = dataEnd;
        this.ansi = ansi;
    }

    /** Decodes the BinXML of one record, {@code [start, end)} chunk-relative, to its root element. */
    EvtxElement decodeRecord(int start, int stop) {
        pos = start;
        end = stop;
        depth = 0;
        expander.startRecord();
        List<TemplateNode> nodes = parseDocument(false);
        List<EvtxNode> out = expander.expandTop(nodes);
        for (EvtxNode n : out) {
            if (n instanceof EvtxElement e) {
                return e;
            }
        }
        throw new BinXmlException("record BinXML at chunk offset " + start + " holds no element");
    }

    private List<TemplateNode> parseDocument(boolean inTemplate) {
        List<TemplateNode> out = new ArrayList<>(2);
        while (pos < end) {
            int token = u8(chunk, pos);
            switch (token) {
                case 0x00 -> {
                    pos++;
                    return out;
                }
                case 0x0f -> {
                    need(4);
                    pos += 4;
                }
                case 0x01, 0x41 -> out.add(parseElement(inTemplate));
                case 0x0c -> out.add(parseTemplateInstance());
                case 0x0a -> out.add(parsePi());
                case 0x05, 0x45, 0x07, 0x47, 0x08, 0x48, 0x09, 0x49, 0x0d, 0x0e -> out.add(parsePart());
                default -> throw bad("document", token);
            }
        }
        return out;
    }

    private Element parseElement(boolean inTemplate) {
        enter();
        int token = u8(chunk, pos);
        need(9);
        pos += hasDependencyId(inTemplate) ? 3 : 1;
        pos += 4; // data size: the content is self-delimiting, so it is not needed
        String name = readName();
        if ((token & 0x40) != 0) {
            need(4);
            pos += 4; // attribute list size, likewise
        }
        List<Attribute> attributes = null;
        while (true) {
            need(1);
            int t = u8(chunk, pos);
            if (t != 0x06 && t != 0x46) {
                break;
            }
            pos++;
            String attrName = readName();
            List<TemplateNode> parts = new ArrayList<>(1);
            while (pos < end && isValuePart(u8(chunk, pos))) {
                parts.add(parsePart());
            }
            if (attributes == null) {
                attributes = new ArrayList<>(4);
            }
            attributes.add(new Attribute(attrName, parts.toArray(new TemplateNode[0])));
        }
        Attribute[] attrs = attributes == null ? new Attribute[0] : attributes.toArray(new Attribute[0]);
        int t = u8(chunk, pos);
        pos++;
        if (t == 0x03) {
            depth--;
            return Element.of(name, attrs, new TemplateNode[0]);
        }
        if (t != 0x02) {
            throw bad("element <" + name + "> after attributes (expected 02 or 03)", t);
        }
        List<TemplateNode> children = new ArrayList<>(4);
        while (true) {
            need(1);
            int c = u8(chunk, pos);
            switch (c) {
                case 0x04 -> {
                    pos++;
                    depth--;
                    return Element.of(name, attrs, children.toArray(new TemplateNode[0]));
                }
                case 0x01, 0x41 -> children.add(parseElement(inTemplate));
                case 0x0c -> children.add(parseTemplateInstance());
                case 0x0a -> children.add(parsePi());
                default -> {
                    if (!isValuePart(c)) {
                        throw bad("content of <" + name + ">", c);
                    }
                    children.add(parsePart());
                }
            }
        }
    }

    /**
     * Whether the element at {@code pos} carries the u16 dependency id. Template definitions have
     * it; record-level elements without a template (evtx issue 201) and BinXML inside a 0x21 value
     * do not. An inline name settles it whichever the context, since its offset must equal the
     * position right after it.
     */
    private boolean hasDependencyId(boolean inTemplate) {
        boolean withInline = pos + 11 <= end && u32(chunk, pos + 7) == pos + 11;
        boolean withoutInline = u32(chunk, pos + 5) == pos + 9;
        if (withInline != withoutInline) {
            return withInline;
        }
        return inTemplate;
    }

    private static boolean isValuePart(int t) {
        return switch (t) {
            case 0x05, 0x45, 0x07, 0x47, 0x08, 0x48, 0x09, 0x49, 0x0d, 0x0e -> true;
            default -> false;
        };
    }

    private TemplateNode parsePart() {
        int t = u8(chunk, pos);
        switch (t) {
            case 0x05, 0x45 -> {
                need(4);
                int type = u8(chunk, pos + 1);
                int chars = u16(chunk, pos + 2);
                pos += 4;
                need(chars * 2);
                String s = ValueText.utf16(chunk, pos, chars * 2);
                pos += chars * 2;
                // Producers only write string value text; the type is kept should another appear.
                return new Text(new EvtxText(s, type));
            }
            case 0x07, 0x47 -> {
                need(3);
                int chars = u16(chunk, pos + 1);
                pos += 3;
                need(chars * 2);
                String s = ValueText.utf16(chunk, pos, chars * 2);
                pos += chars * 2;
                return new Text(new EvtxText(s, EvtxValueType.STRING));
            }
            case 0x08, 0x48 -> {
                need(3);
                int ch = u16(chunk, pos + 1);
                pos += 3;
                return new Text(new EvtxText(String.valueOf((char) ch), EvtxValueType.STRING));
            }
            case 0x09, 0x49 -> {
                pos++;
                String entity = readName();
                return new Text(new EvtxText(resolveEntity(entity), EvtxValueType.STRING));
            }
            case 0x0d, 0x0e -> {
                need(4);
                int index = u16(chunk, pos + 1);
                int type = u8(chunk, pos + 3);
                pos += 4;
                return new Substitution(index, type, t == 0x0e);
            }
            default -> throw bad("value", t);
        }
    }

    private static String resolveEntity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> "&" + name + ";";
        };
    }

    private Pi parsePi() {
        pos++;
        String target = readName();
        need(3);
        if (u8(chunk, pos) != 0x0b) {
            throw bad("PI data after PI target " + target, u8(chunk, pos));
        }
        int chars = u16(chunk, pos + 1);
        pos += 3;
        need(chars * 2);
        String data = ValueText.utf16(chunk, pos, chars * 2);
        pos += chars * 2;
        return new Pi(new EvtxProcessingInstruction(target, data));
    }

    /** Reads a name reference at {@code pos}; inline names are skipped over. */
    private String readName() {
        need(4);
        long offset = u32(chunk, pos);
        pos += 4;
        if (offset == pos) {
            need(8);
            int chars = u16(chunk, pos + 6);
            int size = 8 + chars * 2 + 2;
            need(size);
            String name = names.get(pos);
            if (name == null) {
                name = ValueText.utf16(chunk, pos + 8, chars * 2);
                names.put(pos, name);
            }
            pos += size;
            return name;
        }
        int off = (int) offset;
        String cached = names.get(off);
        if (cached != null) {
            return cached;
        }
        if (offset < CHUNK_DATA_START || offset + 8 > dataEnd) {
            throw new BinXmlException("name offset " + offset + " outside the chunk's record data"
                    + " (expected 512.." + (dataEnd - 8) + ")");
        }
        int chars = u16(chunk, off + 6);
        if (off + 8 + chars * 2 > dataEnd) {
            throw new BinXmlException("name at offset " + off + " with " + chars
                    + " chars runs past the chunk");
        }
        String name = ValueText.utf16(chunk, off + 8, chars * 2);
        if (name.isEmpty()) {
            throw new BinXmlException("empty name at offset " + off);
        }
        names.put(off, name);
        return name;
    }

    private Instance parseTemplateInstance() {
        enter();
        need(10);
        long defOffset = u32(chunk, pos + 6);
        pos += 10;
        Template template;
        if (defOffset == pos) {
            need(24);
            long size = u32(chunk, pos + 20);
            template = template(pos);
            pos += 24;
            need(size);
            pos += (int) size;
        } else {
            if (defOffset + 24 > dataEnd || defOffset < CHUNK_DATA_START) {
                throw new BinXmlException("template definition offset " + defOffset
                        + " outside the chunk's record data (expected 512.." + (dataEnd - 24) + ")");
            }
            template = template((int) defOffset);
        }
        Values values = parseValues();
        depth--;
        return new Instance(template, values);
    }

    private Template template(int offset) {
        Object cached = templates.get(offset);
        if (cached instanceof Template t) {
            return t;
        }
        if (cached instanceof String failure) {
            throw new BinXmlException(failure);
        }
        if (cached == Boolean.TRUE) {
            throw new BinXmlException("template definition at offset " + offset + " refers to itself");
        }
        long size = u32(chunk, offset + 20);
        // An inline definition may sit in a record that runs past a stale free-space offset.
        if (offset + 24 + size > Math.max(dataEnd, end)) {
            String msg = "template definition at offset " + offset + " with size " + size
                    + " runs past the chunk";
            templates.put(offset, msg);
            throw new BinXmlException(msg);
        }
        templates.put(offset, Boolean.TRUE);
        int savedPos = pos;
        int savedEnd = end;
        pos = offset + 24;
        end = offset + 24 + (int) size;
        try {
            Template t = new Template(offset, parseDocument(true).toArray(new TemplateNode[0]));
            templates.put(offset, t);
            return t;
        } catch (BinXmlException e) {
            String msg = "template definition at offset " + offset + ": " + e.getMessage();
            templates.put(offset, msg);
            throw new BinXmlException(msg);
        } finally {
            pos = savedPos;
            end = savedEnd;
        }
    }

    private Values parseValues() {
        need(4);
        long count = u32(chunk, pos);
        pos += 4;
        if (count * 4 > end - pos) {
            throw new BinXmlException("template instance declares " + count + " values but only "
                    + (end - pos) + " bytes remain");
        }
        int n = (int) count;
        int[] sizes = new int[n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = u16(chunk, pos);
            types[i] = u8(chunk, pos + 2);
            pos += 4;
        }
        Object[] items = new Object[n];
        boolean hasArrays = false;
        for (int i = 0; i < n; i++) {
            int size = sizes[i];
            if (size > end - pos) {
                throw new BinXmlException("value " + i + " of type 0x" + Integer.toHexString(types[i])
                        + " with size " + size + " runs past the record (" + (end - pos) + " bytes left)");
            }
            items[i] = decodeValue(pos, size, types[i]);
            hasArrays |= items[i] instanceof String[];
            pos += size; // the declared size is authoritative, whatever the value consumed
        }
        return new Values(items, types, hasArrays);
    }

    private Object decodeValue(int off, int size, int type) {
        if (type == EvtxValueType.NULL) {
            return null;
        }
        if (type == EvtxValueType.BINXML) {
            return size == 0 ? null : nestedBinXml(off, size);
        }
        if ((type & EvtxValueType.ARRAY_FLAG) != 0) {
            return ValueArrays.decode(chunk, off, size, type & 0x7f, ansi);
        }
        return ValueText.scalar(chunk, off, size, type, ansi);
    }

    private List<EvtxNode> nestedBinXml(int off, int size) {
        enter();
        int savedPos = pos;
        int savedEnd = end;
        pos = off;
        end = off + size;
        try {
            return expander.expandTop(parseDocument(false));
        } finally {
            pos = savedPos;
            end = savedEnd;
            depth--;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new BinXmlException("nesting deeper than " + MAX_DEPTH
                    + " (looping template or element references?)");
        }
    }

    private void need(long n) {
        if (n < 0 || pos + n > end) {
            throw new BinXmlException("needed " + n + " bytes at chunk offset " + pos
                    + " but the structure ends at " + end);
        }
    }

    private BinXmlException bad(String where, int token) {
        return new BinXmlException("unexpected token 0x" + Integer.toHexString(token) + " in "
                + where + " at chunk offset " + pos);
    }
}
