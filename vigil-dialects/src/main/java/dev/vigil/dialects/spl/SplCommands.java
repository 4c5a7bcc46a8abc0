package dev.vigil.dialects.spl;

import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;
import dev.vigil.core.stage.Bin;
import dev.vigil.core.stage.ConvertTime;
import dev.vigil.core.stage.Dedup;
import dev.vigil.core.stage.Eval;
import dev.vigil.core.stage.EvalTerm;
import dev.vigil.core.stage.FillNull;
import dev.vigil.core.stage.Project;
import dev.vigil.core.stage.Rename;
import dev.vigil.core.stage.Rex;
import dev.vigil.core.stage.RowFilter;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry of SPL commands Vigil runs, by name. A command not here is reported as
 * {@code spl/unsupported-command} naming it; the search then does not run.
 */
final class SplCommands {

    static final Map<String, SplCommand> BY_NAME = registry();

    private SplCommands() {
    }

    private static Map<String, SplCommand> registry() {
        Map<String, SplCommand> m = new TreeMap<>();
        m.put("search", SplCommands::search);
        m.put("where", SplCommands::where);
        m.put("regex", SplCommands::regex);
        m.put("rename", SplCommands::rename);
        m.put("eval", SplCommands::eval);
        m.put("stats", new Aggregation(false));
        m.put("tstats", new Aggregation(true));
        m.put("convert", SplCommands::convert);
        m.put("table", (n, a, b, p) -> project(a, b, p, true));
        m.put("fields", SplCommands::fields);
        m.put("dedup", SplCommands::dedup);
        m.put("fillnull", SplCommands::fillnull);
        m.put("rex", SplCommands::rex);
        m.put("bin", SplCommands::bin);
        m.put("bucket", SplCommands::bin);
        return Map.copyOf(m);
    }

    static Optional<SplCommand> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    static List<SplToken> searchTokens(String args, int base, SplContext ctx) {
        SplLexer lx = new SplLexer(args, base, false);
        List<SplToken> t = lx.tokens();
        for (int i = 0; i < lx.problems().size(); i++) {
            ctx.error("spl/syntax", lx.problemOffsets().get(i), lx.problems().get(i), "close the string with '\"'");
        }
        return t;
    }

    static List<SplToken> evalTokens(String args, int base, SplContext ctx) {
        SplLexer lx = new SplLexer(args, base, true);
        List<SplToken> t = lx.tokens();
        for (int i = 0; i < lx.problems().size(); i++) {
            ctx.error("spl/syntax", lx.problemOffsets().get(i), lx.problems().get(i), "close the string");
        }
        return t;
    }

    /** Adds a condition: to the event filter while no stage exists yet, else as a row filter. */
    static void condition(String command, Expr e, SplPipeline p) {
        if (p.eventLevel()) {
            p.filters.add(e);
        } else {
            p.addStage(RowFilter.of(command, e));
        }
    }

    private static void search(String name, String args, int base, SplPipeline p) {
        Expr e = new SearchParser(searchTokens(args, base, p.ctx), p.ctx, p.scope()).parse();
        if (e != null) {
            condition("search", e, p);
        }
    }

    private static void where(String name, String args, int base, SplPipeline p) {
        EvalParser.Node n = new EvalParser(evalTokens(args, base, p.ctx), p.ctx).parse();
        if (n == null) {
            return;
        }
        Expr e = EvalParser.condition(n, p.ctx, p.scope());
        if (e != null) {
            condition("where", e, p);
        }
    }

    private static void regex(String name, String args, int base, SplPipeline p) {
        List<SplToken> t = searchTokens(args, base, p.ctx);
        String field = "_raw";
        boolean negate = false;
        int i = 0;
        if (t.size() > 2 && t.get(0).is(SplToken.Type.WORD) && t.get(1).is(SplToken.Type.OP)) {
            field = t.get(0).text();
            negate = t.get(1).isOp("!=");
            i = 2;
        }
        if (!(t.get(i).is(SplToken.Type.STRING) || t.get(i).is(SplToken.Type.WORD))) {
            p.ctx.error("spl/syntax", base, "regex needs a pattern", "regex field=\"pattern\"");
            return;
        }
        SplToken pat = t.get(i);
        // In a quoted regex, only \" is an escape; a doubled backslash stays doubled for the regex engine.
        String re = pat.is(SplToken.Type.STRING) ? pat.raw().substring(1, Math.max(1, pat.raw().length() - 1))
                .replace("\\\"", "\"") : pat.raw();
        try {
            Pattern.compile(re);
        } catch (PatternSyntaxException ex) {
            p.ctx.error("spl/unsupported-regex", pat.start(), "regular expression is not supported by RE2: "
                    + ex.getDescription(), "Vigil runs regexes in linear time (RE2): no look-around or back-references");
            return;
        }
        FieldScope.Resolved r = p.scope().resolve(field, t.get(0).start());
        Expr e = r.field() == null ? new Expr.Const(false, r.why(), p.ctx.span(base))
                : new Expr.Match(r.field(), StringOp.REGEX, re, true, p.ctx.span(pat.start()));
        condition("regex", negate ? Expr.not(e) : e, p);
    }

    private static final java.util.regex.Pattern QUOTED_PREFIX = java.util.regex.Pattern.compile("\"([^\"\\s]*)\"(\\.\\S*)");

    private static void rename(String name, String args, int base, SplPipeline p) {
        // A macro argument given quoted, as in `drop_dm_object_name("Processes")`, expands to "Processes".*;
        // Splunk reads that as the field pattern Processes.*. Same length kept, so positions stay right.
        args = QUOTED_PREFIX.matcher(args).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(" " + m.group(1) + m.group(2) + " "));
        List<SplToken> t = searchTokens(args, base, p.ctx);
        List<Rename.Rule> rules = new ArrayList<>();
        int i = 0;
        while (!t.get(i).is(SplToken.Type.EOF)) {
            if (t.get(i).is(SplToken.Type.COMMA)) {
                i++;
                continue;
            }
            SplToken from = t.get(i);
            SplToken as = t.get(i + 1);
            SplToken to = as.is(SplToken.Type.EOF) ? as : t.get(i + 2);
            if (!as.text().equalsIgnoreCase("as") || to.is(SplToken.Type.EOF)) {
                p.ctx.error("spl/syntax", from.start(), "rename needs 'old AS new'", "rename Processes.* AS *");
                return;
            }
            String source = from.text();
            if (!source.contains("*") && !p.aggregated && !p.defined.contains(source)) {
                FieldScope.Resolved r = p.scope().resolve(source, from.start());
                source = r.field() == null ? source : r.field();
            }
            rules.add(new Rename.Rule(source, to.text()));
            i += 3;
        }
        Rename stage = new Rename(rules);
        List<String> names = new ArrayList<>(p.defined);
        p.defined.clear();
        names.forEach(n -> p.defined.add(stage.rename(n)));
        rules.stream().filter(r -> !r.to().contains("*")).forEach(r -> p.defined.add(r.to()));
        p.addStage(stage);
    }

    private static void eval(String name, String args, int base, SplPipeline p) {
        List<SplToken> t = evalTokens(args, base, p.ctx);
        List<Eval.Assignment> assignments = new ArrayList<>();
        int i = 0;
        while (!t.get(i).is(SplToken.Type.EOF)) {
            SplToken target = t.get(i);
            if (!target.is(SplToken.Type.WORD) && !target.is(SplToken.Type.STRING) || !t.get(i + 1).isOp("=")) {
                p.ctx.error("spl/syntax", target.start(), "eval needs 'field=expression'", "");
                return;
            }
            int j = i + 2;
            int depth = 0;
            List<SplToken> expr = new ArrayList<>();
            while (!t.get(j).is(SplToken.Type.EOF) && !(depth == 0 && t.get(j).is(SplToken.Type.COMMA))) {
                depth += t.get(j).is(SplToken.Type.LPAREN) ? 1 : t.get(j).is(SplToken.Type.RPAREN) ? -1 : 0;
                expr.add(t.get(j++));
            }
            expr.add(t.get(j).is(SplToken.Type.EOF) ? t.get(j)
                    : new SplToken(SplToken.Type.EOF, "", "", t.get(j).start(), t.get(j).start(), true));
            EvalParser.Node n = new EvalParser(expr, p.ctx).parse();
            if (n == null) {
                return;
            }
            EvalTerm term = EvalParser.term(n, p.ctx, p.scope());
            if (term == null) {
                if (!p.ctx.failed()) {
                    p.ctx.error("spl/unsupported-expression", target.start(), "eval expression for '"
                            + target.text() + "' is not supported", "");
                }
                return;
            }
            assignments.add(new Eval.Assignment(target.text(), term));
            p.defined.add(target.text());
            i = t.get(j).is(SplToken.Type.EOF) ? j : j + 1;
        }
        p.addStage(new Eval(assignments));
    }

    private static void convert(String name, String args, int base, SplPipeline p) {
        List<SplToken> t = searchTokens(args, base, p.ctx);
        String format = ConvertTime.DEFAULT_FORMAT;
        List<String> columns = new ArrayList<>();
        for (int i = 0; !t.get(i).is(SplToken.Type.EOF); i++) {
            SplToken k = t.get(i);
            if (k.text().equals("timeformat") && t.get(i + 1).isOp("=")) {
                format = t.get(i + 2).text();
                i += 2;
            } else if (k.text().equals("ctime") && t.get(i + 1).is(SplToken.Type.LPAREN)) {
                String col = t.get(i + 2).text();
                columns.add(p.aggregated || p.defined.contains(col) ? col : p.scope().resolve(col, k.start()).field());
                i += 3;
                if (t.get(i + 1).text().equalsIgnoreCase("as")) {
                    p.ctx.error("spl/unsupported-argument", t.get(i + 1).start(), "convert ... AS is not supported",
                            "convert the column in place");
                    return;
                }
            } else {
                p.ctx.error("spl/unsupported-argument", k.start(), "convert function '" + k.text()
                        + "' is not supported", "supported: convert [timeformat=\"...\"] ctime(field)");
                return;
            }
        }
        p.addStage(new ConvertTime(columns, format));
    }

    private static List<String> names(List<SplToken> t) {
        List<String> out = new ArrayList<>();
        for (SplToken k : t) {
            if (k.is(SplToken.Type.WORD) || k.is(SplToken.Type.STRING)) {
                out.add(k.text());
            }
        }
        return out;
    }

    private static String column(String n, SplPipeline p) {
        if (p.aggregated || p.defined.contains(n) || n.contains("*")) {
            return n;
        }
        FieldScope.Resolved r = p.scope().resolve(n, 0);
        return r.field() == null ? n : r.field();
    }

    private static void project(String args, int base, SplPipeline p, boolean keep) {
        List<String> cols = names(searchTokens(args, base, p.ctx)).stream().map(n -> column(n, p)).toList();
        p.addStage(new Project(cols, keep));
        if (keep) {
            p.defined.retainAll(cols);
        }
    }

    private static void fields(String name, String args, int base, SplPipeline p) {
        String a = args.strip();
        if (a.startsWith("-")) {
            project(a.substring(1), base + args.indexOf('-') + 1, p, false);
        } else {
            project(a.startsWith("+") ? a.substring(1) : a, base, p, true);
        }
    }

    private static void dedup(String name, String args, int base, SplPipeline p) {
        List<SplToken> t = searchTokens(args, base, p.ctx);
        List<String> cols = new ArrayList<>();
        for (int i = 0; !t.get(i).is(SplToken.Type.EOF); i++) {
            SplToken k = t.get(i);
            if (t.get(i + 1).is(SplToken.Type.OP) || k.text().equalsIgnoreCase("sortby")) {
                p.ctx.error("spl/unsupported-argument", k.start(), "dedup option '" + k.text() + "' is not supported",
                        "dedup field ...");
                return;
            }
            if (k.is(SplToken.Type.WORD) && !(i == 0 && k.text().matches("\\d+"))) {
                cols.add(column(k.text(), p));
            }
        }
        p.addStage(new Dedup(cols));
    }

    private static void fillnull(String name, String args, int base, SplPipeline p) {
        List<SplToken> t = searchTokens(args, base, p.ctx);
        String value = "0";
        List<String> cols = new ArrayList<>();
        for (int i = 0; !t.get(i).is(SplToken.Type.EOF); i++) {
            if (t.get(i).text().equals("value") && t.get(i + 1).isOp("=")) {
                value = t.get(i + 2).text();
                i += 2;
            } else if (t.get(i).is(SplToken.Type.WORD) || t.get(i).is(SplToken.Type.STRING)) {
                cols.add(column(t.get(i).text(), p));
            }
        }
        if (cols.isEmpty()) {
            cols.addAll(p.defined);
        }
        p.addStage(new FillNull(value, cols));
    }

    private static void rex(String name, String args, int base, SplPipeline p) {
        List<SplToken> t = searchTokens(args, base, p.ctx);
        String field = "_raw";
        String re = null;
        for (int i = 0; !t.get(i).is(SplToken.Type.EOF); i++) {
            SplToken k = t.get(i);
            if (k.is(SplToken.Type.WORD) && t.get(i + 1).isOp("=")) {
                if (k.text().equals("field")) {
                    field = t.get(i + 2).text();
                } else {
                    p.ctx.error("spl/unsupported-argument", k.start(), "rex option '" + k.text()
                            + "' is not supported", "rex field=f \"(?<name>...)\"");
                    return;
                }
                i += 2;
            } else if (k.is(SplToken.Type.STRING)) {
                re = k.raw().substring(1, Math.max(1, k.raw().length() - 1)).replace("\\\"", "\"");
            }
        }
        if (re == null) {
            p.ctx.error("spl/syntax", base, "rex needs a quoted regular expression", "");
            return;
        }
        try {
            Rex stage = Rex.of(column(field, p), re);
            p.defined.addAll(stage.groups());
            p.addStage(stage);
        } catch (PatternSyntaxException ex) {
            p.ctx.error("spl/unsupported-regex", base, "regular expression is not supported by RE2: "
                    + ex.getDescription(), "Vigil runs regexes in linear time (RE2)");
        }
    }

    private static void bin(String name, String args, int base, SplPipeline p) {
        List<SplToken> t = searchTokens(args, base, p.ctx);
        String col = null;
        double span = Double.NaN;
        for (int i = 0; !t.get(i).is(SplToken.Type.EOF); i++) {
            SplToken k = t.get(i);
            if (k.text().equals("span") && t.get(i + 1).isOp("=")) {
                span = seconds(t.get(i + 2).text());
                i += 2;
            } else if (k.is(SplToken.Type.WORD) && !t.get(i + 1).isOp("=")) {
                col = column(k.text(), p);
            } else {
                p.ctx.error("spl/unsupported-argument", k.start(), name + " option '" + k.text()
                        + "' is not supported", name + " _time span=1h");
                return;
            }
        }
        if (col == null || Double.isNaN(span)) {
            p.ctx.error("spl/unsupported-argument", base, name + " needs a field and span=<time>", name + " _time span=1h");
            return;
        }
        p.addStage(new Bin(col, span));
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}: seconds, or NaN. */
    static double seconds(String span) {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days)?")
                .matcher(span.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Double.NaN;
        }
        double n = Double.parseDouble(m.group(1));
        String u = m.group(2) == null ? "s" : m.group(2);
        return n * (u.startsWith("s") ? 1 : u.startsWith("m") ? 60 : u.startsWith("h") ? 3600 : 86400);
    }
}
