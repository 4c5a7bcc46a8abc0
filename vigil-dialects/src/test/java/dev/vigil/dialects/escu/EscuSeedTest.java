package dev.vigil.dialects.escu;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.engine.Detection;
import dev.vigil.dialects.SeedEvents;
import dev.vigil.dialects.spl.SplDialect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The ESCU seed page (version 5, with the Processs typo) and today's YAML, as Splunk would run them. */
class EscuSeedTest {

    static final Path ROOT = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    static final Path PAGE = ROOT.resolve("../shared/seeds/003_f481223d8aae785c.txt");
    static final Path CORPUS = Path.of(System.getProperty("vigil.corpus", ROOT.resolve("../shared/corpus").toString()));
    static final Path YAML = CORPUS.resolve(
            "rules/splunk-security_content/detections/endpoint/create_or_delete_windows_shares_using_net_exe.yml");

    static Analytic page() throws IOException {
        assumeTrue(Files.exists(PAGE), "shared seeds absent: " + PAGE);
        return new EscuPageLoader().load(PAGE.toString(), Files.readString(PAGE), new Diagnostics()).get(0);
    }

    @Test
    void pageLoadsWithItsOwnIdAndRisk() throws IOException {
        Analytic a = page();
        assertThat(a.id()).isEqualTo("qw9919ed-fe5f-492c-b139-151bb162140e");
        assertThat(a.title()).isEqualTo("Create or delete windows shares using net exe");
        assertThat(a.attack()).extracting(r -> r.technique()).containsExactly("T1070.005");
        assertThat(a.risk().score()).isEqualTo(25.0);
        assertThat(a.risk().impact()).isEqualTo(50);
        assertThat(a.risk().confidence()).isEqualTo(50);
        assertThat(a.dataModelRefs()).contains("Processes.process_name", "_time");
        assertThat(a.falsePositives().get(0)).startsWith("Administrators often leverage net.exe");
    }

    @Test
    void typoBranchIsDeadSoOnlyNet1RowsAppear() throws IOException {
        Analytic a = page();
        Diagnostics d = new Diagnostics();
        Query q = new SplDialect().compile(a.implementations().get(0), d).get(0);
        assertThat(d.all()).extracting(Diagnostic::code).containsExactly("spl/unknown-field");
        Diagnostic typo = d.all().get(0);
        assertThat(typo.message()).contains("Processs.process_name");
        assertThat(typo.hint()).contains("did you mean 'Processes.process_name'");
        assertThat(typo.span().line()).isEqualTo(45);

        List<Detection> rows = SeedEvents.run(a, a.implementations().get(0), q, SeedEvents.all());
        assertThat(rows).allMatch(Detection::isRow);
        assertThat(rows).extracting(r -> r.row().get("process")).containsExactly(
                "C:\\Windows\\system32\\net1 share x /delete", "net1 share x /DEL", "net1 share x /d",
                "net1 share y /delete", "net1 share z /delete");
        Map<String, Object> del = rows.get(1).row();
        assertThat(del).containsOnlyKeys("process", "process_name", "dest", "count", "user", "parent_process",
                "firstTime", "lastTime");
        assertThat(del.get("process_name")).isEqualTo("net1.exe");
        assertThat(del.get("dest")).isEqualTo("host1");
        assertThat(del.get("count")).isEqualTo(2L);
        assertThat(del.get("user")).isEqualTo(List.of("CORP\\alice"));
        assertThat(del.get("parent_process")).isEqualTo(List.of("cmd.exe /c x.bat"));
        assertThat(del.get("firstTime")).isEqualTo("2023-11-14T22:13:27");
        assertThat(del.get("lastTime")).isEqualTo("2023-11-14T22:14:30");
        assertThat(rows.get(1).sources()).hasSize(2);
        // 4688 has no ParentCommandLine: values() of nothing leaves the column out, as Splunk does
        assertThat(rows.get(3).row()).doesNotContainKey("parent_process").containsEntry("dest", "host2");
    }

    @Test
    void currentYamlUsesProcessNetAndCatchesTheRenamedCopy() throws IOException {
        assumeTrue(Files.exists(YAML), "corpus absent: " + YAML);
        Diagnostics d = new Diagnostics();
        Analytic a = new EscuYamlLoader().load(YAML.toString(), Files.readString(YAML), d).get(0);
        assertThat(a.id()).isEqualTo("743a322c-9a68-4a0f-9c17-85d9cce2a27c");
        assertThat(a.risk().score()).isEqualTo(25.0);
        Query q = new SplDialect().compile(a.implementations().get(0), d).get(0);
        assertThat(d.all()).isEmpty();
        List<Detection> rows = SeedEvents.run(a, a.implementations().get(0), q, SeedEvents.all());
        assertThat(rows).extracting(r -> r.row().get("process")).containsExactly(
                "C:\\Windows\\system32\\net1 share x /delete", "NET SHARE X /DELETE", "n share x /delete",
                "net share x /delete", "net share y /delete", "net1 share x /DEL", "net1 share x /d",
                "net1 share y /delete", "net1 share z /delete");
        assertThat(rows.get(2).row()).containsEntry("original_file_name", "net.exe").containsEntry("process_name",
                "n.exe");
        // System32 and SysWOW64 net.exe share every group-by value, so they form one row
        assertThat(rows.get(3).row()).containsEntry("count", 2L);
        assertThat(rows.get(4).row()).containsEntry("original_file_name", "null");
    }
}
