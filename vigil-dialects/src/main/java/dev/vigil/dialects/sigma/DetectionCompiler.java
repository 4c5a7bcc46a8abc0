package dev.vigil.dialects.sigma;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.diag.Suggestions;
import dev.vigil.core.ir.Expr;
import dev.vigil.dialects.sigma.modifier.Modifiers;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a rule's {@code detection} section to one {@link Expr}: every search identifier first (a map is
 * the AND of its items, a list of maps the OR of the maps, a list of plain values a keyword search), then the
 * condition over them. Identifier patterns in {@code 1 of}/{@code all of} never match names starting with
 * {@code _} unless the pattern itself starts with {@code _}; {@code them} never does. A pattern that matches no
 * identifier is a warning, with {@code 1 of} false and {@code all of} true (pySigma leaves such a node
 * dangling).
 */
final class DetectionCompiler {

    private final SigmaYaml doc;
    private final Map<String, List<String>> placeholders;
    private final Diagnostics diags;
    private final Map<String, Expr> identifiers = new LinkedHashMap<>();

    private DetectionCompiler(SigmaYaml doc, Map<String, List<String>> placeholders, Diagnostics diags) {
        this.doc = doc;
        this.placeholders = placeholders;
        this.diags = diags;
    }

    /** The rule's condition as IR. */
    static Expr compile(SigmaRule rule, Map<String, List<String>> placeholders, Diagnostics diags)
            throws SigmaRuleException {
        DetectionCompiler c = new DetectionCompiler(rule.document(), placeholders, diags);
        c.readIdentifiers(rule.detection());
        List<Expr> alternatives = new ArrayList<>();
        for (Node cond : rule.conditions()) {
            alternatives.add(c.condition(cond));
        }
        return Expr.or(alternatives);
    }

    /** Every identifier compiled, for rules used as filters. */
    static Map<String, Expr> identifiers(SigmaYaml doc, Node detection, Map<String, List<String>> placeholders,
                                         Diagnostics diags) throws SigmaRuleException {
        DetectionCompiler c = new DetectionCompiler(doc, placeholders, diags);
        c.readIdentifiers(detection);
        return c.identifiers;
    }

    static Expr condition(SigmaYaml doc, Node cond, Map<String, Expr> identifiers, Diagnostics diags)
            throws SigmaRuleException {
        DetectionCompiler c = new DetectionCompiler(doc, Map.of(), diags);
        c.identifiers.putAll(identifiers);
        return c.condition(cond);
    }

    private void readIdentifiers(Node detection) throws SigmaRuleException {
        for (NodeTuple t : lastOfEachKey(detection)) {
            String name = SigmaYaml.text(t.getKeyNode());
            if (name == null) {
                throw SigmaRuleException.of("sigma/bad-detection", doc.span(t.getKeyNode()),
                        "a search identifier must be a name", "", "use names such as 'selection' or 'filter_main'");
            }
            if (name.equals("condition") || name.equals("timeframe")) {
                if (name.equals("timeframe")) {
                    diags.report(new Diagnostic(Severity.WARNING, "sigma/unsupported-timeframe", "'timeframe' belongs to "
                            + "Sigma 1 aggregations and is ignored", doc.span(t.getKeyNode()), "timeframe",
                            "express time windows with a correlation rule"));
                }
                continue;
            }
            identifiers.put(name, definition(t.getValueNode()));
        }
    }

    private Expr definition(Node n) throws SigmaRuleException {
        if (SigmaYaml.isMap(n)) {
            return map(n);
        }
        if (SigmaYaml.isSeq(n)) {
            List<Node> items = SigmaYaml.items(n);
            if (items.isEmpty()) {
                throw SigmaRuleException.of("sigma/bad-detection", doc.span(n), "empty search identifier", "",
                        "give a map of field: value, or a list of keywords");
            }
            List<Expr> terms = new ArrayList<>();
            List<DetectionItem.Entry> keywords = new ArrayList<>();
            for (Node i : items) {
                if (SigmaYaml.isMap(i)) {
                    terms.add(map(i));
                } else if (SigmaYaml.isScalar(i)) {
                    keywords.add(new DetectionItem.Entry(SigmaValue.of((ScalarNode) i), doc.span(i)));
                } else {
                    terms.add(definition(i));
                }
            }
            if (!keywords.isEmpty()) {
                terms.add(0, item(null, List.of(), keywords, doc.span(n), ""));
            }
            return Expr.or(terms);
        }
        if (SigmaYaml.isScalar(n) && !SigmaYaml.isNull(n)) {
            return item(null, List.of(), List.of(new DetectionItem.Entry(SigmaValue.of((ScalarNode) n), doc.span(n))),
                    doc.span(n), "");
        }
        throw SigmaRuleException.of("sigma/bad-detection", doc.span(n), "empty search identifier", "",
                "give a map of field: value, or a list of keywords");
    }

    /**
     * A mapping's entries with repeated keys reduced to the last one, as PyYAML (and so pySigma) reads them; the
     * earlier ones are reported, since the author almost certainly meant both.
     */
    private List<NodeTuple> lastOfEachKey(Node map) {
        List<NodeTuple> all = SigmaYaml.entries(map);
        Map<String, Integer> last = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            last.put(String.valueOf(SigmaYaml.text(all.get(i).getKeyNode())), i);
        }
        List<NodeTuple> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String key = String.valueOf(SigmaYaml.text(all.get(i).getKeyNode()));
            if (last.get(key) == i) {
                out.add(all.get(i));
            } else {
                diags.report(new Diagnostic(Severity.WARNING, "sigma/duplicate-key", "'" + key + "' appears again "
                        + "later in this mapping; only the last one counts", doc.span(all.get(i).getKeyNode()), key,
                        "merge the values into one list, or use a list of maps for alternatives"));
            }
        }
        return out;
    }

    private Expr map(Node n) throws SigmaRuleException {
        List<NodeTuple> entries = lastOfEachKey(n);
        if (entries.isEmpty()) {
            throw SigmaRuleException.of("sigma/bad-detection", doc.span(n), "empty map in a search identifier", "",
                    "give at least one 'field: value'");
        }
        List<Expr> terms = new ArrayList<>();
        for (NodeTuple t : entries) {
            String key = SigmaYaml.text(t.getKeyNode());
            if (key == null) {
                throw SigmaRuleException.of("sigma/bad-detection", doc.span(t.getKeyNode()), "a field name must be text",
                        "", "");
            }
            List<String> parts = pipeSeparated(key);
            String field = parts.get(0).isEmpty() ? null : parts.get(0);
            List<String> chain = parts.subList(1, parts.size());
            SourceSpan span = doc.span(t.getKeyNode());
            terms.add(item(field, chain, values(t.getValueNode()), span, key));
        }
        return Expr.and(terms);
    }

    private List<DetectionItem.Entry> values(Node v) throws SigmaRuleException {
        List<DetectionItem.Entry> out = new ArrayList<>();
        if (SigmaYaml.isSeq(v)) {
            for (Node i : SigmaYaml.items(v)) {
                if (!SigmaYaml.isScalar(i)) {
                    throw SigmaRuleException.of("sigma/bad-detection", doc.span(i), "a value list may hold only plain "
                            + "values", "", "put nested conditions in their own search identifier");
                }
                out.add(new DetectionItem.Entry(SigmaValue.of((ScalarNode) i), doc.span(i)));
            }
            // An empty list is pySigma's "no value": the field is absent.
            return out;
        }
        if (!SigmaYaml.isScalar(v)) {
            throw SigmaRuleException.of("sigma/bad-detection", doc.span(v), "a field value must be a value or a list",
                    "", "put nested maps in their own search identifier");
        }
        out.add(new DetectionItem.Entry(SigmaValue.of((ScalarNode) v), doc.span(v)));
        return out;
    }

    private Expr item(String field, List<String> chain, List<DetectionItem.Entry> values, SourceSpan span, String quote)
            throws SigmaRuleException {
        DetectionItem item = new DetectionItem(field, span, quote, values);
        Modifiers.applyAll(item, chain, placeholders);
        return ItemTranslation.translate(item);
    }

    private Expr condition(Node cond) throws SigmaRuleException {
        if (!(cond instanceof ScalarNode s) || SigmaYaml.isNull(cond)) {
            throw SigmaRuleException.of("sigma/bad-condition", doc.span(cond), "a condition must be text", "",
                    "write 'condition: selection and not filter'");
        }
        String text = s.getValue();
        Condition parsed;
        try {
            parsed = ConditionParser.parse(text);
        } catch (ConditionParser.Error e) {
            String hint = e.code().equals("sigma/unsupported-aggregation")
                    ? "write the aggregation as a Sigma correlation rule (event_count, value_count, ...)"
                    : "conditions combine search identifiers with and, or, not, parentheses, '1 of x*', 'all of them'";
            throw new SigmaRuleException(new Diagnostic(Severity.ERROR, e.code(), e.getMessage(),
                    doc.spanAt(s, e.offset()), text, hint));
        }
        return resolve(parsed, s, text);
    }

    private Expr resolve(Condition c, ScalarNode node, String text) throws SigmaRuleException {
        if (c instanceof Condition.And a) {
            List<Expr> terms = new ArrayList<>();
            for (Condition t : a.terms()) {
                terms.add(resolve(t, node, text));
            }
            return new Expr.And(terms);
        }
        if (c instanceof Condition.Or o) {
            List<Expr> terms = new ArrayList<>();
            for (Condition t : o.terms()) {
                terms.add(resolve(t, node, text));
            }
            return new Expr.Or(terms);
        }
        if (c instanceof Condition.Not n) {
            return new Expr.Not(resolve(n.term(), node, text));
        }
        if (c instanceof Condition.Ref r) {
            Expr e = identifiers.get(r.name());
            if (e == null) {
                String lower = r.name().toLowerCase(java.util.Locale.ROOT);
                String hint = List.of("and", "or", "not", "of", "them").contains(lower)
                        ? "operators are lower-case: write '" + lower + "'"
                        : Suggestions.closest(r.name(), identifiers.keySet()).map(x -> "did you mean '" + x + "'? ")
                                .orElse("") + "identifiers: " + String.join(", ", identifiers.keySet());
                throw new SigmaRuleException(new Diagnostic(Severity.ERROR, "sigma/unknown-identifier",
                        "unknown search identifier '" + r.name() + "' in condition '" + text + "'",
                        doc.spanAt(node, r.offset()), text, hint));
            }
            return e;
        }
        Condition.Quantified q = (Condition.Quantified) c;
        List<Expr> matched = new ArrayList<>();
        for (Map.Entry<String, Expr> e : identifiers.entrySet()) {
            String name = e.getKey();
            boolean hidden = name.startsWith("_");
            if (q.pattern() == null ? !hidden
                    : starMatches(q.pattern(), name) && (!hidden || q.pattern().startsWith("_"))) {
                matched.add(e.getValue());
            }
        }
        if (matched.isEmpty()) {
            diags.report(new Diagnostic(Severity.WARNING, "sigma/empty-pattern", "'" + (q.all() ? "all" : "1") + " of "
                    + (q.pattern() == null ? "them" : q.pattern()) + "' matches no search identifier",
                    doc.spanAt(node, q.offset()), text, "identifiers: " + String.join(", ", identifiers.keySet())));
            return q.all() ? Expr.Const.TRUE : Expr.Const.FALSE;
        }
        return q.all() ? Expr.and(matched) : Expr.or(matched);
    }

    /**
     * True when {@code name} matches {@code pattern} whole, where {@code *} stands for any run of characters
     * and every other character for itself (a condition's {@code 1 of selection_*}).
     */
    static boolean starMatches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = n;
            } else if (p < pattern.length() && pattern.charAt(p) == name.charAt(n)) {
                p++;
                n++;
            } else if (star >= 0) {
                p = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /**
     * {@code key.split("\\|", -1)} without {@code String.split}: it runs for every detection item of every
     * rule, and the optimising compiler's build of {@code String.split} (regex path included) cost a one-core
     * rule load about 0.2 s.
     */
    private static List<String> pipeSeparated(String key) {
        List<String> out = new ArrayList<>(4);
        int from = 0;
        for (int bar = key.indexOf('|'); bar >= 0; bar = key.indexOf('|', from)) {
            out.add(key.substring(from, bar));
            from = bar + 1;
        }
        out.add(key.substring(from));
        return out;
    }
}
