package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.ir.Expr;
import dev.vigil.dialects.Dialect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sigma 2 rules (specification v2.1, with pySigma's behaviour where the specification leaves room) compiled
 * to one {@link Query}: the event classes of the rule's logsource, and its detection as IR. Configured with
 * placeholder values (for {@code |expand}) and global filters; both default to none.
 */
public final class SigmaDialect implements Dialect {

    private final Map<String, List<String>> placeholders;
    private final List<SigmaFilter> filters;
    private final Logsources logsources;

    public SigmaDialect() {
        this(Map.of(), List.of());
    }

    /**
     * @param placeholders values for {@code %name%} placeholders, by name (without the percent signs)
     * @param filters      global filters applied to every rule they name
     */
    public SigmaDialect(Map<String, List<String>> placeholders, List<SigmaFilter> filters) {
        this.placeholders = Map.copyOf(placeholders);
        this.filters = List.copyOf(filters);
        this.logsources = Logsources.standard();
    }

    @Override
    public String key() {
        return "sigma";
    }

    @Override
    public List<Query> compile(Implementation impl, Diagnostics diags) {
        QuerySource source = impl.source() == null ? new QuerySource("<sigma>", 1, 1, 0) : impl.source();
        SigmaYaml doc;
        try {
            doc = SigmaYaml.parse(impl.query() == null ? "" : impl.query(), source);
        } catch (SigmaYaml.Invalid e) {
            diags.report(new Diagnostic(Severity.ERROR, "sigma/invalid-yaml", e.getMessage(), e.span(), "",
                    "check indentation and quoting"));
            return List.of();
        }
        // Metadata findings were reported when the rule was loaded; only a rule that cannot run reports here.
        Diagnostics metadata = new Diagnostics();
        SigmaRule rule = SigmaRuleReader.read(doc, metadata);
        if (rule == null) {
            metadata.all().stream().filter(Diagnostic::isError).forEach(diags::report);
            return List.of();
        }
        return compile(rule, diags).map(List::of).orElse(List.of());
    }

    /** Compiles a rule already read; empty when it cannot run (the reason is in {@code diags}). */
    public Optional<Query> compile(SigmaRule rule, Diagnostics diags) {
        try {
            Expr expr = DetectionCompiler.compile(rule, placeholders, diags);
            FieldLint.check(rule, expr, diags);
            expr = SigmaFilter.apply(filters, rule, expr, placeholders, diags);
            return Optional.of(new Query(rule.title(), scope(rule, diags), expr));
        } catch (SigmaRuleException e) {
            diags.report(e.diagnostic());
            return Optional.empty();
        }
    }

    private EventScope scope(SigmaRule rule, Diagnostics diags) {
        SigmaLogsource ls = rule.logsource();
        Optional<EventScope> known = logsources.route(ls);
        if (known.isPresent()) {
            return known.get();
        }
        EventScope fallback = Logsources.fallback(ls);
        diags.report(new Diagnostic(Severity.WARNING, "sigma/unknown-logsource", "no event class is known for logsource "
                + ls + "; the rule looks at " + (ls.product() == null ? "every event" : "every '" + ls.product()
                + "' event"), rule.document().keySpan(rule.document().root(), "logsource"), "",
                "use a logsource from the Sigma taxonomy (e.g. product: windows, category: process_creation)"));
        return fallback;
    }
}
