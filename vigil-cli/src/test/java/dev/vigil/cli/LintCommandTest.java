package dev.vigil.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LintCommandTest {

    @Test
    void builtinLintMatchesGolden() throws IOException {
        CliRun r = CliRun.of("lint");
        assertThat(r.exitCode()).isZero();
        Golden.assertMatches("lint-builtin.out", r.out());
    }

    @Test
    void strictFailsWhenSomethingDoesNotRun() {
        assertThat(CliRun.of("lint", "--strict").exitCode()).isEqualTo(Vigil.USAGE);
    }

    @Test
    void everyCarAnalyticInTheCorpusLoadsOrIsReportedPrecisely() {
        Path car = CliRun.CORPUS.resolve("rules/mitre-attack-car/analytics");
        assumeTrue(Files.isDirectory(car), "corpus absent: " + car);
        CliRun r = CliRun.of("lint", car.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("102 analytics loaded");
        assertThat(r.out()).doesNotContain("/internal]");
    }

    @Test
    void everyBuiltinFileIsListedInThePackIndex() throws IOException {
        Path dir = CliRun.ROOT.resolve("analytics");
        List<String> index = Files.readAllLines(dir.resolve("index.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.txt")))
                    .containsExactlyInAnyOrderElementsOf(index);
        }
    }
}
