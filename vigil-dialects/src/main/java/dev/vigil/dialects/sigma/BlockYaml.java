package dev.vigil.dialects.sigma;

import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Composes the block-style YAML that nearly every Sigma rule is written in straight into snakeyaml-engine's
 * nodes, with the scalar styles and start positions its composer gives them (under the failsafe schema),
 * several times faster than the general composer. The subset, by line:
 * <pre>
 *   document  := ["---"] mapping
 *   mapping   := (key ":" value)+                   all keys at one indentation
 *   sequence  := ("-" item)+                        all dashes at one indentation
 *   value     := scalar | "|" ["-"] block lines | nothing, then a deeper mapping or sequence (or a
 *                sequence at the key's own indentation), or nothing at all (an empty scalar)
 *   item      := scalar | key ":" value ... (a mapping starting on the dash's line) | nothing, then a deeper node
 *   scalar    := plain text on one line | 'single-quoted' on one line | "double-quoted" on one line
 * </pre>
 * with comments and blank lines anywhere a line may start, and {@code #} comments after values. Anything
 * else (flow collections, anchors, aliases, tags, scalars over several lines, uncommon escapes, tabs,
 * characters beyond ASCII, several documents) and anything malformed gives empty: the caller then
 * composes the text with snakeyaml-engine, which reads all of YAML and reports its errors. This class
 * only ever answers for text that composer would read the same way.
 */
final class BlockYaml {

    private static final Tag STR = Tag.STR;
    private static final int[] NO_SNIPPET = new int[0];

    private final String label;
    private final String text;
    /** Offsets where each line starts; the line's text runs to the next '\n' (or the end). */
    private final int[] starts;
    private final int lineCount;
    /** The line being read. */
    private int line;
    private int depth;
    private static final int MAX_DEPTH = 32;
    /** Longer texts are left to the composer, which enforces its own limit on them. */
    static final int MAX_LENGTH = 1 << 20;

    /** Thrown inside the reader for text outside the subset; never escapes {@link #compose}. */
    private static final class Outside extends Exception {
        private static final Outside INSTANCE = new Outside();

        private Outside() {
            super(null, null, false, false);
        }
    }

    private BlockYaml(String text, String label) {
        this.text = text;
        this.label = label;
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        starts = new int[n + 1];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        starts[n] = text.length() + 1;
        lineCount = n;
    }

    /** The document's root mapping, or empty when the text is outside the subset (or not YAML). */
    static Optional<Node> compose(String text, String label) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\n')) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new BlockYaml(text, label).document());
        } catch (Outside e) {
            return Optional.empty();
        }
    }

    private Node document() throws Outside {
        line = 0;
        skipBlank();
        if (line < lineCount && startsWith(line, 0, "---")) {
            int end = end(line);
            int after = starts[line] + 3;
            if (after < end && text.charAt(after) != ' ') {
                throw Outside.INSTANCE;
            }
            if (!restIsComment(after, end)) {
                throw Outside.INSTANCE;
            }
            line++;
            skipBlank();
        }
        if (line >= lineCount || indent(line) != 0 || isDash(line, 0)) {
            throw Outside.INSTANCE;
        }
        Node root = mapping(0, 0);
        skipBlank();
        if (line < lineCount) {
            throw Outside.INSTANCE;
        }
        return root;
    }

    // ---- lines

    private int end(int l) {
        return starts[l + 1] - 1;
    }

    private int indent(int l) {
        int i = starts[l];
        int end = end(l);
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i - starts[l];
    }

    /** True for a line with nothing but spaces, or spaces and a comment. */
    private boolean blank(int l) {
        int at = starts[l] + indent(l);
        return at >= end(l) || text.charAt(at) == '#';
    }

    private void skipBlank() {
        while (line < lineCount && blank(line)) {
            line++;
        }
    }

    private boolean startsWith(int l, int column, String s) {
        int at = starts[l] + column;
        return at + s.length() <= end(l) && text.startsWith(s, at);
    }

    /** A "-" at {@code column} followed by a space or the end of the line. */
    private boolean isDash(int l, int column) {
        int at = starts[l] + column;
        int end = end(l);
        return at < end && text.charAt(at) == '-' && (at + 1 == end || text.charAt(at + 1) == ' ');
    }

    /** Only spaces, or spaces then a comment, from {@code from} to {@code end}. */
    private boolean restIsComment(int from, int end) {
        int i = from;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i == end || (text.charAt(i) == '#' && i > from);
    }

    /** Deeper nesting than rules have is left to the composer, which enforces its own limit. */
    private void enter() throws Outside {
        if (++depth > MAX_DEPTH) {
            throw Outside.INSTANCE;
        }
    }

    private Optional<Mark> mark(int l, int column) {
        return Optional.of(new Mark(label, starts[l] + column, l, column, NO_SNIPPET, 0));
    }

    // ---- collections

    /** A mapping whose keys sit at {@code indent}, the first on the current line at {@code column}. */
    private Node mapping(int indent, int column) throws Outside {
        enter();
        List<NodeTuple> entries = new ArrayList<>();
        Optional<Mark> start = mark(line, column);
        int col = column;
        do {
            entries.add(entry(indent, col));
            col = indent;
        } while (another(indent, false));
        depth--;
        return new MappingNode(Tag.MAP, false, entries, FlowStyle.BLOCK, start, start);
    }

    /** One "key: value" starting on the current line at {@code column}, in a mapping at {@code indent}. */
    private NodeTuple entry(int indent, int column) throws Outside {
        int l = line;
        int from = starts[l] + column;
        int end = end(l);
        int colon = keyEnd(from, end);
        if (colon < 0) {
            throw Outside.INSTANCE;
        }
        int keyEnd = colon;
        while (keyEnd > from && text.charAt(keyEnd - 1) == ' ') {
            keyEnd--;
        }
        Node key = new ScalarNode(STR, true, text.substring(from, keyEnd), ScalarStyle.PLAIN, mark(l, column), mark(l, column));
        int valueAt = colon + 1;
        while (valueAt < end && text.charAt(valueAt) == ' ') {
            valueAt++;
        }
        Node value;
        if (valueAt == end || text.charAt(valueAt) == '#') {
            value = nested(indent, true, l, colon + 1 - starts[l]);
        } else {
            value = scalar(indent, l, valueAt);
        }
        return new NodeTuple(key, value);
    }

    /**
     * Where the ':' ending a plain key is, or -1: the key must be plain (not starting with an indicator)
     * and the colon followed by a space or the end of the line, before any comment.
     */
    private int keyEnd(int from, int end) {
        if (from >= end || "-?:,[]{}#&*!|>'\"%@`".indexOf(text.charAt(from)) >= 0) {
            return -1;
        }
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '#' && text.charAt(i - 1) == ' ') {
                return -1;
            }
            if (c == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The node after a key or dash with nothing else on its line: a deeper mapping or sequence, a sequence
     * at the key's own indentation (YAML allows that for a mapping's value), or else an empty scalar at
     * the position after the indicator.
     */
    private Node nested(int indent, boolean mappingValue, int l, int afterIndicator) throws Outside {
        line = l + 1;
        skipBlank();
        if (line < lineCount) {
            int next = indent(line);
            if (next > indent || (mappingValue && next == indent && isDash(line, next))) {
                return isDash(line, next) ? sequence(next, next) : mapping(next, next);
            }
        }
        return new ScalarNode(Tag.NULL, true, "", ScalarStyle.PLAIN, mark(l, afterIndicator), mark(l, afterIndicator));
    }

    /**
     * After an entry of a block at {@code indent}: true when another follows (a dash line for a sequence,
     * a key line for a mapping), false when the block ends (a shallower line, the end of the text, or a key
     * after a sequence at its key's indentation).
     */
    private boolean another(int indent, boolean dashes) throws Outside {
        skipBlank();
        if (line >= lineCount) {
            return false;
        }
        int next = indent(line);
        if (next < indent) {
            return false;
        }
        if (next > indent) {
            throw Outside.INSTANCE;
        }
        if (isDash(line, next) == dashes) {
            return true;
        }
        if (dashes) {
            return false;
        }
        throw Outside.INSTANCE;
    }

    /** A sequence whose dashes sit at {@code indent}, the first on the current line at {@code column}. */
    private Node sequence(int indent, int column) throws Outside {
        enter();
        List<Node> items = new ArrayList<>();
        Optional<Mark> start = mark(line, column);
        int col = column;
        do {
            items.add(item(indent, col));
            col = indent;
        } while (another(indent, true));
        depth--;
        return new SequenceNode(Tag.SEQ, false, items, FlowStyle.BLOCK, start, start);
    }

    /** One "- item" whose dash is on the current line at {@code column}. */
    private Node item(int indent, int column) throws Outside {
        int l = line;
        int end = end(l);
        int at = starts[l] + column + 1;
        while (at < end && text.charAt(at) == ' ') {
            at++;
        }
        if (at == end || text.charAt(at) == '#') {
            return nested(indent, false, l, column + 1);
        }
        int c = at - starts[l];
        if (isDash(l, c)) {
            throw Outside.INSTANCE;
        }
        if (keyEnd(at, end) >= 0) {
            return mapping(c, c);
        }
        return scalar(indent, l, at);
    }

    // ---- scalars

    /** A scalar value starting at offset {@code at} of line {@code l}, in a collection at {@code indent}. */
    private Node scalar(int indent, int l, int at) throws Outside {
        char c = text.charAt(at);
        if (c == '|') {
            return literal(indent, l, at);
        }
        int end = end(l);
        int column = at - starts[l];
        StringBuilder value = new StringBuilder();
        int after;
        ScalarStyle style;
        if (c == '\'') {
            after = singleQuoted(at + 1, end, value);
            style = ScalarStyle.SINGLE_QUOTED;
        } else if (c == '"') {
            after = doubleQuoted(at + 1, end, value);
            style = ScalarStyle.DOUBLE_QUOTED;
        } else {
            after = plain(at, end, value);
            style = ScalarStyle.PLAIN;
        }
        if (after != end && !restIsComment(after, end)) {
            throw Outside.INSTANCE;
        }
        // A deeper line right after a scalar would continue it (or be an error): not in the subset.
        line = l + 1;
        skipBlank();
        if (line < lineCount && indent(line) > indent) {
            throw Outside.INSTANCE;
        }
        return new ScalarNode(STR, style == ScalarStyle.PLAIN, value.toString(), style, mark(l, column), mark(l, column));
    }

    /** The text of a single-quoted scalar opened before {@code i}; returns the offset after its closing quote. */
    private int singleQuoted(int i, int end, StringBuilder out) throws Outside {
        while (true) {
            if (i >= end) {
                throw Outside.INSTANCE;
            }
            char q = text.charAt(i);
            if (q == '\'') {
                if (i + 1 < end && text.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            out.append(q);
            i++;
        }
    }

    /** The text of a double-quoted scalar opened before {@code i}, with the common escapes. */
    private int doubleQuoted(int i, int end, StringBuilder out) throws Outside {
        while (true) {
            if (i >= end) {
                throw Outside.INSTANCE;
            }
            char q = text.charAt(i);
            if (q == '"') {
                return i + 1;
            }
            if (q == '\\') {
                if (i + 1 >= end) {
                    throw Outside.INSTANCE;
                }
                out.append(escaped(text.charAt(i + 1)));
                i += 2;
                continue;
            }
            out.append(q);
            i++;
        }
    }

    private static char escaped(char e) throws Outside {
        return switch (e) {
            case '\\', '"', '/' -> e;
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '0' -> '\0';
            default -> throw Outside.INSTANCE;
        };
    }

    /** A plain scalar's text, up to a comment or the end of the line (which it returns: the comment is read). */
    private int plain(int at, int end, StringBuilder out) throws Outside {
        char c = text.charAt(at);
        if ("[]{}&*!>%@`,?:".indexOf(c) >= 0 || (c == '-' && (at + 1 == end || text.charAt(at + 1) == ' '))) {
            throw Outside.INSTANCE;
        }
        int stop = end;
        for (int i = at; i < end; i++) {
            char p = text.charAt(i);
            if (p == '#' && text.charAt(i - 1) == ' ') {
                stop = i;
                break;
            }
            if (p == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                throw Outside.INSTANCE;
            }
        }
        int trimmed = stop;
        while (trimmed > at && text.charAt(trimmed - 1) == ' ') {
            trimmed--;
        }
        out.append(text, at, trimmed);
        return end;
    }

    /**
     * A literal block scalar ({@code |} or {@code |-}): the following lines indented deeper than the
     * collection, each with that indentation removed, joined by line breaks; the final break kept
     * ({@code |}) or dropped ({@code |-}), trailing empty lines dropped.
     */
    private Node literal(int indent, int l, int at) throws Outside {
        int end = end(l);
        int column = at - starts[l];
        int i = at + 1;
        boolean strip = false;
        if (i < end && text.charAt(i) == '-') {
            strip = true;
            i++;
        }
        if (i < end && text.charAt(i) != ' ') {
            throw Outside.INSTANCE;
        }
        if (!restIsComment(i, end)) {
            throw Outside.INSTANCE;
        }
        int first = l + 1;
        int blockIndent = -1;
        for (int k = first; k < lineCount; k++) {
            int ind = indent(k);
            if (starts[k] + ind < end(k)) {
                blockIndent = ind;
                break;
            }
        }
        if (blockIndent <= indent) {
            throw Outside.INSTANCE;
        }
        StringBuilder sb = new StringBuilder();
        int pendingBreaks = 0;
        boolean any = false;
        int k = first;
        boolean endsWithBreak = false;
        for (; k < lineCount; k++) {
            int s = starts[k];
            int e = end(k);
            int ind = indent(k);
            boolean empty = s + ind >= e;
            if (empty) {
                if (e - s > blockIndent) {
                    throw Outside.INSTANCE;
                }
                if (k == lineCount - 1 && s == e && s == text.length()) {
                    break;
                }
                pendingBreaks++;
                continue;
            }
            if (ind < blockIndent) {
                break;
            }
            if (any) {
                sb.append('\n');
            }
            for (int b = 0; b < pendingBreaks; b++) {
                sb.append('\n');
            }
            pendingBreaks = 0;
            sb.append(text, s + blockIndent, e);
            any = true;
            endsWithBreak = e < text.length();
        }
        if (!any) {
            throw Outside.INSTANCE;
        }
        if (!strip && endsWithBreak) {
            sb.append('\n');
        }
        line = k;
        return new ScalarNode(STR, false, sb.toString(), ScalarStyle.LITERAL, mark(l, column), mark(l, column));
    }
}
