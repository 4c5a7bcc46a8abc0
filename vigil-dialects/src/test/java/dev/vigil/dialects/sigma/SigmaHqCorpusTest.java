package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.engine.Compiler;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.ir.Expr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance on SigmaHQ's rule corpus: every rule loads and either compiles or gets a diagnostic, never an
 * exception; rules that compiled before keep compiling (golden list {@code compiling-rules.txt}, regenerated
 * with {@code -Dgolden.update=true}).
 */
class SigmaHqCorpusTest {

    private static final Path GOLDEN = Path.of("src/test/resources/dev/vigil/dialects/sigma/compiling-rules.txt");

    @Test
    void everyRuleCompilesOrGetsADiagnosticAndNoCompilingRuleRegresses() throws IOException {
        Path sigma = Corpus.sigmaRules();
        List<Path> files = Corpus.ruleFiles(sigma);
        SigmaLoader loader = new SigmaLoader();
        SigmaDialect dialect = new SigmaDialect();
        Set<String> compiled = new TreeSet<>();
        Map<String, Integer> unsupported = new TreeMap<>();
        Map<String, Integer> invalid = new TreeMap<>();
        Map<String, Integer> warnings = new TreeMap<>();
        List<String> silent = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        Map<String, Integer> loss = new TreeMap<>();
        Compiler compiler = new Compiler();
        int documents = 0;
        for (Path f : files) {
            String rel = sigma.relativize(f).toString();
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Diagnostics diags = new Diagnostics();
            List<Analytic> analytics = loader.load(rel, text, diags);
            int ok = 0;
            for (Analytic a : analytics) {
                List<Query> q = dialect.compile(a.implementations().get(0), diags);
                if (!q.isEmpty()) {
                    compiled.add(a.id());
                    ok++;
                    if (compiler.optimise(q.get(0).filter()) instanceof Expr.Const) {
                        constant.add(rel);
                    }
                    if (q.get(0).scope().selectors().equals(List.of(new EventClass("windows", "process_creation", null)))) {
                        for (String source : List.of("sysmon", "security")) {
                            DeclaredLoss.Verdict v = DeclaredLoss.standard().classify(q.get(0), source);
                            loss.merge(source + ":" + v.level(), 1, Integer::sum);
                            if (Boolean.getBoolean("sigma.verbose") && v.level() != DeclaredLoss.Level.EXACT) {
                                System.out.println(rel + " " + v.level() + " on " + source + ": " + v.missing());
                            }
                        }
                    }
                }
            }
            documents += Math.max(1, analytics.size());
            Diagnostic firstError = diags.all().stream().filter(Diagnostic::isError).findFirst().orElse(null);
            for (Diagnostic d : diags.all()) {
                if (!d.isError()) {
                    warnings.merge(d.code(), 1, Integer::sum);
                }
            }
            if (firstError != null) {
                Map<String, Integer> bucket = firstError.code().contains("unsupported") ? unsupported : invalid;
                bucket.merge(firstError.code(), 1, Integer::sum);
                if (Boolean.getBoolean("sigma.verbose")) {
                    System.out.println(firstError.render());
                }
            } else if (ok == 0 && !analytics.isEmpty()) {
                silent.add(rel);
            }
        }
        int unsupportedCount = unsupported.values().stream().mapToInt(Integer::intValue).sum();
        int invalidCount = invalid.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("SigmaHQ corpus: %d files, %d rules compiled, %d unsupported %s, %d invalid %s%n",
                files.size(), compiled.size(), unsupportedCount, unsupported, invalidCount, invalid);
        System.out.println("SigmaHQ corpus warnings by code: " + warnings);
        System.out.println("SigmaHQ process_creation rules by declared loss: " + loss);
        assertThat(silent).as("rules that neither compiled nor got an error").isEmpty();
        assertThat(constant).as("rules whose condition folds to a constant").isEmpty();

        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, String.join("\n", compiled) + "\n", StandardCharsets.UTF_8);
            return;
        }
        Set<String> expected = new TreeSet<>(Files.readAllLines(GOLDEN, StandardCharsets.UTF_8));
        expected.remove("");
        Set<String> lost = new TreeSet<>(expected);
        lost.removeAll(compiled);
        assertThat(lost).as("rules that used to compile and no longer do").isEmpty();
    }

    @Test
    void rulesWithPlaceholdersCompileOnceValuesAreGiven() throws IOException {
        Path sigma = Corpus.sigmaRules();
        Diagnostics pd = new Diagnostics();
        Map<String, List<String>> values = SigmaPlaceholders.parse("sigmahq-placeholders.yml", Files.readString(
                Path.of("src/test/resources/dev/vigil/dialects/sigma/sigmahq-placeholders.yml")), pd);
        assertThat(pd.all()).isEmpty();
        SigmaDialect dialect = new SigmaDialect(values, List.of());
        int withExpand = 0;
        List<String> failed = new ArrayList<>();
        for (Path f : Corpus.ruleFiles(sigma)) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (!text.contains("|expand")) {
                continue;
            }
            withExpand++;
            Diagnostics diags = new Diagnostics();
            for (Analytic a : new SigmaLoader().load(f.toString(), text, diags)) {
                dialect.compile(a.implementations().get(0), diags);
            }
            diags.all().stream().filter(Diagnostic::isError).forEach(d -> failed.add(d.render()));
        }
        System.out.println("SigmaHQ rules using expand: " + withExpand + ", rejected with placeholder values: "
                + failed.size());
        assertThat(failed).isEmpty();
    }
}
