package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.analytic.Risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the {@link Analytic} for a Sigma rule: id (the rule's UUID, else its name, else the file), ATT&amp;CK
 * from {@code attack.tNNNN[.NNN]} and tactic tags, risk level from {@code level}.
 */
final class SigmaAnalytics {

    static final Set<String> TACTICS = Set.of("reconnaissance", "resource-development", "initial-access", "execution",
            "persistence", "privilege-escalation", "defense-evasion", "credential-access", "discovery",
            "lateral-movement", "collection", "command-and-control", "exfiltration", "impact");

    private SigmaAnalytics() {
    }

    static Analytic of(SigmaRule rule, String file, String documentText, int firstLine) {
        List<String> techniques = new ArrayList<>();
        List<String> tactics = new ArrayList<>();
        for (String tag : rule.tags()) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (technique(t)) {
                techniques.add(t.substring(7).toUpperCase(Locale.ROOT));
            } else if (t.startsWith("attack.") && TACTICS.contains(t.substring(7).replace('_', '-'))) {
                tactics.add(t.substring(7).replace('_', '-'));
            }
        }
        List<AttackRef> attack = new ArrayList<>();
        // A technique is paired with the tactic only when the rule names exactly one; otherwise the pairing is unknown.
        String onlyTactic = tactics.size() == 1 ? tactics.get(0) : null;
        for (String t : techniques) {
            attack.add(new AttackRef(t, onlyTactic, null));
        }
        if (techniques.isEmpty() || onlyTactic == null) {
            for (String t : tactics) {
                attack.add(new AttackRef(null, t, null));
            }
        }
        String id = rule.id() != null ? rule.id() : rule.name() != null ? rule.name() : file;
        Implementation impl = new Implementation(rule.title(), "sigma", rule.description(), "sigma", documentText,
                new QuerySource(file, firstLine, 1, 0));
        Risk risk = rule.level() == null ? Risk.UNKNOWN : new Risk(null, null, null, rule.level());
        return new Analytic(id, rule.title(), rule.description(), attack, List.of(), List.of(), risk,
                rule.falsePositives(), rule.references(), List.of(impl), file);
    }

    /** {@code attack.tNNNN} or {@code attack.tNNNN.NNN} (checked by hand: it runs for every tag of every rule). */
    static boolean technique(String t) {
        int n = t.length();
        if (!t.startsWith("attack.t") || (n != 12 && n != 16)) {
            return false;
        }
        for (int i = 8; i < n; i++) {
            char c = t.charAt(i);
            boolean ok = i == 12 ? c == '.' : c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
