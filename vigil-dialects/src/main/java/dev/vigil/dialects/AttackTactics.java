package dev.vigil.dialects;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** ATT&amp;CK tactic ids and names onto the short names detections carry ({@code TA0005} → {@code defense-evasion}). */
public final class AttackTactics {

    private static final Map<String, String> BY_ID_OR_NAME = new HashMap<>();

    static {
        for (String[] row : DataTable.resource(AttackTactics.class, "attack-tactics.tsv")) {
            BY_ID_OR_NAME.put(row[0].toLowerCase(Locale.ROOT), row[1]);
            BY_ID_OR_NAME.put(row[1], row[1]);
            BY_ID_OR_NAME.put(row[2].toLowerCase(Locale.ROOT), row[1]);
        }
    }

    private AttackTactics() {
    }

    /** The short name for a tactic id ({@code TA0005}), name ({@code Defense Evasion}) or short name; else the input lower-cased. */
    public static String shortName(String idOrName) {
        String k = idOrName.trim().toLowerCase(Locale.ROOT);
        return BY_ID_OR_NAME.getOrDefault(k, k.replace(' ', '-'));
    }
}
