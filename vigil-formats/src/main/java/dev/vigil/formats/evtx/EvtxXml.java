package dev.vigil.formats.evtx;

/**
 * Renders an element tree as indented XML in the layout of {@code evtxexport -f xml}: two-space
 * indentation, empty elements self-closed, text-only elements on one line. For dumps and tests
 * only; the decode path never builds XML text.
 */
public final class EvtxXml {
    private EvtxXml() {}

    public static String render(EvtxElement root) {
        StringBuilder sb = new StringBuilder(4096);
        new EvtxXml.Layout(false).element(sb, root, 0);
        return sb.toString();
    }

    /**
     * Renders the tree on one line, without indentation, with line breaks inside values written as
     * character references, so a dump can hold one event per line.
     */
    public static String renderLine(EvtxElement root) {
        StringBuilder sb = new StringBuilder(4096);
        new EvtxXml.Layout(true).element(sb, root, 0);
        return sb.toString();
    }

    /** The indented layout or the one-line layout; the markup is the same. */
    private record Layout(boolean oneLine) {

        private void element(StringBuilder sb, EvtxElement e, int depth) {
            indent(sb, depth);
            sb.append('<').append(e.name());
            for (EvtxAttribute a : e.attributes()) {
                sb.append(' ').append(a.name()).append("=\"");
                escape(sb, a.value(), true);
                sb.append('"');
            }
            if (e.children().isEmpty()) {
                sb.append("/>");
                newline(sb);
                return;
            }
            sb.append('>');
            boolean hasElements = false;
            for (EvtxNode n : e.children()) {
                if (n instanceof EvtxElement) {
                    hasElements = true;
                    break;
                }
            }
            if (!hasElements) {
                for (EvtxNode n : e.children()) {
                    inline(sb, n);
                }
            } else {
                newline(sb);
                for (EvtxNode n : e.children()) {
                    if (n instanceof EvtxElement c) {
                        element(sb, c, depth + 1);
                    } else {
                        indent(sb, depth + 1);
                        inline(sb, n);
                        newline(sb);
                    }
                }
                indent(sb, depth);
            }
            sb.append("</").append(e.name()).append('>');
            newline(sb);
        }

        private void newline(StringBuilder sb) {
            if (!oneLine) {
                sb.append('\n');
            }
        }

        private void inline(StringBuilder sb, EvtxNode n) {
            if (n instanceof EvtxText t) {
                escape(sb, t.text(), false);
            } else if (n instanceof EvtxProcessingInstruction pi) {
                sb.append("<?").append(pi.target());
                if (!pi.data().isEmpty()) {
                    sb.append(' ').append(pi.data());
                }
                sb.append("?>");
            }
        }

        private void indent(StringBuilder sb, int depth) {
            if (oneLine) {
                return;
            }
            for (int i = 0; i < depth; i++) {
                sb.append("  ");
            }
        }

        /** No character needing a reference; indexOf is vectorised, a charAt loop is not. */
        private static boolean plain(String s) {
            return s.indexOf('<') < 0 && s.indexOf('>') < 0 && s.indexOf('&') < 0 && s.indexOf('"') < 0
                    && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
        }

        /** Escapes like evtxexport: quotes only inside attribute values. */
        private void escape(StringBuilder sb, String s, boolean attribute) {
            if (plain(s)) {
                sb.append(s); // most values need no escaping; one bulk append beats a per-char loop
                return;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '<' -> sb.append("&lt;");
                    case '>' -> sb.append("&gt;");
                    case '&' -> sb.append("&amp;");
                    case '"' -> sb.append(attribute ? "&quot;" : "\"");
                    case '\n' -> sb.append(oneLine ? "&#10;" : "\n");
                    case '\r' -> sb.append(oneLine ? "&#13;" : "\r");
                    default -> sb.append(c);
                }
            }
        }
    }
}
