package dev.vigil.dialects.spl;

import dev.vigil.core.ir.Expr;
import dev.vigil.core.stage.Aggregate;
import dev.vigil.core.stage.AggregateFunction;
import dev.vigil.core.stage.Eval;
import dev.vigil.core.stage.EvalTerm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code stats} and {@code tstats}. Grammar:
 * <pre>
 * tstats  := (option "=" value)* function+ ["from" "datamodel=" Model.Dataset] ["where" search-expr] ["by" field ("," | field)*]
 * stats   := function+ ["by" field ("," | field)*]
 * function:= name ["(" field ")"] ["as" name]        count, dc, values, list, min, max, sum, avg, earliest, latest
 * </pre>
 * A tstats over a data model reads the model's events and resolves {@code Dataset.field} names through the
 * CIM alias table; its {@code where} has search semantics. {@code fillnull_value} keeps rows whose group
 * fields are missing (ESCU sets it to the string {@code null}); without it they are dropped. The result is
 * rows, one per group, not events.
 */
final class Aggregation implements SplCommand {

    private static final Map<String, AggregateFunction> FUNCTIONS = Map.ofEntries(
            Map.entry("count", AggregateFunction.COUNT), Map.entry("c", AggregateFunction.COUNT),
            Map.entry("dc", AggregateFunction.DC), Map.entry("distinct_count", AggregateFunction.DC),
            Map.entry("values", AggregateFunction.VALUES), Map.entry("list", AggregateFunction.LIST),
            Map.entry("min", AggregateFunction.MIN), Map.entry("max", AggregateFunction.MAX),
            Map.entry("sum", AggregateFunction.SUM), Map.entry("avg", AggregateFunction.AVG),
            Map.entry("mean", AggregateFunction.AVG), Map.entry("earliest", AggregateFunction.EARLIEST),
            Map.entry("latest", AggregateFunction.LATEST), Map.entry("first", AggregateFunction.EARLIEST),
            Map.entry("last", AggregateFunction.LATEST));

    private static final List<String> IGNORED_OPTIONS = List.of("summariesonly", "allow_old_summaries", "chunk_size",
            "local", "include_reduced_buckets");

    private final boolean tstats;

    Aggregation(boolean tstats) {
        this.tstats = tstats;
    }

    private record Spec(AggregateFunction function, String argument, int argumentAt, String output) {
    }

    @Override
    public void apply(String name, String args, int base, SplPipeline p) {
        List<SplToken> t = SplCommands.searchTokens(args, base, p.ctx);
        String fillNull = null;
        int i = 0;
        if (tstats) {
            while (t.get(i).is(SplToken.Type.WORD) && t.get(i + 1).isOp("=")) {
                String option = t.get(i).text();
                String value = t.get(i + 2).text();
                if (option.equals("fillnull_value")) {
                    fillNull = value;
                } else if (!IGNORED_OPTIONS.contains(option)) {
                    p.ctx.error("spl/unsupported-argument", t.get(i).start(), "tstats option '" + option + "="
                            + value + "' is not supported", "supported: fillnull_value, summariesonly, allow_old_summaries");
                    return;
                }
                i += 3;
            }
        }
        List<Spec> specs = new ArrayList<>();
        while (!t.get(i).is(SplToken.Type.EOF) && !keyword(t, i)) {
            SplToken f = t.get(i);
            if (f.is(SplToken.Type.COMMA)) {
                i++;
                continue;
            }
            AggregateFunction fn = FUNCTIONS.get(f.text().toLowerCase(Locale.ROOT));
            if (fn == null || !f.is(SplToken.Type.WORD)) {
                p.ctx.error("spl/unsupported-function", f.start(), name + " function '" + f.raw() + "' is not supported",
                        "supported: " + String.join(", ", FUNCTIONS.keySet().stream().sorted().toList()));
                return;
            }
            String arg = null;
            int argAt = f.start();
            String output = f.text();
            i++;
            if (t.get(i).is(SplToken.Type.LPAREN) && !t.get(i).spaceBefore()) {
                SplToken a = t.get(i + 1);
                if (!t.get(i + 2).is(SplToken.Type.RPAREN) || !(a.is(SplToken.Type.WORD) || a.is(SplToken.Type.STRING))) {
                    p.ctx.error("spl/unsupported-function", a.start(), name + " argument '" + a.raw()
                            + "' is not supported (only a field name)", "count(eval(...)) and similar need eval support");
                    return;
                }
                arg = a.text();
                argAt = a.start();
                output = f.text() + "(" + a.text() + ")";
                i += 3;
            }
            if (t.get(i).text().equalsIgnoreCase("as") && t.get(i).is(SplToken.Type.WORD)) {
                output = t.get(i + 1).text();
                i += 2;
            }
            specs.add(new Spec(fn, arg, argAt, output));
        }
        Expr where = null;
        List<SplToken> byTokens = List.of();
        while (!t.get(i).is(SplToken.Type.EOF)) {
            String kw = t.get(i).text().toLowerCase(Locale.ROOT);
            int end = i + 1;
            while (!t.get(end).is(SplToken.Type.EOF) && !keyword(t, end)) {
                end++;
            }
            List<SplToken> part = new ArrayList<>(t.subList(i + 1, end));
            part.add(new SplToken(SplToken.Type.EOF, "", "", t.get(end).start(), t.get(end).start(), true));
            if (kw.equals("from") && tstats) {
                if (!dataModel(part, p)) {
                    return;
                }
            } else if (kw.equals("where") && tstats) {
                where = new SearchParser(part, p.ctx, p.scope()).parse();
                if (where == null) {
                    return;
                }
            } else if (kw.equals("by")) {
                byTokens = part;
            } else {
                p.ctx.error("spl/syntax", t.get(i).start(), "unexpected '" + t.get(i).raw() + "' in " + name, "");
                return;
            }
            i = end;
        }
        if (where != null) {
            SplCommands.condition("where", where, p);
        }
        if (tstats && !p.eventLevel()) {
            p.ctx.error("spl/unsupported-command", base, "tstats must be the first command", "");
            return;
        }
        List<Eval.Assignment> derived = new ArrayList<>();
        List<Aggregate.Statistic> stats = new ArrayList<>();
        for (Spec s : specs) {
            stats.add(new Aggregate.Statistic(s.function(), s.argument() == null ? null
                    : source(s.argument(), s.argumentAt(), p, derived), s.output()));
        }
        List<Aggregate.Key> keys = new ArrayList<>();
        for (SplToken k : byTokens) {
            if (k.is(SplToken.Type.COMMA) || k.is(SplToken.Type.EOF)) {
                continue;
            }
            if (!(k.is(SplToken.Type.WORD) || k.is(SplToken.Type.STRING)) || k.text().startsWith("span=")) {
                p.ctx.error("spl/unsupported-argument", k.start(), name + " by '" + k.raw() + "' is not supported",
                        "group by field names only");
                return;
            }
            keys.add(new Aggregate.Key(source(k.text(), k.start(), p, derived), k.text()));
        }
        if (!derived.isEmpty()) {
            p.addStage(new Eval(derived));
        }
        Aggregate stage = new Aggregate(stats, keys, fillNull);
        p.addStage(stage);
        p.defined.clear();
        p.defined.addAll(stage.outputs());
        p.aggregated = true;
    }

    /** Where a statistic or group reads its value: a canonical field, a column, or a derived column. */
    private static String source(String name, int at, SplPipeline p, List<Eval.Assignment> derived) {
        FieldScope.Resolved r = p.scope().resolve(name, at);
        if (r.field() == null) {
            return name;
        }
        if (r.basenameOf() != null) {
            String column = r.basenameOf() + "#basename";
            derived.add(new Eval.Assignment(column, new EvalTerm.Call("basename", Aggregation::basename,
                    List.of(new EvalTerm.Column(r.basenameOf())))));
            return column;
        }
        return r.field();
    }

    private static Object basename(List<Object> args) {
        Object v = args.get(0);
        if (v == null) {
            return null;
        }
        String s = v instanceof List<?> l ? (l.isEmpty() ? null : String.valueOf(l.get(0))) : String.valueOf(v);
        if (s == null) {
            return null;
        }
        int cut = Math.max(s.lastIndexOf('\\'), s.lastIndexOf('/'));
        return s.substring(cut + 1);
    }

    private boolean keyword(List<SplToken> t, int i) {
        SplToken k = t.get(i);
        if (!k.is(SplToken.Type.WORD) || (i > 0 && t.get(i - 1).is(SplToken.Type.OP))) {
            return false;
        }
        String w = k.text().toLowerCase(Locale.ROOT);
        return w.equals("by") || (tstats && (w.equals("from") || w.equals("where")));
    }

    private static boolean dataModel(List<SplToken> part, SplPipeline p) {
        SplToken k = part.get(0);
        if (!(k.text().equals("datamodel") && part.get(1).isOp("=") && part.size() > 3)) {
            p.ctx.error("spl/unsupported-argument", k.start(), "tstats from '" + k.raw() + "' is not supported",
                    "tstats ... from datamodel=Endpoint.Processes");
            return false;
        }
        SplToken m = part.get(2);
        var dm = SplTables.INSTANCE.dataModel(m.text());
        if (dm.isEmpty()) {
            p.ctx.error("spl/unsupported-datamodel", m.start(), "data model '" + m.text() + "' is not supported",
                    "supported: " + String.join(", ", SplTables.INSTANCE.dataModelNames()));
            return false;
        }
        p.dataModel = dm.get();
        return true;
    }
}
