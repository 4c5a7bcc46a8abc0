package dev.vigil.dialects.escu;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Risk;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.dialects.AnalyticLoader;
import dev.vigil.dialects.YamlDocument;
import dev.vigil.dialects.spl.SplDialect;

import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Splunk ESCU detection as splunk/security_content stores it ({@code detections/**}{@code /*.yml}):
 * {@code id}, {@code name}, {@code description}, {@code search} (SPL), {@code known_false_positives},
 * {@code references}, {@code tags.mitre_attack_id}, {@code tags.impact}/{@code confidence}/{@code risk_score}
 * (older files) or {@code rba.risk_objects[].score} (newer ones), {@code tags.required_fields}. The
 * analytic id is the document's UUID; its one implementation is the search, in the {@code spl} dialect,
 * with macros from the {@code macros/} directory beside the detections.
 */
public final class EscuYamlLoader implements AnalyticLoader {

    private static final Pattern SHAPE = Pattern.compile("(?m)^search:");
    private static final Pattern ID = Pattern.compile("(?m)^id:\\s*\\S+");

    @Override
    public String kind() {
        return "escu-yaml";
    }

    @Override
    public boolean accepts(String fileName, String text) {
        // The literal test first: every file of a rule directory is offered to every loader.
        return text.contains("search:") && SHAPE.matcher(text).find() && ID.matcher(text).find() && (text.startsWith("name:") || text.contains("\nname:"));
    }

    @Override
    public List<Analytic> load(String file, String text, Diagnostics diagnostics) {
        YamlDocument doc;
        try {
            doc = YamlDocument.parse(file, text, "escu/invalid-yaml");
        } catch (YamlDocument.YamlSyntaxException e) {
            diagnostics.report(e.diagnostic());
            return List.of();
        }
        String id = doc.text("id");
        Node search = doc.get("search").orElse(null);
        if (id == null || search == null || YamlDocument.text(search).isEmpty()) {
            diagnostics.report(Diagnostic.error("escu/bad-detection", doc.span(doc.root()),
                    "an ESCU detection needs 'id' and 'search'"));
            return List.of();
        }
        Node tags = doc.get("tags").orElse(null);
        List<AttackRef> attack = new ArrayList<>();
        for (String t : YamlDocument.texts(tags, "mitre_attack_id")) {
            attack.add(new AttackRef(t, null, null));
        }
        String name = doc.text("name");
        Implementation impl = new Implementation(name, SplDialect.KEY, "ESCU " + doc.text("type") + " search",
                "CIM", YamlDocument.text(search).get(), doc.querySource(search));
        List<String> fps = new ArrayList<>();
        if (doc.text("known_false_positives") != null) {
            fps.add(doc.text("known_false_positives"));
        }
        return List.of(new Analytic(id, name, doc.text("description"), attack, List.of(),
                YamlDocument.texts(tags, "required_fields"), risk(doc, tags), fps, YamlDocument.texts(doc.root(),
                "references"), List.of(impl), file));
    }

    private static Risk risk(YamlDocument doc, Node tags) {
        Integer impact = integer(YamlDocument.text(tags, "impact"));
        Integer confidence = integer(YamlDocument.text(tags, "confidence"));
        Double score = number(YamlDocument.text(tags, "risk_score"));
        Node rba = doc.get("rba").orElse(null);
        if (score == null && rba != null) {
            for (Node o : YamlDocument.get(rba, "risk_objects").map(YamlDocument::items).orElse(List.of())) {
                Double s = number(YamlDocument.text(o, "score"));
                if (s != null && (score == null || s > score)) {
                    score = s;
                }
            }
        }
        return new Risk(impact, confidence, score, null);
    }

    static Integer integer(String s) {
        Double d = number(s);
        return d == null ? null : (int) Math.round(d);
    }

    static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
