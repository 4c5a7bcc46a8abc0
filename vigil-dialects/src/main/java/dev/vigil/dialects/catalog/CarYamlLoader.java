package dev.vigil.dialects.catalog;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.analytic.D3fendRef;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Risk;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.dialects.AnalyticLoader;
import dev.vigil.dialects.AttackTactics;
import dev.vigil.dialects.DialectNames;
import dev.vigil.dialects.YamlDocument;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CAR analytic as the CAR repository stores it ({@code analytics/CAR-*.yaml}): {@code id}, {@code title},
 * {@code description}, {@code coverage} (technique, subtechniques, tactics, coverage),
 * {@code implementations} (name, description, code, data_model, type), {@code data_model_references},
 * {@code d3fend_mappings}.
 */
public final class CarYamlLoader implements AnalyticLoader {

    private static final Pattern ID = Pattern.compile("(?m)^id:\\s*CAR-\\d{4}-\\d{2}-\\d{3}\\s*$");

    @Override
    public String kind() {
        return "car-yaml";
    }

    @Override
    public boolean accepts(String fileName, String text) {
        // The literal test first: every file of a rule directory is offered to every loader.
        return text.contains("CAR-") && ID.matcher(text).find() && (text.startsWith("title:") || text.contains("\ntitle:"));
    }

    @Override
    public List<Analytic> load(String file, String text, Diagnostics diagnostics) {
        YamlDocument doc;
        try {
            doc = YamlDocument.parse(file, text, "car/invalid-yaml");
        } catch (YamlDocument.YamlSyntaxException e) {
            diagnostics.report(e.diagnostic());
            return List.of();
        }
        String id = doc.text("id");
        List<AttackRef> attack = new ArrayList<>();
        doc.get("coverage").ifPresent(cov -> YamlDocument.items(cov).forEach(c -> {
            List<String> techniques = YamlDocument.texts(c, "subtechniques");
            if (techniques.isEmpty()) {
                String t = YamlDocument.text(c, "technique");
                if (t != null) {
                    techniques = List.of(t);
                }
            }
            List<String> tactics = YamlDocument.texts(c, "tactics");
            String coverage = YamlDocument.text(c, "coverage");
            for (String t : techniques) {
                if (tactics.isEmpty()) {
                    attack.add(new AttackRef(t, null, coverage));
                }
                for (String tactic : tactics) {
                    attack.add(new AttackRef(t, AttackTactics.shortName(tactic), coverage));
                }
            }
        }));
        List<D3fendRef> d3fend = new ArrayList<>();
        doc.get("d3fend_mappings").ifPresent(n -> YamlDocument.items(n).forEach(m -> d3fend.add(
                new D3fendRef(YamlDocument.text(m, "id"), YamlDocument.text(m, "label"), YamlDocument.text(m, "iri")))));
        List<Implementation> impls = new ArrayList<>();
        doc.get("implementations").ifPresent(n -> YamlDocument.items(n).forEach(m -> implementation(doc, m, diagnostics)
                .ifPresent(impls::add)));
        if (impls.isEmpty()) {
            diagnostics.report(Diagnostic.warning("car/no-implementation", doc.span(doc.root()),
                    "analytic " + id + " has no implementation to run"));
        }
        String description = doc.text("description");
        return List.of(new Analytic(id, doc.text("title"), description == null ? "" : description.strip(), attack, d3fend,
                YamlDocument.texts(doc.root(), "data_model_references"), Risk.UNKNOWN, List.of(),
                YamlDocument.texts(doc.root(), "references"), impls, file));
    }

    private static java.util.Optional<Implementation> implementation(YamlDocument doc, Node m, Diagnostics diagnostics) {
        Node code = YamlDocument.get(m, "code").orElse(null);
        String type = YamlDocument.text(m, "type");
        if (code == null || YamlDocument.text(code).isEmpty()) {
            diagnostics.report(Diagnostic.warning("car/no-code", doc.span(m),
                    "implementation '" + YamlDocument.text(m, "name") + "' has no code"));
            return java.util.Optional.empty();
        }
        String description = YamlDocument.text(m, "description");
        return java.util.Optional.of(new Implementation(YamlDocument.text(m, "name"), DialectNames.keyFor(type),
                description == null ? "" : description.strip(), YamlDocument.text(m, "data_model"),
                YamlDocument.text(code).get().stripTrailing(), doc.querySource(code)));
    }
}
