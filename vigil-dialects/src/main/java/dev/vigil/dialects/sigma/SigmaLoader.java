package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.dialects.AnalyticLoader;
import dev.vigil.dialects.CorrelationDraft;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads Sigma YAML files: every document with {@code logsource:} and {@code detection:} becomes an analytic
 * with one {@code sigma} implementation (the document's text), compiled later by {@link SigmaDialect}.
 * Correlation documents are read and checked here and handed to the catalog through {@link #correlations}; filter documents are
 * loaded through {@link SigmaFilter#parse} and only noted here. A document that fails never stops the others.
 */
public final class SigmaLoader implements AnalyticLoader {

    @Override
    public String kind() {
        return "sigma";
    }

    @Override
    public boolean accepts(String fileName, String text) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.endsWith(".yml") || lower.endsWith(".yaml"))) {
            return false;
        }
        // Top-level keys that make a YAML file a Sigma document (a rule needs logsource too).
        TopKeys keys = TopKeys.of(text);
        return keys.rule() || keys.correlationOrFilter();
    }

    @Override
    public List<Analytic> load(String file, String text, Diagnostics diags) {
        List<Analytic> out = new ArrayList<>();
        for (SigmaDocuments.Part part : SigmaDocuments.split(text)) {
            try {
                Analytic a = document(file, part, diags);
                if (a != null) {
                    out.add(a);
                }
            } catch (RuntimeException e) {
                // A defect in Vigil must not hide the other documents; say which document hit it.
                diags.report(new Diagnostic(Severity.ERROR, "sigma/internal-error", "could not read this document: "
                        + e, new dev.vigil.core.diag.SourceSpan(file, part.firstLine(), 1), "",
                        "please report this with the rule file"));
            }
        }
        return out;
    }

    /** The correlation rules in a file, read and checked (the catalog resolves and runs them). */
    public static List<SigmaCorrelation> correlations(String file, String text, Diagnostics diags) {
        List<SigmaCorrelation> out = new ArrayList<>();
        for (SigmaDocuments.Part part : SigmaDocuments.split(text)) {
            try {
                QuerySource source = new QuerySource(file, part.firstLine(), 1, 0);
                SigmaYaml doc = SigmaYaml.parse(part.text(), source);
                if (SigmaYaml.get(doc.root(), "correlation") != null) {
                    SigmaCorrelation c = SigmaCorrelation.read(doc, part.text(), source, diags);
                    if (c != null) {
                        out.add(c);
                    }
                }
            } catch (SigmaYaml.Invalid e) {
                diags.report(new Diagnostic(Severity.ERROR, "sigma/invalid-yaml", e.getMessage(), e.span(), "", ""));
            }
        }
        return out;
    }

    @Override
    public List<CorrelationDraft> correlations(String file, String text) {
        // Problems in these documents were reported when load() read them; this second read stays quiet.
        return new ArrayList<>(correlations(file, text, new Diagnostics()));
    }

    @Override
    public Map<String, String> names(String file, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SigmaDocuments.Part part : SigmaDocuments.split(text)) {
            try {
                Node root = SigmaYaml.parse(part.text(), new QuerySource(file, part.firstLine(), 1, 0)).root();
                String id = SigmaYaml.text(SigmaYaml.get(root, "id"));
                String name = SigmaYaml.text(SigmaYaml.get(root, "name"));
                if (id != null && name != null && SigmaYaml.get(root, "correlation") == null) {
                    out.put(name, id);
                }
            } catch (SigmaYaml.Invalid | RuntimeException e) {
                // reported by load()
            }
        }
        return out;
    }

    private Analytic document(String file, SigmaDocuments.Part part, Diagnostics diags) {
        SigmaYaml doc;
        try {
            doc = SigmaYaml.parse(part.text(), new QuerySource(file, part.firstLine(), 1, 0));
        } catch (SigmaYaml.Invalid e) {
            diags.report(new Diagnostic(Severity.ERROR, "sigma/invalid-yaml", e.getMessage(), e.span(), "",
                    "check indentation and quoting; quote values that contain ': ' or start with '*'"));
            return null;
        }
        Node root = doc.root();
        if (SigmaYaml.get(root, "correlation") != null) {
            // Checked here so its problems are reported once; it runs once the catalog resolves its rules.
            SigmaCorrelation.read(doc, part.text(), new QuerySource(file, part.firstLine(), 1, 0), diags);
            return null;
        }
        if (SigmaYaml.get(root, "filter") != null && SigmaYaml.get(root, "detection") == null) {
            SigmaFilter.read(doc, diags);
            diags.report(new Diagnostic(Severity.NOTE, "sigma/filter-document", "Sigma filter '"
                    + SigmaYaml.text(SigmaYaml.get(root, "title")) + "' is applied to rules, not run on its own",
                    doc.span(root), "", "pass filter files to the Sigma dialect (SigmaFilter.parse)"));
            return null;
        }
        SigmaRule rule = SigmaRuleReader.read(doc, diags);
        if (rule == null) {
            return null;
        }
        return SigmaAnalytics.of(rule, file, part.text(), part.firstLine());
    }
}
