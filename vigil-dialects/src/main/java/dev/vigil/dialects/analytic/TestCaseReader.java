package dev.vigil.dialects.analytic;

import dev.vigil.core.analytic.TestCase;
import dev.vigil.core.analytic.TestInput;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.dialects.YamlDocument;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code tests:} list of a Vigil analytic document. */
final class TestCaseReader {

    static final Set<String> INPUT_KINDS = Set.of("process", "sysmon", "security", "ecs", "xml", "json", "file");
    /** The sources a {@code process:} event is rendered for; the test runs once per source. */
    static final List<String> PROCESS_SOURCES = List.of("sysmon", "security", "ecs");

    private final YamlDocument doc;
    private final String analyticId;
    private final Diagnostics diagnostics;

    TestCaseReader(YamlDocument doc, String analyticId, Diagnostics diagnostics) {
        this.doc = doc;
        this.analyticId = analyticId;
        this.diagnostics = diagnostics;
    }

    List<TestCase> read() {
        List<TestCase> out = new ArrayList<>();
        Node tests = doc.get("tests").orElse(null);
        if (tests == null) {
            return out;
        }
        int n = 0;
        for (Node t : YamlDocument.items(tests)) {
            n++;
            String name = YamlDocument.text(t, "name");
            TestCase.Outcome truth = outcome(t, YamlDocument.get(t, "truth").orElse(null));
            if (truth == null) {
                diagnostics.report(Diagnostic.error("analytic/bad-test", doc.span(t),
                        "test " + (name == null ? "#" + n : "'" + name + "'") + " needs 'truth: match' or 'truth: no-match'"));
                continue;
            }
            Map<String, TestCase.Outcome> expect = new LinkedHashMap<>();
            Node e = YamlDocument.get(t, "expect").orElse(null);
            if (e instanceof MappingNode m) {
                for (NodeTuple kv : m.getValue()) {
                    TestCase.Outcome o = outcome(t, kv.getValueNode());
                    if (kv.getKeyNode() instanceof ScalarNode k && o != null) {
                        expect.put(k.getValue(), o);
                    }
                }
            }
            List<TestInput> inputs = inputs(t);
            if (inputs.isEmpty()) {
                diagnostics.report(Diagnostic.error("analytic/bad-test", doc.span(t),
                        "test '" + name + "' has no events").withHint("add events: [{sysmon: {...}}, ...]"));
                continue;
            }
            List<Map<String, String>> rows = new ArrayList<>();
            YamlDocument.get(t, "rows").ifPresent(r -> YamlDocument.items(r).forEach(row -> rows.add(scalars(row))));
            String label = name == null ? "#" + n : name;
            String reason = YamlDocument.text(t, "reason");
            if (inputs.stream().anyMatch(i -> i.kind().equals("process"))) {
                for (String source : PROCESS_SOURCES) {
                    List<TestInput> rendered = inputs.stream().map(i -> i.kind().equals("process")
                            ? new TestInput(source, i.fields(), i.text()) : i).toList();
                    out.add(new TestCase(analyticId, label, source, reason, truth, expect, rendered, rows, doc.span(t)));
                }
            } else {
                out.add(new TestCase(analyticId, label, null, reason, truth, expect, inputs, rows, doc.span(t)));
            }
        }
        return out;
    }

    private TestCase.Outcome outcome(Node test, Node n) {
        String v = n == null ? null : YamlDocument.text(n).orElse(null);
        if (v == null) {
            return null;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "match":
            case "fires":
                return TestCase.Outcome.MATCH;
            case "no-match":
            case "no_match":
            case "quiet":
                return TestCase.Outcome.NO_MATCH;
            default:
                diagnostics.report(Diagnostic.error("analytic/bad-test", doc.span(n),
                        "expected 'match' or 'no-match', found '" + v + "'"));
                return null;
        }
    }

    private List<TestInput> inputs(Node test) {
        List<TestInput> out = new ArrayList<>();
        Node events = YamlDocument.get(test, "events").orElse(null);
        if (events == null) {
            return out;
        }
        for (Node ev : YamlDocument.items(events)) {
            if (!(ev instanceof MappingNode m) || m.getValue().size() != 1
                    || !(m.getValue().get(0).getKeyNode() instanceof ScalarNode k) || !INPUT_KINDS.contains(k.getValue())) {
                diagnostics.report(Diagnostic.error("analytic/bad-test", doc.span(ev),
                        "an event is one of: " + String.join(", ", INPUT_KINDS.stream().sorted().toList()))
                        .withHint("for example {sysmon: {Image: 'C:\\Windows\\System32\\net.exe', CommandLine: 'net share x /delete'}}"));
                continue;
            }
            Node value = m.getValue().get(0).getValueNode();
            String kind = k.getValue();
            if (value instanceof MappingNode) {
                out.add(new TestInput(kind, scalars(value), ""));
            } else {
                out.add(new TestInput(kind, Map.of(), YamlDocument.text(value).orElse("")));
            }
        }
        return out;
    }

    private static Map<String, String> scalars(Node n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n instanceof MappingNode m) {
            for (NodeTuple kv : m.getValue()) {
                if (kv.getKeyNode() instanceof ScalarNode k) {
                    YamlDocument.text(kv.getValueNode()).ifPresent(v -> out.put(k.getValue(), v));
                }
            }
        }
        return out;
    }
}
