package dev.vigil.dialects.sigma;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Sigma correlation rule as read (specification "Correlation rules"): its type, the rules it references (by
 * id or name), group-by fields, timespan and count condition. Read and checked now so that authors get their
 * mistakes reported; running correlations is a later stage of the engine.
 */
public record SigmaCorrelation(String id, String name, String title, String type, List<String> rules,
                               List<String> groupBy, String timespan, Map<String, String> condition) {

    static final Set<String> TYPES = Set.of("event_count", "value_count", "temporal", "temporal_ordered",
            "value_sum", "value_avg", "value_percentile", "value_median", "temporal_extended");
    private static final Set<String> OPERATORS = Set.of("gt", "gte", "lt", "lte", "eq", "neq");
    private static final Pattern TIMESPAN = Pattern.compile("\\d+[smhdwMy]");

    /** The correlation, or null when it is malformed (the reasons go to {@code diags}). */
    static SigmaCorrelation read(SigmaYaml doc, Diagnostics diags) {
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
        Node cond = SigmaYaml.get(c, "condition");
        for (NodeTuple t : SigmaYaml.entries(cond)) {
            String op = SigmaYaml.text(t.getKeyNode());
            if (op != null && (OPERATORS.contains(op) || op.equals("field") || op.equals("percentile"))) {
                condition.put(op, SigmaYaml.text(t.getValueNode()));
            } else {
                diags.report(error(doc, t.getKeyNode(), "sigma/invalid-correlation", "unknown condition key '" + op
                        + "'", "use gt, gte, lt, lte, eq, neq (and 'field' for value_* types)"));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        return new SigmaCorrelation(SigmaYaml.text(SigmaYaml.get(root, "id")), SigmaYaml.text(SigmaYaml.get(root, "name")),
                SigmaYaml.text(SigmaYaml.get(root, "title")), type, rules,
                SigmaYaml.strings(SigmaYaml.get(c, "group-by")), timespan, condition);
    }

    private static Diagnostic error(SigmaYaml doc, Node at, String code, String message, String hint) {
        return new Diagnostic(Severity.ERROR, code, message, doc.span(at), "", hint);
    }
}
