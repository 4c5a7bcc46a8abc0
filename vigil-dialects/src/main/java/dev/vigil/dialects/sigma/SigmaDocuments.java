package dev.vigil.dialects.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file into its YAML documents at {@code ---} lines, keeping each document's first line, so each
 * document is read (and fails) on its own and positions stay those of the file.
 */
final class SigmaDocuments {

    /** One document's text and the 1-based file line it starts on. */
    record Part(String text, int firstLine) {
    }

    private SigmaDocuments() {
    }

    /**
     * The documents of {@code text}, each the text between two separator lines (a separator of its own
     * ends the previous document, line break included). Walked line by line with {@code indexOf}: a part is a
     * substring of the text, and no regular-expression machinery runs for each file.
     */
    static List<Part> split(String text) {
        List<Part> out = new ArrayList<>();
        int partStart = 0;
        int startLine = 1;
        int line = 0;
        int pos = 0;
        while (true) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            if (separator(text, pos, end)) {
                add(out, text.substring(partStart, pos), startLine);
                partStart = nl < 0 ? text.length() : nl + 1;
                startLine = line + 2;
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
            line++;
        }
        add(out, text.substring(partStart), startLine);
        return out;
    }

    private static void add(List<Part> out, String text, int firstLine) {
        if (!text.isBlank()) {
            out.add(new Part(text, firstLine));
        }
    }

    /** {@code ---} alone (or before a carriage return) or followed by a space. */
    private static boolean separator(String text, int from, int end) {
        if (!text.startsWith("---", from)) {
            return false;
        }
        int after = end - from;
        return after == 3 || (after > 3 && text.charAt(from + 3) == ' ') || (after == 4 && text.charAt(from + 3) == '\r');
    }
}
