package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.analytic.Risk;
import dev.vigil.core.correlate.Correlation;
import dev.vigil.core.correlate.CorrelationType;
import dev.vigil.core.correlate.CountCondition;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.dialects.CorrelationDraft;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A Sigma correlation rule as read (specification "Correlation rules"): its type, the rules it references (by
 * id or name), group-by fields with their per-rule aliases, timespan, count condition and {@code generate}.
 * Checked as it is read; {@link #resolve} turns it into a core {@link Correlation} once the referenced rules
 * are known.
 *
 * @param aliases group column to (rule reference as written to that rule's field)
 * @param at      the {@code correlation:} key, where problems found at resolution are reported
 */
public record SigmaCorrelation(String id, String name, String title, String description, String level, String type,
                               List<String> rules, List<String> groupBy, Map<String, Map<String, String>> aliases,
                               String timespan, Map<String, String> condition, boolean generate, SourceSpan at,
                               String documentText, QuerySource source) implements CorrelationDraft {

    static final Set<String> TYPES = Set.of("event_count", "value_count", "temporal", "temporal_ordered",
            "value_sum", "value_avg", "value_percentile", "value_median", "temporal_extended");
    private static final Set<String> OPERATORS = Set.of("gt", "gte", "lt", "lte", "eq", "neq");
    private static final Pattern TIMESPAN = Pattern.compile("\\d+[smhdwMy]");
    private static final Pattern COUNT = Pattern.compile("\\d+");

    /** The correlation, or null when it is malformed (the reasons go to {@code diags}). */
    static SigmaCorrelation read(SigmaYaml doc, String text, QuerySource source, Diagnostics diags) {
        Node root = doc.root();
        Node c = SigmaYaml.get(root, "correlation");
        if (!SigmaYaml.isMap(c)) {
            diags.report(error(doc, c, "sigma/invalid-correlation", "'correlation' must be a mapping", ""));
            return null;
        }
        boolean ok = true;
        String type = SigmaYaml.text(SigmaYaml.get(c, "type"));
        if (type == null || !TYPES.contains(type)) {
            diags.report(error(doc, SigmaYaml.get(c, "type") == null ? c : SigmaYaml.get(c, "type"),
                    "sigma/invalid-correlation", "unknown correlation type '" + type + "'",
                    "allowed: " + String.join(", ", TYPES.stream().sorted().toList())));
            ok = false;
        }
        List<String> rules = SigmaYaml.strings(SigmaYaml.get(c, "rules"));
        if (rules.isEmpty()) {
            diags.report(error(doc, c, "sigma/invalid-correlation", "the correlation names no rules",
                    "list the rule ids or names under 'rules:'"));
            ok = false;
        }
        String timespan = SigmaYaml.text(SigmaYaml.get(c, "timespan"));
        if (timespan == null || !TIMESPAN.matcher(timespan).matches()) {
            diags.report(error(doc, SigmaYaml.get(c, "timespan") == null ? c : SigmaYaml.get(c, "timespan"),
                    "sigma/invalid-correlation", "timespan '" + timespan + "' is not a number and a unit",
                    "write e.g. 5m, 1h, 2d"));
            ok = false;
        }
        Map<String, String> condition = new LinkedHashMap<>();
        for (NodeTuple t : SigmaYaml.entries(SigmaYaml.get(c, "condition"))) {
            String op = SigmaYaml.text(t.getKeyNode());
            String value = SigmaYaml.text(t.getValueNode());
            if (op != null && OPERATORS.contains(op) && (value == null || !COUNT.matcher(value).matches())) {
                diags.report(error(doc, t.getValueNode(), "sigma/invalid-correlation", "'" + op + "' needs a whole "
                        + "number, not '" + value + "'", "write e.g. gte: 10"));
                ok = false;
            } else if (op != null && (OPERATORS.contains(op) || op.equals("field") || op.equals("percentile"))) {
                condition.put(op, value);
            } else {
                diags.report(error(doc, t.getKeyNode(), "sigma/invalid-correlation", "unknown condition key '" + op
                        + "'", "use gt, gte, lt, lte, eq, neq (and 'field' for value_* types)"));
                ok = false;
            }
        }
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        for (NodeTuple t : SigmaYaml.entries(SigmaYaml.get(c, "aliases"))) {
            Map<String, String> byRule = new LinkedHashMap<>();
            for (NodeTuple r : SigmaYaml.entries(t.getValueNode())) {
                byRule.put(SigmaYaml.text(r.getKeyNode()), SigmaYaml.text(r.getValueNode()));
            }
            aliases.put(SigmaYaml.text(t.getKeyNode()), byRule);
        }
        if (!ok) {
            return null;
        }
        return new SigmaCorrelation(SigmaYaml.text(SigmaYaml.get(root, "id")), SigmaYaml.text(SigmaYaml.get(root, "name")),
                SigmaYaml.text(SigmaYaml.get(root, "title")), SigmaYaml.text(SigmaYaml.get(root, "description")),
                SigmaYaml.text(SigmaYaml.get(root, "level")), type, rules,
                SigmaYaml.strings(SigmaYaml.get(c, "group-by")), aliases, timespan, condition,
                "true".equalsIgnoreCase(SigmaYaml.text(SigmaYaml.get(c, "generate"))), doc.keySpan(root, "correlation"),
                text, source);
    }

    /** The analytic id a correlation gets: its id, else its name, else its title. */
    @Override
    public String analyticId() {
        return id != null ? id : name != null ? name : title;
    }

    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>();
        if (id != null) {
            out.add(id);
        }
        if (name != null) {
            out.add(name);
        }
        return out;
    }

    @Override
    public Correlation resolve(Function<String, String> idOf, Diagnostics diags) {
        CorrelationType kind = CorrelationType.byKey(type).orElse(null);
        if (kind == null) {
            diags.report(unsupported("correlation type '" + type + "' is not run yet",
                    "Vigil runs event_count, value_count, temporal and temporal_ordered"));
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (String ref : rules) {
            String resolved = idOf.apply(ref);
            if (resolved == null) {
                diags.report(new Diagnostic(Severity.ERROR, "sigma/unknown-rule-reference", "correlation '" + title
                        + "' refers to '" + ref + "', which no loaded rule has as id or name", at, "",
                        "load the referenced rule too (-r FILE), or fix the reference"));
                return null;
            }
            ids.add(resolved);
        }
        CountCondition count = countCondition(kind, diags);
        if (count == null) {
            return null;
        }
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        aliases.forEach((column, byRule) -> {
            Map<String, String> m = new LinkedHashMap<>();
            byRule.forEach((ref, field) -> {
                String resolved = idOf.apply(ref);
                m.put(resolved == null ? ref : resolved, field);
            });
            byId.put(column, m);
        });
        Implementation impl = new Implementation(title, "sigma", description, "sigma", documentText, source);
        Risk risk = level == null ? Risk.UNKNOWN : new Risk(null, null, null, level);
        Analytic analytic = new Analytic(analyticId(), title, description, List.of(), List.of(), List.of(), risk,
                List.of(), List.of(), List.of(impl), at.file());
        return new Correlation(analytic, kind, ids, groupBy, byId, millis(timespan), count, condition.get("field"),
                generate);
    }

    private CountCondition countCondition(CorrelationType kind, Diagnostics diags) {
        List<CountCondition.Bound> bounds = new ArrayList<>();
        condition.forEach((op, value) -> {
            if (OPERATORS.contains(op)) {
                bounds.add(new CountCondition.Bound(CountCondition.Op.valueOf(op.toUpperCase(Locale.ROOT)),
                        Long.parseLong(value)));
            }
        });
        boolean temporal = kind == CorrelationType.TEMPORAL || kind == CorrelationType.TEMPORAL_ORDERED;
        if (kind == CorrelationType.VALUE_COUNT && condition.get("field") == null) {
            diags.report(new Diagnostic(Severity.ERROR, "sigma/invalid-correlation", "value_count correlation '"
                    + title + "' names no field to count", at, "", "add 'field: NAME' under 'condition:'"));
            return null;
        }
        if (bounds.isEmpty() && temporal) {
            // pySigma's default for temporal types: every listed rule must be seen.
            return CountCondition.atLeast(rules.size());
        }
        if (bounds.isEmpty()) {
            diags.report(new Diagnostic(Severity.ERROR, "sigma/invalid-correlation", "correlation '" + title
                    + "' has no condition", at, "", "add e.g. 'condition: {gte: 10}'"));
            return null;
        }
        CountCondition c = new CountCondition(bounds);
        if (!c.isLowerBound()) {
            diags.report(unsupported("condition '" + c + "' has an upper bound, which a sliding window "
                    + "checked at each event cannot decide", "use gt or gte"));
            return null;
        }
        return c;
    }

    private Diagnostic unsupported(String message, String hint) {
        return new Diagnostic(Severity.ERROR, "sigma/unsupported-correlation", "correlation '" + title + "': "
                + message, at, "", hint);
    }

    /** Sigma timespans; pySigma's month and year lengths for {@code M} and {@code y}. */
    static long millis(String timespan) {
        long n = Long.parseLong(timespan.substring(0, timespan.length() - 1));
        char unit = timespan.charAt(timespan.length() - 1);
        long seconds = switch (unit) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86_400;
            case 'w' -> 604_800;
            case 'M' -> 2_629_746;
            default -> 31_556_952;
        };
        return n * seconds * 1000;
    }

    private static Diagnostic error(SigmaYaml doc, Node at, String code, String message, String hint) {
        return new Diagnostic(Severity.ERROR, code, message, doc.span(at), "", hint);
    }
}
