package dev.vigil.dialects.spl;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.dialects.Dialect;
import dev.vigil.dialects.catalog.CarYamlLoader;
import dev.vigil.dialects.escu.EscuYamlLoader;
import dev.vigil.dialects.logpoint.LogPointDialect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every ESCU endpoint detection and every CAR Splunk/LogPoint implementation loads and either compiles or
 * gets a precise diagnostic; never an exception. Prints the outcome counts by diagnostic code.
 */
class SplCorpusTest {

    static final Path CORPUS = Path.of(System.getProperty("vigil.corpus", "../../shared/corpus"));

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** "runs", or the code of the first error. */
    private static String outcome(Dialect dialect, Implementation impl, List<String> failures) {
        Diagnostics d = new Diagnostics();
        try {
            boolean ran = !dialect.compile(impl, d).isEmpty() && !d.hasErrors();
            if (ran) {
                return "runs";
            }
            return d.all().stream().filter(Diagnostic::isError).map(Diagnostic::code).findFirst().orElse("no-query");
        } catch (RuntimeException e) {
            failures.add(impl.source().file() + ": " + e);
            return "exception";
        }
    }

    @Test
    void everyEscuEndpointDetectionRunsOrIsReported() throws IOException {
        Path dir = CORPUS.resolve("rules/splunk-security_content/detections/endpoint");
        assumeTrue(Files.isDirectory(dir), "corpus absent: " + dir);
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> commands = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        SplDialect spl = new SplDialect();
        for (Path f : files(dir, ".yml")) {
            Diagnostics d = new Diagnostics();
            List<Analytic> as = new EscuYamlLoader().load(f.toString(), Files.readString(f), d);
            if (as.isEmpty()) {
                counts.merge("load-failed", 1, Integer::sum);
                continue;
            }
            Implementation impl = as.get(0).implementations().get(0);
            Diagnostics cd = new Diagnostics();
            String o;
            try {
                o = !spl.compile(impl, cd).isEmpty() && !cd.hasErrors() ? "runs"
                        : cd.all().stream().filter(Diagnostic::isError).map(Diagnostic::code).findFirst().orElse("?");
            } catch (RuntimeException e) {
                failures.add(f + ": " + e);
                o = "exception";
            }
            counts.merge(o, 1, Integer::sum);
            cd.all().stream().filter(x -> x.code().equals("spl/unsupported-command")).forEach(x ->
                    commands.merge(x.message().replaceAll("command '([^']*)'.*", "$1"), 1, Integer::sum));
            cd.all().stream().filter(x -> x.code().equals("spl/unknown-field")).forEach(x ->
                    counts.merge("(warning) spl/unknown-field", 1, Integer::sum));
        }
        System.out.println("ESCU endpoint outcomes: " + counts);
        System.out.println("ESCU unsupported commands: " + commands);
        assertThat(failures).isEmpty();
        assertThat(counts.getOrDefault("runs", 0)).as("ESCU endpoint detections that run").isGreaterThanOrEqualTo(882);
    }

    @Test
    void everyCarSplunkAndLogPointImplementationRunsOrIsReported() throws IOException {
        Path dir = CORPUS.resolve("rules/mitre-attack-car/analytics");
        assumeTrue(Files.isDirectory(dir), "corpus absent: " + dir);
        Map<String, Integer> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Map<String, Dialect> dialects = Map.of("spl", new SplDialect(), "logpoint", new LogPointDialect());
        int files = 0;
        for (Path f : files(dir, ".yaml")) {
            files++;
            for (Analytic a : new CarYamlLoader().load(f.toString(), Files.readString(f), new Diagnostics())) {
                for (Implementation impl : a.implementations()) {
                    Dialect dialect = dialects.get(impl.dialect());
                    if (dialect != null) {
                        counts.merge(impl.dialect() + " " + outcome(dialect, impl, failures), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.println("CAR files: " + files + "; Splunk/LogPoint outcomes: " + counts);
        assertThat(failures).isEmpty();
    }
}
