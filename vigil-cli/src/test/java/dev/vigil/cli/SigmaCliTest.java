package dev.vigil.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Sigma dialect through the command line: regression cases, placeholders, declared loss. */
class SigmaCliTest {

    @TempDir
    Path tmp;

    @Test
    void sigmaHqRegressionCasesFireFromTheirEvtxFiles() {
        Path data = CliRun.CORPUS.resolve("SigmaHQ-sigma/regression_data");
        assumeTrue(Files.isDirectory(data), "corpus absent: " + data);
        CliRun r = CliRun.of("test", data.toString());
        // The one case that does not run is Cisco syslog text (a .raw line), which SigmaHQ's own runner
        // skips too (its test is commented out in info.yml): Vigil reads Windows event formats only.
        assertThat(r.out()).contains("202/203 regression cases passed");
        assertThat(r.out()).contains("FAIL  ef0ff092-a24a-4fbc-beea-06c08d53e085  Cisco Dot1x Disabled: NO_EVENTS");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void placeholdersResolveFromTheGivenFile() throws IOException {
        Path rule = Files.writeString(tmp.resolve("r.yml"), """
                title: Admin logon from an unexpected workstation
                id: 6a6b2b3c-1111-4222-8333-944455556666
                logsource: {product: windows, service: security}
                detection:
                    sel:
                        EventID: 4624
                        WorkstationName|expand: '%Admins_Workstations%'
                    condition: sel
                """);
        CliRun without = CliRun.of("lint", rule.toString());
        assertThat(without.out()).contains("error[sigma/unresolved-placeholder]");
        Path values = Files.writeString(tmp.resolve("p.yml"), "Admins_Workstations: [ADMIN-WS1, ADMIN-WS2]\n");
        CliRun with = CliRun.of("lint", "--sigma-placeholders", values.toString(), rule.toString());
        assertThat(with.out()).doesNotContain("unresolved-placeholder").contains("sigma runs");
    }

    @Test
    void declaredLossNamesWhatASourceCannotSee() throws IOException {
        Path rule = Files.writeString(tmp.resolve("r.yml"), """
                title: Renamed net.exe
                id: 0c0c0c0c-1111-4222-8333-944455556666
                logsource: {product: windows, category: process_creation}
                detection:
                    sel:
                        OriginalFileName: net.exe
                    condition: sel
                """);
        CliRun r = CliRun.of("lint", "--sources", "sysmon,security", rule.toString());
        assertThat(r.out()).contains("warning[loss/impossible]: 0c0c0c0c-1111-4222-8333-944455556666 on security")
                .contains("[OriginalFileName]")
                .containsPattern("security\\s+exact 0, degraded 0, impossible 1")
                .containsPattern("sysmon\\s+exact 1, degraded 0, impossible 0");
    }
}
