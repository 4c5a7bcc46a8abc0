package dev.vigil.dialects.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.dialects.DialectSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents taken from a rule cache are the documents their text gives, and only while it is unchanged. */
class RuleCacheTest {
    static final Path ROOT = ParallelLoadTest.ROOT;
    static final Path CORPUS = ParallelLoadTest.CORPUS;

    private static final String SIGMA = """
            title: Net share removal
            id: 0b0f3b5e-8d7a-4f4e-9d38-2a1d7d1b7c01
            status: test
            description: removes a share
            references:
                - https://example.org/x
            tags:
                - attack.defense-evasion
                - attack.t1070.005
            logsource:
                category: process_creation
                product: windows
            detection:
                selection:
                    Image|endswith: '\\\\net.exe'
                    CommandLine|contains|all: [' share ', '/delete']
                size:
                    Size|gt: 10
                filter:
                    CommandLine|re: '^x+$'
                missing:
                    ParentImage: null
                condition: selection and not filter and not missing or size
            falsepositives:
                - admins
            level: medium
            """;

    /** Writes documents of every kind the cache must keep or pass over. */
    private static Path rules(Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.yml"), SIGMA);
        Files.writeString(rules.resolve("b.yml"), SIGMA.replace("0b0f3b5e", "1b0f3b5e")
                .replace("Image|endswith", "Image|endswithh"));
        Files.writeString(rules.resolve("notes.txt"), "not an analytic");
        Files.write(rules.resolve("binary.yml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        for (String name : List.of("CAR-2020-11-007.md", "VIGIL-T1070-005.yml", "CAR-2020-11-007.tests.yml")) {
            Files.copy(ROOT.resolve("analytics").resolve(name), rules.resolve(name));
        }
        return rules;
    }

    /**
     * The documents of {@link #rules} a cache keeps: the two Sigma rules, the non-text file and the notes;
     * not the documents with offline tests, nor the CAR page, whose SPL implementation reads macros.
     */
    private static final int CACHED = 4;

    private static Catalog load(Path cache, String build, Path rules) {
        return new Catalog().withRuleCache(cache, build).loadPaths(List.of(rules.toString()), 2);
    }

    /** Replaces the cache file a load wrote with {@code how} applied to its bytes. */
    private static void rewrite(Catalog loaded, java.util.function.UnaryOperator<byte[]> how) throws IOException {
        Path file = loaded.ruleCache().orElseThrow().file();
        Files.write(file, how.apply(Files.readAllBytes(file)));
    }

    private static List<LoadedAnalytic> analytics(Catalog c) {
        return c.analytics();
    }

    private static List<Diagnostic> diagnostics(Catalog c) {
        return c.documentDiagnostics();
    }

    @Test
    void everyKindOfDocumentDecodesToWhatItsTextGives(@TempDir Path dir) throws IOException {
        Path rules = rules(dir);
        int encoded = 0;
        try (Stream<Path> files = Files.list(rules)) {
            for (Path f : files.sorted().toList()) {
                DocumentLoad doc = DocumentLoad.ofFile(f.toString(), f, false, DialectSettings.DEFAULT);
                if (DocumentCodec.encodable(doc)) {
                    byte[] bytes = DocumentCodec.encode(doc);
                    assertThat(DocumentCodec.decode(bytes, 0, bytes.length)).as(f.toString()).isEqualTo(doc);
                    encoded++;
                }
            }
        }
        // All but the documents with offline tests, which the cache leaves to their text.
        assertThat(encoded).isEqualTo(5);
    }

    @Test
    void aSecondRunTakesEveryCachedDocumentAndLoadsTheSame(@TempDir Path dir) throws IOException {
        Path rules = rules(dir);
        Catalog plain = new Catalog().loadPaths(List.of(rules.toString()), 1);
        Catalog first = load(dir.resolve("cache"), "build 1", rules);
        Catalog second = load(dir.resolve("cache"), "build 1", rules);

        assertThat(first.ruleCache().orElseThrow().hits()).isZero();
        assertThat(second.ruleCache().orElseThrow().hits()).isEqualTo(CACHED);
        assertThat(second.ruleCache().orElseThrow().documents()).isEqualTo(7);
        for (Catalog c : List.of(first, second)) {
            assertThat(analytics(c)).isEqualTo(analytics(plain));
            assertThat(diagnostics(c)).isEqualTo(diagnostics(plain));
            assertThat(c.tests()).isEqualTo(plain.tests());
            assertThat(c.documentsRead()).isEqualTo(plain.documentsRead());
            assertThat(c.documentsUnrecognised()).isEqualTo(plain.documentsUnrecognised());
        }
    }

    @Test
    void aChangedDocumentIsCompiledAgain(@TempDir Path dir) throws IOException {
        Path rules = rules(dir);
        Catalog before = load(dir.resolve("cache"), "build 1", rules);
        Files.writeString(rules.resolve("a.yml"), SIGMA.replace("level: medium", "level: high"));

        Catalog after = load(dir.resolve("cache"), "build 1", rules);

        assertThat(after.ruleCache().orElseThrow().hits()).isEqualTo(CACHED - 1);
        assertThat(analytics(after)).isEqualTo(analytics(new Catalog().loadPaths(List.of(rules.toString()), 1)))
                .isNotEqualTo(analytics(before));
    }

    @Test
    void anotherBuildsCacheIsNotUsed(@TempDir Path dir) throws IOException {
        Path rules = rules(dir);
        load(dir.resolve("cache"), "build 1", rules);
        assertThat(load(dir.resolve("cache"), "build 2", rules).ruleCache().orElseThrow().hits()).isZero();
        assertThat(load(dir.resolve("cache"), "build 2", rules).ruleCache().orElseThrow().hits()).isEqualTo(CACHED);
    }

    @Test
    void aDamagedCacheFileIsRebuilt(@TempDir Path dir) throws IOException {
        Path rules = rules(dir);
        Catalog first = load(dir.resolve("cache"), "build 1", rules);
        rewrite(first, bytes -> java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Catalog damaged = load(dir.resolve("cache"), "build 1", rules);

        assertThat(damaged.ruleCache().orElseThrow().hits()).isZero();
        assertThat(analytics(damaged)).isEqualTo(analytics(first));
        assertThat(load(dir.resolve("cache"), "build 1", rules).ruleCache().orElseThrow().hits()).isEqualTo(CACHED);
    }

    @Test
    void aDamagedEntryIsCompiledFromItsText(@TempDir Path dir) throws IOException {
        Path rules = rules(dir);
        Catalog first = load(dir.resolve("cache"), "build 1", rules);
        // Overwrite the end of the last entry (the last document in name order) with bytes no document has.
        rewrite(first, bytes -> {
            java.util.Arrays.fill(bytes, bytes.length - 40, bytes.length, (byte) 0xff);
            return bytes;
        });

        Catalog damaged = load(dir.resolve("cache"), "build 1", rules);

        assertThat(damaged.ruleCache().orElseThrow().hits()).isEqualTo(CACHED - 1);
        assertThat(analytics(damaged)).isEqualTo(analytics(first));
        assertThat(diagnostics(damaged)).isEqualTo(diagnostics(first));
    }

    @Test
    void aSplDetectionIsNeverCachedForItsMacrosLiveInOtherFiles(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("escu"));
        Path macros = Files.createDirectories(rules.resolve("macros"));
        Path detections = Files.createDirectories(rules.resolve("detections"));
        Files.writeString(detections.resolve("net.yml"), """
                name: Net share deleted
                id: 2b7c3a9e-6d1f-4c4e-8a7b-0f1e2d3c4b5a
                description: net.exe deletes a share
                search: '`process_net` process="*delete*"'
                """);
        Files.writeString(macros.resolve("process_net.yml"), "name: process_net\ndefinition: process_name=net.exe\n");
        Catalog first = load(dir.resolve("cache"), "build 1", rules);

        // Editing the macro file would change the query while the detection's bytes stay the same.
        Catalog second = load(dir.resolve("cache"), "build 1", rules);

        assertThat(first.analytics()).hasSize(1);
        assertThat(second.ruleCache().orElseThrow().documents()).isEqualTo(2);
        assertThat(second.ruleCache().orElseThrow().hits()).isEqualTo(1); // the macro file only
        assertThat(analytics(second)).isEqualTo(analytics(first));
    }

    @Test
    void placeholdersTurnTheCacheOff(@TempDir Path dir) throws IOException {
        Path rules = rules(dir);
        Catalog c = new Catalog(new DialectSettings(Map.of("admins", List.of("root")), List.of()))
                .withRuleCache(dir.resolve("cache"), "build 1").loadPaths(List.of(rules.toString()), 1);
        assertThat(c.ruleCache()).isEmpty();
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void aCacheThatCannotBeWrittenIsANote(@TempDir Path dir) throws IOException {
        Path rules = rules(dir);
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Catalog c = load(notADirectory.resolve("cache"), "build 1", rules);
        assertThat(analytics(c)).isEqualTo(analytics(new Catalog().loadPaths(List.of(rules.toString()), 1)));
        assertThat(diagnostics(c)).anyMatch(d -> d.code().equals("catalog/rule-cache")
                && d.severity() == dev.vigil.core.diag.Severity.NOTE);
    }

    @Test
    void cacheFilesUnusedForAMonthAreDeletedWhenAnotherIsWritten(@TempDir Path dir) throws IOException {
        Path rules = rules(dir);
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path old = Files.writeString(cache.resolve("rules-00000000000000aa.cache"), "x");
        Path recent = Files.writeString(cache.resolve("rules-00000000000000bb.cache"), "x");
        Path other = Files.writeString(cache.resolve("notes.txt"), "x");
        FileTime longAgo = FileTime.from(Instant.now().minus(RuleCache.UNUSED).minus(Duration.ofDays(1)));
        for (Path p : List.of(old, other)) {
            Files.setLastModifiedTime(p, longAgo);
        }
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(29))));

        load(cache, "build 1", rules);

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(other).exists();
    }

    @Test
    void aCacheFileInUseIsDatedAnew(@TempDir Path dir) throws IOException {
        Path rules = rules(dir);
        Path file = load(dir.resolve("cache"), "build 1", rules).ruleCache().orElseThrow().file();
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(40)));
        Files.setLastModifiedTime(file, longAgo);

        load(dir.resolve("cache"), "build 1", rules);

        assertThat(Files.getLastModifiedTime(file).toInstant()).isAfter(Instant.now().minus(Duration.ofDays(1)));
    }

    @Test
    void everySigmaHqWindowsRuleDecodesToWhatItsTextGives() throws IOException {
        Path rules = CORPUS.resolve("rules/SigmaHQ-sigma/rules/windows");
        assumeTrue(Files.isDirectory(rules), "corpus absent: " + rules);
        int encoded = 0;
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                DocumentLoad doc = DocumentLoad.ofFile(f.toString(), f, false, DialectSettings.DEFAULT);
                assertThat(DocumentCodec.encodable(doc)).as(f.toString()).isTrue();
                byte[] bytes = DocumentCodec.encode(doc);
                assertThat(DocumentCodec.decode(bytes, 0, bytes.length)).as(f.toString()).isEqualTo(doc);
                encoded++;
            }
        }
        assertThat(encoded).isGreaterThan(2000);
    }
}
