package dev.vigil.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** vigil compare: where the seed's implementations disagree, and why. */
class CompareCommandTest {

    @Test
    void theTypoIsNamedAsTheReasonThePseudocodeMissesRemoveFileShare() {
        CliRun r = CliRun.of("compare", "--analytic", "CAR-2020-11-007", CliRun.sample("sysmon.xml"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("CAR-2020-11-007 \"Network Share Connection Removal\": implementations disagree "
                + "on 1 events, agree on 24");
        assertThat(r.out()).contains("quiet car: Pseudocode - network shares being removed via the command line — "
                + "field 'comman_line' does not exist in the CAR data model (process); did you mean 'command_line'? "
                + "(builtin:analytics/CAR-2020-11-007.md:53:3)");
        assertThat(r.out()).contains("fires spl: Splunk Search - delete network shares");
        assertThat(r.out()).contains("fires logpoint: LogPoint Search - delete network shares");
    }

    @Test
    void scopeDifferencesAreExplained() {
        CliRun r = CliRun.of("compare", "--analytic", "CAR-2020-11-007", CliRun.sample("security-4688.xml"));
        assertThat(r.out()).contains("quiet spl: Splunk Search - delete network shares — event class "
                + "windows/process_creation/security is outside its scope windows/*/sysmon");
    }

    @Test
    void twoVersionsOfTheEscuDetectionAreComparedByTheirRows() {
        Path yaml = CliRun.CORPUS.resolve(
                "rules/splunk-security_content/detections/endpoint/create_or_delete_windows_shares_using_net_exe.yml");
        assumeTrue(Files.exists(yaml), "corpus absent: " + yaml);
        CliRun r = CliRun.of("compare", "--rules", yaml.toString(), CliRun.sample("sysmon.xml"));
        assertThat(r.out()).contains("\"Create or delete windows shares using net exe\": 2 versions compared by their results");
        // Version 5's typo leaves only net1.exe rows; the current version (process_net macro) also sees net.exe.
        assertThat(r.out()).contains("  only qw9919ed-fe5f-492c-b139-151bb162140e: 1");
        assertThat(r.out()).containsPattern("only 743a322c-9a68-4a0f-9c17-85d9cce2a27c: \\d+");
        assertThat(r.out()).contains("process_name=net.exe");
    }
}
