package dev.vigil.dialects.logpoint;

import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.stage.Aggregate;
import dev.vigil.core.stage.AggregateFunction;
import dev.vigil.core.stage.Project;
import dev.vigil.core.stage.RowFilter;
import dev.vigil.core.stage.Stage;
import dev.vigil.dialects.DataTable;
import dev.vigil.dialects.Dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LogPoint's query language as CAR and pySigma write it: a search ({@link LogPointParser}) and the
 * commands {@code | chart fn(f) as name by a, b}, {@code | search cond} (on the chart's rows) and
 * {@code | fields a, b}. Field names resolve through {@code logpoint-fields.tsv} (both field dialects);
 * {@code norm_id} binds the source ({@code norm-ids.tsv}).
 */
public final class LogPointDialect implements Dialect {

    public static final String KEY = "logpoint";

    private static final Map<String, String> FIELDS = load("logpoint-fields.tsv");
    private static final Map<String, EventScope> NORM_IDS = normIds();
    private static final Pattern CHART_FN = Pattern.compile(
            "\\s*([a-z_]+)\\(\\s*([^)]*?)\\s*\\)\\s*(?:as\\s+(\"[^\"]*\"|\\S+))?\\s*,?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, AggregateFunction> FUNCTIONS = Map.of("count", AggregateFunction.COUNT,
            "distinct_count", AggregateFunction.DC, "min", AggregateFunction.MIN, "max", AggregateFunction.MAX,
            "sum", AggregateFunction.SUM, "avg", AggregateFunction.AVG, "distinct_list", AggregateFunction.VALUES);

    private static Map<String, String> load(String name) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] r : DataTable.resource(LogPointDialect.class, name)) {
            m.put(r[0], r[1]);
        }
        return Map.copyOf(m);
    }

    private static Map<String, EventScope> normIds() {
        Map<String, EventScope> m = new LinkedHashMap<>();
        load("norm-ids.tsv").forEach((k, v) -> {
            String[] p = v.split("/", -1);
            m.put(k, EventScope.of(new EventClass(star(p[0]), star(p[1]), star(p[2]))));
        });
        return Map.copyOf(m);
    }

    private static String star(String s) {
        return s.equals("*") ? null : s;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<Query> compile(Implementation implementation, Diagnostics diagnostics) {
        String text = implementation.query() == null ? "" : implementation.query();
        List<int[]> parts = split(text);
        int[] first = parts.get(0);
        LogPointParser search = new LogPointParser(text.substring(first[0], first[1]), first[0],
                implementation.source(), diagnostics, FIELDS, NORM_IDS);
        search.fullText = text;
        Expr filter = search.parse();
        if (filter == null || search.broken()) {
            return List.of();
        }
        List<Stage> stages = new ArrayList<>();
        List<String> columns = null;
        for (int i = 1; i < parts.size(); i++) {
            String cmd = text.substring(parts.get(i)[0], parts.get(i)[1]).strip();
            int at = parts.get(i)[0] + (text.substring(parts.get(i)[0], parts.get(i)[1]).length()
                    - text.substring(parts.get(i)[0], parts.get(i)[1]).stripLeading().length());
            String name = cmd.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            String args = cmd.substring(Math.min(cmd.length(), name.length())).strip();
            if (name.equals("chart")) {
                Aggregate a = chart(args, at, search, diagnostics);
                if (a == null) {
                    return List.of();
                }
                stages.add(a);
                columns = a.outputs();
            } else if (name.equals("search")) {
                LogPointParser p = new LogPointParser(args, at + cmd.indexOf(args), implementation.source(),
                        diagnostics, Map.of(), NORM_IDS);
                p.fullText = text;
                Expr e = p.parse();
                if (e == null || p.broken()) {
                    return List.of();
                }
                if (stages.isEmpty()) {
                    filter = Expr.and(List.of(filter, e));
                } else {
                    stages.add(RowFilter.of("search", e));
                }
            } else if (name.equals("fields")) {
                List<String> cols = new ArrayList<>();
                for (String c : args.split("[,\\s]+")) {
                    if (!c.isEmpty()) {
                        cols.add(columns == null ? FIELDS.getOrDefault(c, c) : c);
                    }
                }
                stages.add(new Project(cols, true));
            } else {
                diagnostics.report(new Diagnostic(dev.vigil.core.diag.Severity.ERROR, "logpoint/unsupported-command",
                        "command '" + name + "' is not supported", search.span(at), "",
                        "supported commands: chart, search, fields"));
                return List.of();
            }
        }
        return List.of(new Query(implementation.name(), LogPointParser.union(search.bindings()), filter, stages));
    }

    private static Aggregate chart(String args, int at, LogPointParser search, Diagnostics diagnostics) {
        String lower = args.toLowerCase(Locale.ROOT);
        int by = lower.lastIndexOf(" by ");
        String fns = by < 0 ? args : args.substring(0, by);
        List<Aggregate.Statistic> stats = new ArrayList<>();
        Matcher m = CHART_FN.matcher(fns);
        int consumed = 0;
        while (consumed < fns.length() && m.find(consumed) && m.start() == consumed) {
            AggregateFunction fn = FUNCTIONS.get(m.group(1).toLowerCase(Locale.ROOT));
            if (fn == null) {
                diagnostics.report(new Diagnostic(dev.vigil.core.diag.Severity.ERROR, "logpoint/unsupported-function",
                        "chart function '" + m.group(1) + "' is not supported", search.span(at), "",
                        "supported: " + String.join(", ", FUNCTIONS.keySet().stream().sorted().toList())));
                return null;
            }
            String arg = m.group(2).isEmpty() ? null : FIELDS.getOrDefault(m.group(2), m.group(2));
            String out = m.group(3) == null ? m.group(1) + "(" + m.group(2) + ")" : m.group(3).replace("\"", "");
            stats.add(new Aggregate.Statistic(fn, arg, out));
            consumed = m.end();
        }
        if (stats.isEmpty() || !fns.substring(consumed).isBlank()) {
            diagnostics.report(new Diagnostic(dev.vigil.core.diag.Severity.ERROR, "logpoint/syntax",
                    "cannot read chart functions in '" + fns.strip() + "'", search.span(at), "",
                    "chart count() as cnt by field"));
            return null;
        }
        List<Aggregate.Key> keys = new ArrayList<>();
        if (by >= 0) {
            for (String k : args.substring(by + 4).split("[,\\s]+")) {
                if (!k.isEmpty()) {
                    keys.add(new Aggregate.Key(FIELDS.getOrDefault(k, k), k));
                }
            }
        }
        return new Aggregate(stats, keys, null);
    }

    /** Command ranges: split on {@code |} outside quotes and brackets. */
    static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        char quote = 0;
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == '|' && depth == 0) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        out.add(new int[] {start, text.length()});
        return out;
    }
}
