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

    static List<Part> split(String text) {
        List<Part> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder cur = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.equals("---") || l.startsWith("--- ") || l.equals("---\r")) {
                if (!cur.toString().isBlank()) {
                    out.add(new Part(cur.toString(), start));
                }
                cur.setLength(0);
                start = i + 2;
                continue;
            }
            cur.append(l);
            if (i + 1 < lines.length) {
                cur.append('\n');
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(new Part(cur.toString(), start));
        }
        return out;
    }
}
