package dev.vigil.dialects.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pipe tables and links of the Markdown analytic pages CAR and ESCU publish. */
final class MarkdownTable {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)]*)\\)");

    private MarkdownTable() {
    }

    /** The body rows of the first table after the heading line that starts with {@code heading}. */
    static List<List<String>> rowsAfter(List<String> lines, String heading) {
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && !lines.get(i).trim().startsWith(heading)) {
            i++;
        }
        boolean inTable = false;
        int seen = 0;
        for (i = i + 1; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.startsWith("#")) {
                break;
            }
            if (l.startsWith("|")) {
                inTable = true;
                seen++;
                if (seen > 2) { // header and separator first
                    rows.add(cells(l));
                }
            } else if (inTable && !l.isEmpty()) {
                break;
            }
        }
        return rows;
    }

    static List<String> cells(String row) {
        String r = row.trim();
        if (r.startsWith("|")) {
            r = r.substring(1);
        }
        if (r.endsWith("|")) {
            r = r.substring(0, r.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String c : r.split("\\|", -1)) {
            out.add(c.trim());
        }
        return out;
    }

    /** Link targets in a cell, in order. */
    static List<String> targets(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(cell);
        while (m.find()) {
            out.add(m.group(2));
        }
        return out;
    }

    /** Link texts in a cell, or the cell itself when it has no link. */
    static List<String> texts(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(cell);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        if (out.isEmpty() && !cell.isBlank()) {
            out.add(cell.trim());
        }
        return out;
    }
}
