package dev.vigil.dialects.analytic;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.analytic.D3fendRef;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Risk;
import dev.vigil.core.analytic.TestCase;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.Suggestions;
import dev.vigil.dialects.AnalyticLoader;
import dev.vigil.dialects.AttackTactics;
import dev.vigil.dialects.DialectKind;
import dev.vigil.dialects.YamlDocument;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Vigil's own analytic format: an analytic's metadata, implementations in any dialect, and the offline
 * tests that pin its behaviour. Documented in {@code docs/analytic-format.md}. A document with
 * {@code tests_for: ID} and no implementations carries tests for an analytic loaded from elsewhere
 * (a CAR page, an ESCU detection).
 */
public final class VigilAnalyticLoader implements AnalyticLoader {

    private static final Pattern MARKER = Pattern.compile("(?m)^vigil:\\s*1\\s*$");
    static final Set<String> KEYS = Set.of("vigil", "id", "title", "description", "attack", "d3fend", "data_model",
            "risk", "false_positives", "references", "implementations", "tests", "tests_for", "author", "date",
            "status");

    @Override
    public String kind() {
        return "vigil-analytic";
    }

    @Override
    public boolean accepts(String fileName, String text) {
        // The literal test first: every file of a rule directory is offered to every loader.
        return text.contains("vigil:") && MARKER.matcher(text).find();
    }

    @Override
    public List<Analytic> load(String file, String text, Diagnostics diagnostics) {
        Optional<YamlDocument> parsed = parse(file, text, diagnostics);
        if (parsed.isEmpty()) {
            return List.of();
        }
        YamlDocument doc = parsed.get();
        checkKeys(doc, diagnostics);
        String id = doc.text("id");
        if (doc.get("implementations").isEmpty()) {
            if (doc.text("tests_for") == null) {
                diagnostics.report(Diagnostic.error("analytic/missing-key", doc.span(doc.root()),
                        "a Vigil analytic needs 'implementations' (or 'tests_for: ID' for a tests-only document)"));
            }
            return List.of();
        }
        if (id == null || doc.text("title") == null) {
            diagnostics.report(Diagnostic.error("analytic/missing-key", doc.span(doc.root()),
                    "a Vigil analytic needs an 'id' and a 'title'"));
            return List.of();
        }
        List<Implementation> impls = new ArrayList<>();
        for (Node n : YamlDocument.items(doc.get("implementations").get())) {
            String dialect = YamlDocument.text(n, "dialect");
            Node query = YamlDocument.get(n, "query").orElse(null);
            if (dialect == null || query == null || YamlDocument.text(query).isEmpty()) {
                diagnostics.report(Diagnostic.error("analytic/bad-implementation", doc.span(n),
                        "an implementation needs 'dialect' and 'query'")
                        .withHint("dialects: " + DialectKind.keys()));
                continue;
            }
            String name = YamlDocument.text(n, "name");
            impls.add(new Implementation(name == null ? dialect : name, dialect, orEmpty(YamlDocument.text(n, "description")),
                    YamlDocument.text(n, "data_model"), YamlDocument.text(query).get(), doc.querySource(query)));
        }
        List<AttackRef> attack = new ArrayList<>();
        doc.get("attack").ifPresent(a -> YamlDocument.items(a).forEach(m -> {
            String tactic = YamlDocument.text(m, "tactic");
            attack.add(new AttackRef(YamlDocument.text(m, "technique"), tactic == null ? null : AttackTactics.shortName(tactic),
                    YamlDocument.text(m, "coverage")));
        }));
        List<D3fendRef> d3fend = new ArrayList<>();
        doc.get("d3fend").ifPresent(a -> YamlDocument.items(a).forEach(m -> d3fend.add(new D3fendRef(
                YamlDocument.text(m, "id"), YamlDocument.text(m, "label"), YamlDocument.text(m, "iri")))));
        return List.of(new Analytic(id, doc.text("title"), orEmpty(doc.text("description")).strip(), attack, d3fend,
                YamlDocument.texts(doc.root(), "data_model"), risk(doc, diagnostics),
                YamlDocument.texts(doc.root(), "false_positives"), YamlDocument.texts(doc.root(), "references"), impls,
                file));
    }

    @Override
    public List<TestCase> tests(String file, String text, Diagnostics diagnostics) {
        Optional<YamlDocument> parsed = parse(file, text, new Diagnostics());
        if (parsed.isEmpty()) {
            return List.of();
        }
        YamlDocument doc = parsed.get();
        String target = doc.text("tests_for") != null ? doc.text("tests_for") : doc.text("id");
        if (target == null) {
            return List.of();
        }
        return new TestCaseReader(doc, target, diagnostics).read();
    }

    private static Optional<YamlDocument> parse(String file, String text, Diagnostics diagnostics) {
        try {
            return Optional.of(YamlDocument.parse(file, text, "analytic/invalid-yaml"));
        } catch (YamlDocument.YamlSyntaxException e) {
            diagnostics.report(e.diagnostic());
            return Optional.empty();
        }
    }

    private static void checkKeys(YamlDocument doc, Diagnostics diagnostics) {
        if (!(doc.root() instanceof MappingNode m)) {
            return;
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && !KEYS.contains(k.getValue())) {
                String guess = Suggestions.closest(k.getValue(), KEYS).orElse(null);
                diagnostics.report(new Diagnostic(Severity.WARNING, "analytic/unknown-key",
                        "unknown key '" + k.getValue() + "' is ignored", doc.span(k), k.getValue(),
                        guess != null ? "did you mean '" + guess + "'?" : "keys: " + String.join(", ", KEYS)));
            }
        }
    }

    private static Risk risk(YamlDocument doc, Diagnostics diagnostics) {
        Node r = doc.get("risk").orElse(null);
        if (r == null) {
            return Risk.UNKNOWN;
        }
        Integer impact = number(doc, r, "impact", diagnostics);
        Integer confidence = number(doc, r, "confidence", diagnostics);
        Integer score = number(doc, r, "score", diagnostics);
        if (score == null && impact != null && confidence != null) {
            score = impact * confidence / 100; // the risk-based-alerting convention
        }
        return new Risk(impact, confidence, score == null ? null : score.doubleValue(), YamlDocument.text(r, "level"));
    }

    private static Integer number(YamlDocument doc, Node r, String key, Diagnostics diagnostics) {
        String v = YamlDocument.text(r, key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            diagnostics.report(Diagnostic.error("analytic/bad-value", doc.span(YamlDocument.get(r, key).get()),
                    "risk " + key + " '" + v + "' is not a whole number").withHint("impact, confidence and score are 0-100"));
            return null;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
