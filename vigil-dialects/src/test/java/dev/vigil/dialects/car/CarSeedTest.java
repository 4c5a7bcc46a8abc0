package dev.vigil.dialects.car;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.dialects.catalog.CarPageLoader;
import dev.vigil.dialects.catalog.CarYamlLoader;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.ImplementationStatus;
import dev.vigil.dialects.catalog.LoadedAnalytic;
import dev.vigil.dialects.catalog.LoadedImplementation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The seed analytic CAR-2020-11-007, loaded from the page as published, runs faithfully and reports its bugs. */
class CarSeedTest {

    static final Path ROOT = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    static final Path PAGE = ROOT.resolve("analytics/CAR-2020-11-007.md");

    static LoadedAnalytic loadPage() throws IOException {
        Catalog c = new Catalog().loadDocument("analytics/CAR-2020-11-007.md", Files.readString(PAGE), true);
        assertThat(c.analytics()).hasSize(1);
        return c.analytics().get(0);
    }

    @Test
    void pageMetadataIsRead() throws IOException {
        Analytic a = loadPage().analytic();
        assertThat(a.id()).isEqualTo("CAR-2020-11-007");
        assertThat(a.title()).isEqualTo("Network Share Connection Removal");
        assertThat(a.attack()).containsExactly(new AttackRef("T1070.005", "defense-evasion", "High"));
        assertThat(a.d3fend()).extracting(d -> d.id()).containsExactly("D3-PSA");
        assertThat(a.dataModelRefs()).containsExactly("process/create/exe", "process/create/command_line");
        assertThat(a.implementations()).extracting(i -> i.dialect()).containsExactly("car", "spl", "logpoint");
    }

    @Test
    void pseudocodeCompilesToTheFaithfulIr() throws IOException {
        LoadedImplementation car = loadPage().implementations().get(0);
        assertThat(car.status()).isEqualTo(ImplementationStatus.RUNS);
        assertThat(car.queries()).hasSize(1);
        assertThat(car.queries().get(0).filter().toString()).isEqualTo(
                "(and (true) (or (and (match Image equals i \"C:\\\\Windows\\\\System32\\\\net.exe\") "
                        + "(match CommandLine glob i \"*delete*\")) (match CommandLine glob i \"*Remove-SmbShare*\") "
                        + "(false \"field 'comman_line' does not exist in the CAR data model (process); did you mean "
                        + "'command_line'?\")))");
        assertThat(car.queries().get(0).scope().toString()).isEqualTo("windows/process_creation/*");
    }

    @Test
    void typoIsReportedWithPositionAndDidYouMean() throws IOException {
        List<Diagnostic> d = loadPage().implementations().get(0).diagnostics();
        Diagnostic typo = d.stream().filter(x -> x.code().equals("car/unknown-field")).findFirst().orElseThrow();
        assertThat(typo.headline()).isEqualTo("analytics/CAR-2020-11-007.md:53:3: warning[car/unknown-field]: "
                + "unknown field 'comman_line' in 'comman_line=\"*Remove-FileShare*\"'");
        assertThat(typo.hint()).startsWith("did you mean 'command_line'?");
    }

    @Test
    void exeComparedWithAPathIsReported() throws IOException {
        List<Diagnostic> d = loadPage().implementations().get(0).diagnostics();
        Diagnostic exe = d.stream().filter(x -> x.code().equals("car/exe-compared-with-path")).findFirst().orElseThrow();
        assertThat(exe.span().line()).isEqualTo(51);
        assertThat(exe.span().column()).isEqualTo(4);
        assertThat(exe.quote()).isEqualTo("exe=\"C:\\\\Windows\\\\System32\\\\net.exe\"");
    }

    @Test
    void otherLanguagesAreNotYetSupportedButNamed() throws IOException {
        List<LoadedImplementation> impls = loadPage().implementations();
        for (LoadedImplementation i : impls.subList(1, impls.size())) {
            if (i.status() == ImplementationStatus.UNSUPPORTED) {
                assertThat(i.diagnostics()).extracting(Diagnostic::code).contains("analytic/dialect-not-supported");
            } else {
                assertThat(i.status()).isEqualTo(ImplementationStatus.RUNS);
            }
        }
    }

    @Test
    void seedFileAndCarYamlGiveTheSameAnalytic() throws IOException {
        Path seed = ROOT.resolve("../shared/seeds/000_e50d5c2d6aa38f35.txt");
        Path yaml = Path.of(System.getProperty("vigil.corpus", "../../shared/corpus"),
                "rules/mitre-attack-car/analytics/CAR-2020-11-007.yaml");
        assumeTrue(Files.exists(seed) && Files.exists(yaml), "shared seeds/corpus absent: " + seed + ", " + yaml);
        Analytic fromPage = new CarPageLoader().load("seed", Files.readString(seed), new Diagnostics()).get(0);
        Analytic fromYaml = new CarYamlLoader().load("yaml", Files.readString(yaml), new Diagnostics()).get(0);
        assertThat(fromYaml.id()).isEqualTo(fromPage.id());
        assertThat(fromYaml.title()).isEqualTo(fromPage.title());
        assertThat(fromYaml.attack()).isEqualTo(fromPage.attack());
        assertThat(fromYaml.d3fend()).extracting(x -> x.id()).isEqualTo(fromPage.d3fend().stream().map(x -> x.id()).toList());
        assertThat(fromYaml.dataModelRefs()).isEqualTo(fromPage.dataModelRefs());
        assertThat(fromYaml.implementations()).extracting(i -> i.dialect() + ":" + i.query())
                .isEqualTo(fromPage.implementations().stream().map(i -> i.dialect() + ":" + i.query()).toList());
        LoadedAnalytic compiled = Catalog.compile(fromYaml);
        assertThat(compiled.implementations().get(0).queries().get(0).filter().toString())
                .isEqualTo(Catalog.compile(fromPage).implementations().get(0).queries().get(0).filter().toString());
    }
}
