package dev.vigil.dialects.sigma;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the shared public corpus sits (system property {@code vigil.corpus}); tests skip when it is absent. */
final class Corpus {

    private Corpus() {
    }

    static Path root() {
        String p = System.getProperty("vigil.corpus", "../../shared/corpus");
        return Path.of(p);
    }

    static Path sigmaRules() {
        Path p = root().resolve("rules/SigmaHQ-sigma");
        Assumptions.assumeTrue(Files.isDirectory(p), "SigmaHQ rules not found at " + p + " (set -Dvigil.corpus); skipping");
        return p;
    }

    static Path regressionData() {
        Path p = root().resolve("SigmaHQ-sigma/regression_data");
        Assumptions.assumeTrue(Files.isDirectory(p), "SigmaHQ regression data not found at " + p + "; skipping");
        return p;
    }

    /** Every rule file under rules* folders, sorted for a stable order. */
    static List<Path> ruleFiles(Path sigma) {
        try (Stream<Path> top = Files.list(sigma)) {
            return top.filter(d -> d.getFileName().toString().startsWith("rules") && Files.isDirectory(d))
                    .flatMap(d -> {
                        try {
                            return Files.walk(d).toList().stream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
