package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.ir.Expr;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Sigma global filter (meta filter, specification v2): a logsource, the rules it tunes ({@code filter.rules},
 * by id or name; {@code any} or an empty list for every rule), and a detection whose condition describes the
 * events to suppress. Applied as {@code (rule) and not (filter condition)}: the specification's purpose is
 * "to suppress matches" and its example's {@code condition: selection} names the accounts to leave out.
 * pySigma instead ANDs the filter's condition (its filters say {@code not selection}); such a filter is
 * reported with {@code sigma/negated-filter} because under the specification it would keep only the
 * excluded events.
 *
 * <p>A filter applies to a rule when the rule is listed and the filter's logsource contains the rule's
 * (pySigma's containment: every part the filter sets must equal the rule's).
 */
public final class SigmaFilter {

    private final String id;
    private final String title;
    private final SigmaLogsource logsource;
    private final List<String> rules;
    private final SigmaYaml document;
    private final Node detection;

    private SigmaFilter(String id, String title, SigmaLogsource logsource, List<String> rules, SigmaYaml document,
                        Node detection) {
        this.id = id;
        this.title = title;
        this.logsource = logsource;
        this.rules = List.copyOf(rules);
        this.document = document;
        this.detection = detection;
    }

    /** Every filter document in a file; problems go to {@code diags}. */
    public static List<SigmaFilter> parse(String file, String text, Diagnostics diags) {
        List<SigmaFilter> out = new ArrayList<>();
        for (SigmaDocuments.Part part : SigmaDocuments.split(text)) {
            SigmaYaml doc;
            try {
                doc = SigmaYaml.parse(part.text(), new QuerySource(file, part.firstLine(), 1, 0));
            } catch (SigmaYaml.Invalid e) {
                diags.report(new Diagnostic(Severity.ERROR, "sigma/invalid-yaml", e.getMessage(), e.span(), "",
                        "check indentation and quoting"));
                continue;
            }
            SigmaFilter f = read(doc, diags);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    static SigmaFilter read(SigmaYaml doc, Diagnostics diags) {
        Node root = doc.root();
        Node filter = SigmaYaml.get(root, "filter");
        if (!SigmaYaml.isMap(filter)) {
            diags.report(SigmaRuleReader.error("sigma/missing-key", doc.span(root), "a filter document needs a 'filter' "
                    + "mapping", "add 'filter:' with 'rules', the selection and 'condition'"));
            return null;
        }
        Node ls = SigmaYaml.get(root, "logsource");
        if (!SigmaYaml.isMap(ls)) {
            diags.report(SigmaRuleReader.error("sigma/missing-key", doc.span(root), "a filter document needs a "
                    + "'logsource' mapping", "add the logsource of the rules it tunes"));
            return null;
        }
        Node cond = SigmaYaml.get(filter, "condition");
        if (cond == null) {
            diags.report(SigmaRuleReader.error("sigma/missing-key", doc.span(filter), "the filter has no 'condition'",
                    "add 'condition: selection'"));
            return null;
        }
        if (SigmaYaml.text(cond) != null && SigmaYaml.text(cond).trim().startsWith("not ")) {
            diags.report(SigmaRuleReader.warning("sigma/negated-filter", doc.span(cond), "filter condition '"
                    + SigmaYaml.text(cond) + "' is negated; Vigil applies filters as 'rule and not (condition)'",
                    "describe the events to suppress ('condition: selection'); 'not selection' is pySigma's form"));
        }
        List<String> rules = new ArrayList<>();
        Node r = SigmaYaml.get(filter, "rules");
        for (String s : SigmaYaml.strings(r)) {
            if (!s.equals("any")) {
                rules.add(s);
            }
        }
        SigmaLogsource logsource = new SigmaLogsource(lower(SigmaYaml.get(ls, "product")),
                lower(SigmaYaml.get(ls, "category")), lower(SigmaYaml.get(ls, "service")));
        return new SigmaFilter(SigmaYaml.text(SigmaYaml.get(root, "id")),
                SigmaYaml.text(SigmaYaml.get(root, "title")), logsource, rules, doc, filter);
    }

    private static String lower(Node n) {
        String s = SigmaYaml.text(n);
        return s == null || s.isEmpty() ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public SigmaLogsource logsource() {
        return logsource;
    }

    /** The rule ids or names this filter tunes; empty means every rule whose logsource it contains. */
    public List<String> rules() {
        return rules;
    }

    /** True when this filter tunes {@code rule}. */
    public boolean appliesTo(SigmaRule rule) {
        if (rule.logsource() == null || !logsource.contains(rule.logsource())) {
            return false;
        }
        return rules.isEmpty() || (rule.id() != null && rules.contains(rule.id()))
                || (rule.name() != null && rules.contains(rule.name()));
    }

    /** The events this filter suppresses, as IR. */
    public Expr suppression(Map<String, List<String>> placeholders, Diagnostics diags) throws SigmaRuleException {
        Map<String, Expr> ids = DetectionCompiler.identifiers(document, filterDetection(), placeholders, diags);
        return DetectionCompiler.condition(document, SigmaYaml.get(detection, "condition"), ids, diags);
    }

    /** The filter mapping without {@code rules}, read as a detection section. */
    private Node filterDetection() {
        List<NodeTuple> kept = new ArrayList<>();
        for (NodeTuple t : SigmaYaml.entries(detection)) {
            if (!"rules".equals(SigmaYaml.text(t.getKeyNode()))) {
                kept.add(t);
            }
        }
        return new org.snakeyaml.engine.v2.nodes.MappingNode(org.snakeyaml.engine.v2.nodes.Tag.MAP, kept,
                org.snakeyaml.engine.v2.common.FlowStyle.BLOCK);
    }

    /** The rule's expression with every applicable filter: {@code rule and not f1 and not f2 ...}. */
    public static Expr apply(List<SigmaFilter> filters, SigmaRule rule, Expr ruleExpr,
                             Map<String, List<String>> placeholders, Diagnostics diags) throws SigmaRuleException {
        List<Expr> terms = new ArrayList<>();
        terms.add(ruleExpr);
        for (SigmaFilter f : filters) {
            if (f.appliesTo(rule)) {
                terms.add(new Expr.Not(f.suppression(placeholders, diags)));
            }
        }
        return Expr.and(terms);
    }
}
