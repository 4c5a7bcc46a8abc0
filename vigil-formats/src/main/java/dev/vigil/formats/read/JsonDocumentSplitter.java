package dev.vigil.formats.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into top-level JSON objects without parsing them, so that documents can be
 * parsed (and fail) one at a time and memory holds one document. Tracks strings and escapes, so braces
 * inside values do not count. At top level, whitespace, commas and the brackets of an enclosing array are
 * separators; {@code evtx_dump}'s {@code Record N} header lines are separators too; any other text is
 * reported as a bad record.
 */
final class JsonDocumentSplitter {

    interface Documents {
        void document(long startLine, String json);
    }

    interface Problems {
        void problem(long line, String message);
    }

    private final Reader in;

    JsonDocumentSplitter(Reader in) {
        this.in = in;
    }

    /** Whether a line holds one object on its own (JSON lines) rather than the start of a pretty-printed one. */
    static boolean isCompleteObject(String line) {
        String t = line.strip();
        return t.length() > 1 && t.charAt(0) == '{' && t.charAt(t.length() - 1) == '}';
    }

    void forEach(Documents docs, Problems problems) throws IOException {
        char[] buf = new char[65536];
        StringBuilder doc = new StringBuilder();
        StringBuilder junk = new StringBuilder();
        long line = 1;
        long docLine = 0;
        long junkLine = 0;
        int depth = 0;
        boolean inString = false;
        boolean escape = false;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (depth > 0) {
                    doc.append(c);
                    if (inString) {
                        if (escape) {
                            escape = false;
                        } else if (c == '\\') {
                            escape = true;
                        } else if (c == '"') {
                            inString = false;
                        }
                    } else if (c == '"') {
                        inString = true;
                    } else if (c == '{' || c == '[') {
                        depth++;
                    } else if (c == '}' || c == ']') {
                        if (--depth == 0) {
                            docs.document(docLine, doc.toString());
                            doc.setLength(0);
                        }
                    }
                } else if (c == '{') {
                    flushJunk(junk, junkLine, problems);
                    depth = 1;
                    docLine = line;
                    doc.append(c);
                } else if (c == '\n') {
                    flushJunk(junk, junkLine, problems);
                } else if (junk.length() > 0 || !(Character.isWhitespace(c) || c == ',' || c == '[' || c == ']')) {
                    if (junk.length() == 0) {
                        junkLine = line;
                    }
                    if (junk.length() < 200) {
                        junk.append(c);
                    }
                }
                if (c == '\n') {
                    line++;
                }
            }
        }
        flushJunk(junk, junkLine, problems);
        if (depth > 0) {
            problems.problem(docLine, "unterminated JSON object (input ends inside it)");
        }
    }

    private static void flushJunk(StringBuilder junk, long line, Problems problems) {
        if (junk.length() == 0) {
            return;
        }
        String text = junk.toString().strip();
        junk.setLength(0);
        if (text.isEmpty() || isRecordHeader(text)) {
            return;
        }
        problems.problem(line, "unexpected text '" + text + "' outside a JSON object");
    }

    /** {@code evtx_dump} writes {@code Record 12} before each pretty-printed record. */
    private static boolean isRecordHeader(String text) {
        if (!text.startsWith("Record ") || text.length() == 7) {
            return false;
        }
        for (int i = 7; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
