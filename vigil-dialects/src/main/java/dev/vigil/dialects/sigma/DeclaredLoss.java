package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.Query;
import dev.vigil.core.engine.pass.Flatten;
import dev.vigil.core.engine.pass.FoldConstants;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.event.Field;
import dev.vigil.core.ir.Expr;
import dev.vigil.dialects.DataTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a rule loses on a given log source, from the data file {@code sources.tsv} (the fields each source
 * provides per event class). A query is:
 * <ul>
 *   <li>{@link Level#EXACT} on a source when every field it tests exists there;</li>
 *   <li>{@link Level#DEGRADED} when some predicate tests a field the source does not log: the predicate is
 *       false there (a branch can never be true, or a {@code not filter} never filters);</li>
 *   <li>{@link Level#IMPOSSIBLE} when the source logs no event the query looks at, or the query folds to
 *       false once the missing fields' predicates are replaced by false.</li>
 * </ul>
 * The analysis is on the IR only, so it applies to a query from any dialect.
 */
public final class DeclaredLoss {

    public enum Level { EXACT, DEGRADED, IMPOSSIBLE }

    /**
     * @param missing fields the query tests that the source does not log
     * @param reduced the query as it runs on that source (missing-field predicates replaced by false, folded)
     */
    public record Verdict(String source, Level level, Set<String> missing, String reason, Expr reduced) {
    }

    private record SourceClass(EventClass eventClass, Set<String> fields) {
        boolean allFields() {
            return fields == null;
        }
    }

    private static final DeclaredLoss STANDARD = load("sources.tsv");

    private final Map<String, List<SourceClass>> sources;

    private DeclaredLoss(Map<String, List<SourceClass>> sources) {
        this.sources = sources;
    }

    public static DeclaredLoss standard() {
        return STANDARD;
    }

    /** The source names the data file declares ({@code sysmon}, {@code security}). */
    public Set<String> sourceNames() {
        return new TreeSet<>(sources.keySet());
    }

    /** @throws IllegalArgumentException for a source the data file does not declare (the message lists them) */
    public Verdict classify(Query query, String source) {
        List<SourceClass> classes = sources.get(source);
        if (classes == null) {
            throw new IllegalArgumentException("unknown source '" + source + "'; known: " + String.join(", ",
                    sourceNames()));
        }
        Verdict best = null;
        for (SourceClass c : classes) {
            if (!query.scope().contains(c.eventClass())) {
                continue;
            }
            Verdict v = classify(query.filter(), source, c);
            if (best == null || v.level().ordinal() < best.level().ordinal()) {
                best = v;
            }
        }
        if (best == null) {
            return new Verdict(source, Level.IMPOSSIBLE, Set.of(), "'" + source + "' logs no event of " + query.scope(),
                    Expr.Const.FALSE);
        }
        return best;
    }

    private static Verdict classify(Expr filter, String source, SourceClass c) {
        if (c.allFields()) {
            return new Verdict(source, Level.EXACT, Set.of(), "", filter);
        }
        Set<String> missing = new TreeSet<>();
        Expr reduced = new FoldConstants().apply(new Flatten().apply(drop(filter, c.fields(), source, missing)));
        if (reduced instanceof Expr.Const k && !k.value()) {
            return new Verdict(source, Level.IMPOSSIBLE, missing, "on " + c.eventClass() + " the query needs "
                    + missing + ", which '" + source + "' does not log", reduced);
        }
        if (!missing.isEmpty()) {
            return new Verdict(source, Level.DEGRADED, missing, "on " + c.eventClass() + " '" + source
                    + "' does not log " + missing + "; predicates on them are false", reduced);
        }
        return new Verdict(source, Level.EXACT, Set.of(), "", reduced);
    }

    /** The expression with every predicate on a field outside {@code fields} replaced by false. */
    private static Expr drop(Expr e, Set<String> fields, String source, Set<String> missing) {
        if (e instanceof Expr.And a) {
            return new Expr.And(a.terms().stream().map(t -> drop(t, fields, source, missing)).toList());
        }
        if (e instanceof Expr.Or o) {
            return new Expr.Or(o.terms().stream().map(t -> drop(t, fields, source, missing)).toList());
        }
        if (e instanceof Expr.Not n) {
            return new Expr.Not(drop(n.term(), fields, source, missing));
        }
        List<String> used = new ArrayList<>();
        if (e instanceof Expr.Match m) {
            used.add(m.field());
        } else if (e instanceof Expr.Exists x) {
            used.add(x.field());
        } else if (e instanceof Expr.Compare c) {
            used.add(c.field());
        } else if (e instanceof Expr.Cidr c) {
            used.add(c.field());
        } else if (e instanceof Expr.FieldCompare f) {
            used.add(f.field());
            used.add(f.other());
        }
        for (String f : used) {
            if (!f.equals(Field.ANY_NAME) && !fields.contains(f)) {
                missing.add(f);
                return new Expr.Const(false, "'" + source + "' does not log " + f, null);
            }
        }
        return e;
    }

    private static DeclaredLoss load(String resource) {
        Map<String, List<SourceClass>> out = new LinkedHashMap<>();
        for (String[] row : DataTable.resource(DeclaredLoss.class, resource)) {
            String[] p = row[1].split("/", -1);
            EventClass c = new EventClass(star(p[0]), star(p[1]), star(p[2]));
            Set<String> fields = row[2].trim().equals("*") ? null : Set.of(row[2].trim().split(" +"));
            out.computeIfAbsent(row[0], k -> new ArrayList<>()).add(new SourceClass(c, fields));
        }
        return new DeclaredLoss(out);
    }

    private static String star(String s) {
        return s.equals("-") ? null : s;
    }
}
