package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the user's placeholder values for {@code |expand}: a YAML mapping of placeholder name (without the
 * percent signs) to a value or a list of values, each a Sigma string (wildcards allowed):
 * <pre>
 * Administrators: ['adm_*', 'Administrator']
 * DomainControllers: 'DC0?'
 * </pre>
 */
public final class SigmaPlaceholders {

    private SigmaPlaceholders() {
    }

    public static Map<String, List<String>> parse(String file, String text, Diagnostics diags) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        SigmaYaml doc;
        try {
            doc = SigmaYaml.parse(text, new QuerySource(file, 1, 1, 0));
        } catch (SigmaYaml.Invalid e) {
            diags.report(new Diagnostic(Severity.ERROR, "sigma/invalid-yaml", e.getMessage(), e.span(), "",
                    "check indentation and quoting"));
            return out;
        }
        if (!SigmaYaml.isMap(doc.root())) {
            diags.report(new Diagnostic(Severity.ERROR, "sigma/bad-placeholders", "a placeholder file is a mapping of "
                    + "name to values", doc.span(doc.root()), "", "write 'Administrators: [adm_*, Administrator]'"));
            return out;
        }
        for (NodeTuple t : SigmaYaml.entries(doc.root())) {
            String name = SigmaYaml.text(t.getKeyNode());
            Node v = t.getValueNode();
            List<String> values = SigmaYaml.strings(v);
            if (name == null || (!SigmaYaml.isScalar(v) && !SigmaYaml.isSeq(v)) || values.isEmpty()) {
                diags.report(new Diagnostic(Severity.ERROR, "sigma/bad-placeholders", "placeholder '" + name
                        + "' needs a value or a list of values", doc.span(t.getKeyNode()), "", ""));
                continue;
            }
            out.put(name, List.copyOf(values));
        }
        return out;
    }
}
