package dev.vigil.dialects.sigma;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.diag.Suggestions;
import dev.vigil.core.event.Field;
import dev.vigil.core.ir.Expr;
import dev.vigil.dialects.DataTable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Warns about field names outside the Sigma taxonomy of the rule's logsource ({@code taxonomy-fields.tsv}),
 * with a did-you-mean: {@code Commandline} or {@code ParentImagePath} would silently never match. The rule
 * still runs with its faithful meaning (a predicate on an absent field is false). Logsources the taxonomy
 * file does not list are not checked.
 */
final class FieldLint {

    private static final Map<String, Set<String>> BY_LOGSOURCE = load();

    private FieldLint() {
    }

    static void check(SigmaRule rule, Expr expr, Diagnostics diags) {
        SigmaLogsource ls = rule.logsource();
        if (ls == null || ls.product() == null || ls.category() == null) {
            return;
        }
        Set<String> known = BY_LOGSOURCE.get(ls.product() + "/" + ls.category());
        if (known == null) {
            return;
        }
        Set<String> allowed = new HashSet<>(known);
        allowed.addAll(BY_LOGSOURCE.getOrDefault(ls.product() + "/common", Set.of()));
        Map<String, SourceSpan> unknown = new LinkedHashMap<>();
        collect(expr, allowed, unknown);
        unknown.forEach((field, span) -> diags.report(new Diagnostic(Severity.WARNING, "sigma/unknown-field",
                "field '" + field + "' is not in the Sigma taxonomy for " + ls.product() + "/" + ls.category(), span,
                field, Suggestions.closest(field, allowed).map(s -> "did you mean '" + s + "'? ").orElse("")
                        + "events of this logsource do not carry it, so the rule always sees it as absent")));
    }

    private static void collect(Expr e, Set<String> allowed, Map<String, SourceSpan> unknown) {
        if (e instanceof Expr.And a) {
            a.terms().forEach(t -> collect(t, allowed, unknown));
        } else if (e instanceof Expr.Or o) {
            o.terms().forEach(t -> collect(t, allowed, unknown));
        } else if (e instanceof Expr.Not n) {
            collect(n.term(), allowed, unknown);
        } else if (e instanceof Expr.Match m) {
            note(m.field(), m.span(), allowed, unknown);
        } else if (e instanceof Expr.Exists x) {
            note(x.field(), x.span(), allowed, unknown);
        } else if (e instanceof Expr.Compare c) {
            note(c.field(), c.span(), allowed, unknown);
        } else if (e instanceof Expr.Cidr c) {
            note(c.field(), c.span(), allowed, unknown);
        } else if (e instanceof Expr.FieldCompare f) {
            note(f.field(), f.span(), allowed, unknown);
            note(f.other(), f.span(), allowed, unknown);
        }
    }

    private static void note(String field, SourceSpan span, Set<String> allowed, Map<String, SourceSpan> unknown) {
        if (!field.equals(Field.ANY_NAME) && !allowed.contains(field)) {
            unknown.putIfAbsent(field, span);
        }
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> out = new HashMap<>();
        for (String[] row : DataTable.resource(FieldLint.class, "taxonomy-fields.tsv")) {
            out.put(row[0] + "/" + row[1], Set.of(row[2].trim().split(" +")));
        }
        return out;
    }
}
