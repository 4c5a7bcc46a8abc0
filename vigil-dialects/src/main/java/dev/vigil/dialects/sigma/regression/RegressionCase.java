package dev.vigil.dialects.sigma.regression;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One SigmaHQ regression case: a folder with an {@code info.yml} naming the rule ({@code rule_metadata[].id})
 * and the log files it must fire on ({@code regression_tests_info[].path}, an {@code .evtx}; the Rust evtx
 * crate's JSON rendering of it sits beside it with the same name and {@code .json}). A case that declares no
 * test uses the other log files in its folder (e.g. a {@code .raw} text log).
 */
public record RegressionCase(Path folder, String ruleId, String ruleTitle, List<Path> logs) {

    public RegressionCase {
        logs = List.copyOf(logs);
    }

    /** Every case under {@code root}, sorted by folder; unreadable {@code info.yml} files are reported. */
    public static List<RegressionCase> find(Path root, Diagnostics diags) {
        List<Path> infos;
        try (Stream<Path> s = Files.walk(root)) {
            infos = s.filter(p -> p.getFileName().toString().equals("info.yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RegressionCase> out = new ArrayList<>();
        for (Path info : infos) {
            RegressionCase c = read(info, diags);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    static RegressionCase read(Path info, Diagnostics diags) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(info, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            diags.report(new Diagnostic(Severity.ERROR, "sigma/bad-regression-case", "cannot read " + info + ": "
                    + e.getMessage(), new SourceSpan(info.toString(), 1, 1), "", ""));
            return null;
        }
        if (!(doc instanceof Map<?, ?> m) || !(m.get("rule_metadata") instanceof List<?> meta) || meta.isEmpty()
                || !(meta.get(0) instanceof Map<?, ?> rule) || rule.get("id") == null) {
            diags.report(new Diagnostic(Severity.ERROR, "sigma/bad-regression-case", "no rule_metadata id in " + info,
                    new SourceSpan(info.toString(), 1, 1), "", "an info.yml names its rule under rule_metadata: - id:"));
            return null;
        }
        List<Path> logs = new ArrayList<>();
        if (m.get("regression_tests_info") instanceof List<?> tests) {
            for (Object t : tests) {
                if (t instanceof Map<?, ?> tm && tm.get("path") != null) {
                    logs.add(info.getParent().resolve(Path.of(String.valueOf(tm.get("path"))).getFileName()));
                }
            }
        }
        if (logs.isEmpty()) {
            // No test declared (SigmaHQ comments some out): use the logs that sit in the folder.
            try (Stream<Path> files = Files.list(info.getParent())) {
                files.filter(f -> !f.getFileName().toString().equals("info.yml")
                                && !f.getFileName().toString().endsWith(".json")).sorted().forEach(logs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Object title = rule.get("title");
        return new RegressionCase(info.getParent(), String.valueOf(rule.get("id")), title == null ? null : title.toString(),
                logs);
    }

    /** The JSON rendering next to a log file ({@code x.evtx} gives {@code x.json}), when there is one. */
    public static Path jsonBeside(Path log) {
        String name = log.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return log.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".json");
    }
}
