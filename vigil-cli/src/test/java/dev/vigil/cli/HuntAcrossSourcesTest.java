package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seed's CAR pseudocode, loaded from the seed file itself, fires on the same activities whether they
 * were logged by Sysmon, by Security 4688 or shipped by Winlogbeat as ECS.
 */
class HuntAcrossSourcesTest {

    /** The activities the pseudocode fires on in the sample, as (time, command line); its known misses are absent. */
    static final List<String> EXPECTED = List.of(
            "2026-03-14T08:59:20.146Z net  user bob /delete",
            "2026-03-14T09:06:00.150Z net  share \\\\test\\share /delete",
            "2026-03-14T09:07:00.152Z \"powershell.exe\" & {Remove-SmbShare -Name \\\\test\\share\nRemove-FileShare -Name \\\\test\\share}",
            "2026-03-14T09:09:01.155Z net  share C$ /delete",
            "2026-03-14T09:09:02.156Z net  share IPC$ /delete",
            "2026-03-14T09:09:03.157Z net  share ADMIN$ /delete");

    static List<String> activities(String rules, String input) throws IOException {
        return activities(rules, input, "car");
    }

    static List<String> activities(String rules, String input, String dialect) throws IOException {
        CliRun r = CliRun.of("hunt", "--no-builtin", "--rules", rules, "--format", "jsonl", "--no-progress", input);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> out = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank()) {
                Map<String, String> d = flat(line);
                assertThat(d.get("analytic.id")).isEqualTo("CAR-2020-11-007");
                if (!d.get("analytic.implementation").equals(dialect)) {
                    continue;
                }
                assertThat(d.get("attack.technique")).isEqualTo("T1070.005");
                assertThat(d.get("attack.tactic")).isEqualTo("defense-evasion");
                assertThat(d.get("source.path")).isEqualTo(input);
                assertThat(d.get("host")).isEqualTo("WS-FIN-07.corp.example");
                out.add(d.get("time") + " " + d.get("event.CommandLine"));
            }
        }
        return out;
    }

    // Top-level and one-level-nested string and number values of one JSON detection, by dotted name.
    static Map<String, String> flat(String json) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            List<String> path = new ArrayList<>();
            String name = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    name = p.currentName();
                } else if (t == JsonToken.START_OBJECT) {
                    if (name != null) {
                        path.add(name);
                    }
                    name = null;
                } else if (t == JsonToken.END_OBJECT) {
                    if (!path.isEmpty()) {
                        path.remove(path.size() - 1);
                    }
                } else if (t.isScalarValue() && name != null) {
                    String key = (path.isEmpty() ? "" : String.join(".", path) + ".") + name;
                    m.putIfAbsent(key, p.getValueAsString());
                }
            }
        }
        return m;
    }

    @Test
    void sysmon4688AndEcsFireOnTheSameActivities() throws IOException {
        Path seed = CliRun.SEEDS.resolve("000_e50d5c2d6aa38f35.txt");
        assumeTrue(Files.exists(seed), "seed file absent: " + seed);
        List<String> sysmon = activities(seed.toString(), CliRun.sample("sysmon.xml"));
        List<String> security = activities(seed.toString(), CliRun.sample("security-4688.xml"));
        List<String> ecs = activities(seed.toString(), CliRun.sample("winlogbeat-sysmon.jsonl"));
        assertThat(sysmon).containsExactlyElementsOf(EXPECTED);
        assertThat(security).containsExactlyElementsOf(EXPECTED);
        assertThat(ecs).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void splunkAndLogPointImplementationsSeeOnlySysmonAndCatchTheFileShareTheTypoMisses() throws IOException {
        String page = CliRun.ROOT.resolve("analytics/CAR-2020-11-007.md").toString();
        List<String> withFileShare = new java.util.ArrayList<>(EXPECTED);
        withFileShare.add(3, "2026-03-14T09:08:00.153Z \"powershell.exe\" & {Remove-FileShare -Name \\\\test\\share}");
        for (String dialect : List.of("spl", "logpoint")) {
            assertThat(activities(page, CliRun.sample("sysmon.xml"), dialect)).containsExactlyElementsOf(withFileShare);
            assertThat(activities(page, CliRun.sample("winlogbeat-sysmon.jsonl"), dialect))
                    .containsExactlyElementsOf(withFileShare);
            assertThat(activities(page, CliRun.sample("security-4688.xml"), dialect)).isEmpty();
        }
    }

    @Test
    void builtinCopyBehavesLikeTheSeedFile() throws IOException {
        List<String> builtin = activities(CliRun.ROOT.resolve("analytics/CAR-2020-11-007.md").toString(),
                CliRun.sample("sysmon.xml"));
        assertThat(builtin).containsExactlyElementsOf(EXPECTED);
    }
}
