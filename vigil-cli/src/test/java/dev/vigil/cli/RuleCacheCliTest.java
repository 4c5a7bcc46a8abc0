package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil hunt with a rule cache: the same detections and diagnostics, and a summary line saying so. */
class RuleCacheCliTest {

    @TempDir
    Path tmp;

    private Path rules() throws IOException {
        Path rules = tmp.resolve("rules");
        if (Files.isDirectory(rules)) {
            return rules;
        }
        Files.createDirectories(rules);
        for (String name : new String[] {"CAR-2020-11-007.md", "VIGIL-T1070-005.yml"}) {
            Files.copy(CliRun.ROOT.resolve("analytics").resolve(name), rules.resolve(name));
        }
        Files.writeString(rules.resolve("net-user.yml"), """
                title: Net user
                id: 5e3c8a51-2a3f-4a61-9a4e-2f8a0f6f0b11
                logsource:
                    category: process_creation
                    product: windows
                detection:
                    selection:
                        Image|endswith: '\\\\net.exe'
                    condition: selection
                level: low
                """);
        return rules;
    }

    private CliRun hunt(String... options) throws IOException {
        String[] head = {"hunt", "--no-progress", "--no-builtin", "-f", "jsonl", "-r", rules().toString()};
        String[] args = java.util.Arrays.copyOf(head, head.length + options.length + 1);
        System.arraycopy(options, 0, args, head.length, options.length);
        args[args.length - 1] = CliRun.sample("sysmon.xml");
        return CliRun.of(args);
    }

    private static String withoutTimes(String err) {
        return err.replaceAll("(?m)^  (time|rule cache) .*$", "");
    }

    @Test
    void aSecondHuntTakesUnchangedRulesFromTheCacheAndReportsTheSame() throws IOException {
        Path cache = tmp.resolve("cache");
        CliRun first = hunt("--rule-cache", cache.toString());
        CliRun second = hunt("--rule-cache", cache.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("CAR-2020-11-007").contains("5e3c8a51-2a3f-4a61-9a4e-2f8a0f6f0b11");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(withoutTimes(second.err())).isEqualTo(withoutTimes(first.err()));
        // The Sigma rule comes from the cache; the document with offline tests (VIGIL-T1070-005) and the CAR
        // page, whose SPL implementation reads the macros beside it, are compiled every time.
        assertThat(first.err()).contains("rule cache  0 of 3 documents unchanged since they were cached");
        assertThat(second.err()).contains("rule cache  1 of 3 documents unchanged since they were cached");
    }

    @Test
    void noRuleCacheKeepsNothing() throws IOException {
        Path cache = tmp.resolve("cache");
        CliRun r = hunt("--rule-cache", cache.toString(), "--no-rule-cache");
        assertThat(r.err()).doesNotContain("rule cache");
        assertThat(cache).doesNotExist();
    }

    @Test
    void vigilRuleCacheOffTurnsTheDefaultCacheOff() throws IOException {
        // The build's tests run with VIGIL_RULE_CACHE=off, so the user's cache is never touched.
        assertThat(System.getenv("VIGIL_RULE_CACHE")).isEqualTo("off");
        assertThat(hunt().err()).doesNotContain("rule cache");
    }
}
