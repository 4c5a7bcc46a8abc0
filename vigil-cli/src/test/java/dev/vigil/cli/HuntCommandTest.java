package dev.vigil.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** vigil hunt: output shapes, accounting and exit codes. */
class HuntCommandTest {

    @TempDir
    Path tmp;

    /** The seed analytics only, so the counts below do not move when the built-in pack grows. */
    private static String[] seeds(String... rest) {
        String[] head = {"--no-builtin", "--rules", CliRun.ROOT.resolve("analytics/CAR-2020-11-007.md").toString(),
                "--rules", CliRun.ROOT.resolve("analytics/ESCU-create-or-delete-windows-shares-using-net-exe.md").toString()};
        String[] out = java.util.Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, out, head.length, rest.length);
        return out;
    }

    private static CliRun hunt(String... args) {
        String[] s = seeds(args);
        String[] all = new String[s.length + 1];
        all[0] = "hunt";
        System.arraycopy(s, 0, all, 1, s.length);
        return CliRun.of(all);
    }

    @Test
    void tableOutputMatchesGolden() throws IOException {
        CliRun r = CliRun.of("hunt", "--no-progress", CliRun.sample("sysmon.xml"));
        assertThat(r.exitCode()).isZero();
        Golden.assertMatches("hunt-sysmon-table.out", r.out());
    }

    @Test
    void csvHasAHeaderAndOneRowPerDetection() {
        CliRun r = hunt("--no-progress", "--format", "csv", CliRun.sample("sysmon.xml"));
        String[] lines = r.out().split("\r\n");
        assertThat(lines[0]).startsWith("time,host,analytic_id,analytic_title,implementation,techniques");
        assertThat(lines).hasSize(1 + 21);
        assertThat(lines[1]).contains("CAR-2020-11-007").contains("T1070.005");
    }

    @Test
    void summaryAccountsForEveryRecord() {
        CliRun r = hunt("--no-progress", CliRun.sample("sysmon.xml"));
        assertThat(r.err()).contains("records     25 read: 25 evaluated, 0 skipped");
        assertThat(r.err()).contains("detections  21 (CAR-2020-11-007: 20, qw9919ed-fe5f-492c-b139-151bb162140e: 1)");
    }

    @Test
    void seedDiagnosticsArePrintedWithPositions() {
        CliRun r = CliRun.of("hunt", "--no-progress", CliRun.sample("sysmon.xml"));
        assertThat(r.err()).contains("builtin:analytics/CAR-2020-11-007.md:53:3: warning[car/unknown-field]: "
                + "unknown field 'comman_line' in 'comman_line=\"*Remove-FileShare*\"'");
        assertThat(r.err()).contains("hint: did you mean 'command_line'?");
        assertThat(r.err()).contains("builtin:analytics/CAR-2020-11-007.md:51:4: warning[car/exe-compared-with-path]");
    }

    @Test
    void malformedRecordsAreNamedCountedAndTheRestStillRuns() throws IOException {
        Path f = tmp.resolve("mixed.jsonl");
        String good = Files.readAllLines(Path.of(CliRun.sample("winlogbeat-sysmon.jsonl"))).get(13);
        Files.writeString(f, good + "\n{\"broken\": \n" + good + "\n", StandardCharsets.UTF_8);
        CliRun r = hunt("--no-progress", f.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains(f + ":2");
        assertThat(r.err()).contains("records     3 read: 2 evaluated, 1 skipped (input/malformed-json: 1)");
        assertThat(r.err()).contains("detections  6 (CAR-2020-11-007: 6)");
    }

    @Test
    void aggregateDetectionsAreRowsWithTheirSourceEvents() throws IOException {
        CliRun r = hunt("--no-progress", "--format", "jsonl", CliRun.sample("sysmon.xml"),
                CliRun.sample("security-4688.xml"));
        String row = java.util.Arrays.stream(r.out().split("\n")).filter(l -> l.contains("\"row\""))
                .findFirst().orElseThrow();
        assertThat(row).contains("\"id\":\"qw9919ed-fe5f-492c-b139-151bb162140e\"").contains("\"implementation\":\"spl\"")
                .contains("\"attack\":[{\"technique\":\"T1070.005\",\"tactic\":\"defense-evasion\"}]")
                .contains("\"risk\":{\"score\":25.0,\"impact\":50,\"confidence\":50}")
                .contains("\"process_name\":\"net1.exe\"").contains("\"count\":2")
                .contains("\"sources\":[{\"path\":\"" + CliRun.sample("sysmon.xml") + "\",\"record\":18246},"
                        + "{\"path\":\"" + CliRun.sample("security-4688.xml") + "\",\"record\":904453}]")
                .doesNotContain("\"event\":");
    }

    @Test
    void failOnDetectionExitsOne() {
        assertThat(CliRun.of("hunt", "--no-progress", "--fail-on-detection", CliRun.sample("sysmon.xml")).exitCode())
                .isEqualTo(Vigil.DETECTIONS);
    }

    @Test
    void tooManyInputErrorsExitThree() throws IOException {
        Path f = tmp.resolve("bad.jsonl");
        Files.writeString(f, "{nope\n", StandardCharsets.UTF_8);
        assertThat(CliRun.of("hunt", "--no-progress", "--max-input-errors", "0", f.toString()).exitCode())
                .isEqualTo(Vigil.INPUT_ERRORS);
    }

    @Test
    void unknownFormatIsAUsageErrorNamingTheAllowedValues() {
        CliRun r = CliRun.of("hunt", "--format", "xml", CliRun.sample("sysmon.xml"));
        assertThat(r.exitCode()).isEqualTo(Vigil.USAGE);
        assertThat(r.err()).contains("unknown format 'xml'; allowed: table, jsonl, csv");
    }

    @Test
    void missingRulesFileIsReportedNotThrown() {
        CliRun r = CliRun.of("hunt", "--no-progress", "--rules", tmp.resolve("nope.yml").toString(),
                CliRun.sample("sysmon.xml"));
        assertThat(r.err()).contains("nope.yml: error[catalog/not-found]");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void summaryJsonIsWritten() throws IOException {
        Path s = tmp.resolve("summary.json");
        hunt("--no-progress", "--summary", s.toString(), CliRun.sample("sysmon.xml"));
        assertThat(Files.readString(s)).contains("\"records\":{\"read\":25,\"evaluated\":25,\"skipped\":{}}")
                .contains("\"detections\":{\"total\":21,\"by_analytic\":{\"CAR-2020-11-007\":20,"
                        + "\"qw9919ed-fe5f-492c-b139-151bb162140e\":1}}");
    }
}
