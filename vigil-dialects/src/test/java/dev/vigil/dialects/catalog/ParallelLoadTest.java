package dev.vigil.dialects.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.core.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading documents on several threads adds them exactly as one thread does. */
class ParallelLoadTest {
    static final Path ROOT = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    static final Path CORPUS = Path.of(System.getProperty("vigil.corpus", ROOT.resolve("../shared/corpus").toString()));

    private static List<String> analytics(Catalog c) {
        return c.analytics().stream().map(a -> a.analytic().id() + " " + a.implementations().size()).toList();
    }

    private static List<String> diagnostics(Catalog c) {
        return c.documentDiagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void mixedDocumentsLoadInTheSameOrderWithTheSameDiagnostics(@TempDir Path dir) throws IOException {
        Path analytics = ROOT.resolve("analytics");
        for (String name : List.of("CAR-2020-11-007.md", "VIGIL-T1070-005.yml")) {
            Files.copy(analytics.resolve(name), dir.resolve(name));
            Files.copy(analytics.resolve(name), dir.resolve("copy-" + name)); // a duplicate id, reported
        }
        Files.writeString(dir.resolve("notes.txt"), "not an analytic");
        Files.write(dir.resolve("binary.yml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        List<String> paths = List.of(dir.toString(), dir.resolve("missing.yml").toString());

        Catalog one = new Catalog().loadPaths(paths, 1);
        Catalog four = new Catalog().loadPaths(paths, 4);

        assertThat(analytics(one)).hasSize(2);
        assertThat(analytics(four)).isEqualTo(analytics(one));
        assertThat(diagnostics(four)).isEqualTo(diagnostics(one));
        assertThat(diagnostics(one)).anyMatch(d -> d.contains("catalog/duplicate-id"))
                .anyMatch(d -> d.contains("catalog/not-found")).anyMatch(d -> d.contains("catalog/not-text"));
        assertThat(four.documentsRead()).isEqualTo(one.documentsRead());
        assertThat(four.documentsUnrecognised()).isEqualTo(one.documentsUnrecognised()).isEqualTo(2);
    }

    @Test
    void sigmaHqWindowsRulesLoadTheSameOnFourThreads() {
        Path rules = CORPUS.resolve("rules/SigmaHQ-sigma/rules/windows/process_creation");
        assumeTrue(Files.isDirectory(rules), "corpus absent: " + rules);
        Catalog one = new Catalog().loadPaths(List.of(rules.toString()), 1);
        Catalog four = new Catalog().loadPaths(List.of(rules.toString()), 4);
        assertThat(analytics(one)).hasSizeGreaterThan(1000);
        assertThat(analytics(four)).isEqualTo(analytics(one));
        assertThat(diagnostics(four)).isEqualTo(diagnostics(one));
        assertThat(four.fieldsUsed()).isEqualTo(one.fieldsUsed());
    }

    /**
     * A rule directory's hidden files and directories are left out (a repository's .git is never entered),
     * a symbolic link to a rule file is loaded as that file, and a directory named through a link is walked.
     */
    @Test
    void hiddenFilesAreLeftOutAndLinksToRulesAreLoaded(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path analytics = ROOT.resolve("analytics");
        Files.copy(analytics.resolve("CAR-2020-11-007.md"), rules.resolve("CAR-2020-11-007.md"));
        Path git = Files.createDirectories(rules.resolve(".git/objects"));
        Files.copy(analytics.resolve("VIGIL-T1070-005.yml"), git.resolve("VIGIL-T1070-005.yml"));
        Files.copy(analytics.resolve("VIGIL-T1070-005.yml"), rules.resolve(".hidden.yml"));
        Path elsewhere = Files.copy(analytics.resolve("VIGIL-T1070-005.yml"), dir.resolve("VIGIL-T1070-005.yml"));
        Files.createSymbolicLink(rules.resolve("linked.yml"), elsewhere);
        Path link = Files.createSymbolicLink(dir.resolve("rules-link"), rules);

        for (Path given : List.of(rules, link)) {
            Catalog c = new Catalog().loadPaths(List.of(given.toString()), 1);
            assertThat(analytics(c)).containsExactly("CAR-2020-11-007 3", "VIGIL-T1070-005 1");
            assertThat(c.documentsRead()).isEqualTo(2);
        }
    }

    /** A link to nothing in a rule directory is reported as a file that cannot be read, not left out. */
    @Test
    void aDanglingLinkInARuleDirectoryIsReported(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(ROOT.resolve("analytics/CAR-2020-11-007.md"), rules.resolve("CAR-2020-11-007.md"));
        Files.createSymbolicLink(rules.resolve("gone.yml"), dir.resolve("moved-away.yml"));
        Catalog c = new Catalog().loadPaths(List.of(rules.toString()), 1);
        assertThat(analytics(c)).containsExactly("CAR-2020-11-007 3");
        assertThat(diagnostics(c)).anyMatch(d -> d.contains("gone.yml") && d.contains("catalog/unreadable"));
    }
}
