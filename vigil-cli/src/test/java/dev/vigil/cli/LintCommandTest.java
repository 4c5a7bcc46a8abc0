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
    void strictFailsWhenSomethingDoesNotRun(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        assertThat(CliRun.of("lint", "--strict").exitCode()).isZero();
        Path f = tmp.resolve("CAR-2099-01-001.yaml");
        Files.writeString(f, "title: Joined\nid: CAR-2099-01-001\nimplementations:\n  - name: j\n    type: Pseudocode\n"
                + "    code: |\n      a = search Process:Create\n      b = join (a, a) where (a.pid == a.ppid)\n      output b\n");
        CliRun r = CliRun.of("lint", "--strict", f.toString());
        assertThat(r.out()).contains(f + ":8:11: error[car/unsupported-command]: unsupported CAR command 'join'");
        assertThat(r.out()).contains("car unsupported");
        assertThat(r.exitCode()).isEqualTo(Vigil.USAGE);
        assertThat(CliRun.of("lint", f.toString()).exitCode()).isZero();
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
