package dev.vigil.dialects;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What documents call their query languages ("Pseudocode", "psuedocode", "Splunk", "LogPoint", ...) mapped
 * onto dialect keys. Kept as data ({@code dialect-names.tsv}) because every source spells them its own way.
 */
public final class DialectNames {

    private static final Map<String, String> BY_NAME = load();

    private DialectNames() {
    }

    /** The dialect key for a document's language name; unknown names come back lower-cased. */
    public static String keyFor(String documentName) {
        String n = documentName == null ? "" : documentName.trim().toLowerCase(Locale.ROOT);
        return BY_NAME.getOrDefault(n, n);
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        for (String[] row : DataTable.resource(DialectNames.class, "dialect-names.tsv")) {
            m.put(row[0].toLowerCase(Locale.ROOT), row[1]);
        }
        return m;
    }
}
