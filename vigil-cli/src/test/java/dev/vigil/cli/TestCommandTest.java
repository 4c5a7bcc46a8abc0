package dev.vigil.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** vigil test: offline tests of analytics, per implementation. */
class TestCommandTest {

    @TempDir
    Path tmp;

    private static final String ANALYTIC = """
            vigil: 1
            id: TEST-0001
            title: net share delete
            attack: [{technique: T1070.005, tactic: TA0005}]
            implementations:
              - name: pseudocode
                dialect: car
                query: |
                  p = search Process:Create
                  f = filter p where (exe = "net.exe" AND command_line = "*share*/delete*")
                  output f
            tests:
              - name: positive
                truth: match
                events:
                  - process: {Image: 'C:\\Windows\\System32\\net.exe', CommandLine: 'net share x /delete'}
              - name: negative
                truth: no-match
                events:
                  - sysmon: {Image: 'C:\\Windows\\System32\\net.exe', CommandLine: 'net share'}
            """;

    @Test
    void builtinTestsPassAndEndWithTheCountLine() {
        CliRun r = CliRun.of("test");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out().strip()).endsWith("255 passed, 0 failed");
    }

    @Test
    void processEventsRunOnEverySource() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.yml"), ANALYTIC);
        CliRun r = CliRun.of("test", "-v", f.toString());
        assertThat(r.out()).contains("pass  'positive' [sysmon]: match").contains("pass  'positive' [security]: match")
                .contains("pass  'positive' [ecs]: match").contains("pass  'negative': no-match");
        assertThat(r.out().strip()).endsWith("4 passed, 0 failed");
    }

    @Test
    void aWrongExpectationFailsWithTheEventAndTheReason() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.yml"), ANALYTIC.replace("name: negative\n    truth: no-match",
                "name: negative\n    reason: listing is not removal\n    truth: match"));
        CliRun r = CliRun.of("test", f.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  'negative' at " + f + ":17:5: expected match, got no-match — listing is not removal")
                .contains("event: windows/process_creation/sysmon Image=C:\\Windows\\System32\\net.exe CommandLine=net share");
        assertThat(r.out().strip()).endsWith("3 passed, 1 failed");
    }

    @Test
    void knownMissesAreReportedInTheQualityTable() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.yml"), ANALYTIC + """
                  - name: abbreviated
                    truth: match
                    expect: {car: no-match}
                    events:
                      - sysmon: {Image: 'C:\\Windows\\System32\\net.exe', CommandLine: 'net share x /d'}
                """);
        CliRun r = CliRun.of("test", "--report", f.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("TEST-0001\\s+car: pseudocode\\s+3\\s+0\\s+1\\s+1\\s+1.00\\s+0.75");
    }

    @Test
    void testsForAnAnalyticThatIsNotLoadedFail() throws IOException {
        Path f = Files.writeString(tmp.resolve("t.yml"), "vigil: 1\ntests_for: NOPE-1\ntests:\n  - name: x\n    truth: match\n"
                + "    events:\n      - sysmon: {Image: a.exe}\n");
        CliRun r = CliRun.of("test", f.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("error: tests for 'NOPE-1', which is not loaded");
    }
}
