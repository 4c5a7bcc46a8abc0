package dev.vigil.dialects.spl;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.dialects.SeedEvents;
import dev.vigil.dialects.catalog.CarPageLoader;
import dev.vigil.dialects.logpoint.LogPointDialect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The CAR page's Splunk and LogPoint implementations on the §0.2 events: golden match sets. */
class SplSeedTest {

    static final Path SEED = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize()
            .resolve("../shared/seeds/000_e50d5c2d6aa38f35.txt");

    static Analytic page() throws IOException {
        assumeTrue(Files.exists(SEED), "shared seeds absent: " + SEED);
        return new CarPageLoader().load(SEED.toString(), Files.readString(SEED), new Diagnostics()).get(0);
    }

    static Implementation impl(Analytic a, String dialect) {
        return a.implementations().stream().filter(i -> i.dialect().equals(dialect)).findFirst().orElseThrow();
    }

    @Test
    void splunkImplementationMatchesSysmonOnlyWithExactImagePath() throws IOException {
        Analytic a = page();
        Implementation impl = impl(a, "spl");
        Diagnostics d = new Diagnostics();
        Query q = new SplDialect().compile(impl, d).get(0);
        assertThat(q.scope().toString()).isEqualTo("windows/*/sysmon");
        assertThat(SeedEvents.matched(a, impl, q)).containsExactly("net-share-delete", "net-user-delete",
                "remove-fileshare", "remove-smbshare-lower", "upper-case-path");
        assertThat(d.all()).extracting(Diagnostic::code).containsExactly("spl/brittle-path");
        assertThat(d.all().get(0).span().line()).isEqualTo(66);
        assertThat(d.all().get(0).span().column()).isEqualTo(45);
    }

    @Test
    void logPointImplementationAgreesWithSplunkOnTheSeedEvents() throws IOException {
        Analytic a = page();
        Implementation impl = impl(a, "logpoint");
        Diagnostics d = new Diagnostics();
        Query q = new LogPointDialect().compile(impl, d).get(0);
        assertThat(SeedEvents.matched(a, impl, q)).containsExactly("net-share-delete", "net-user-delete",
                "remove-fileshare", "remove-smbshare-lower", "upper-case-path");
        assertThat(d.all()).extracting(Diagnostic::code).containsExactly("logpoint/brittle-path");
    }

    @Test
    void printsTheCompiledIr() throws IOException {
        Analytic a = page();
        Query q = new SplDialect().compile(impl(a, "spl"), new Diagnostics()).get(0);
        assertThat(q.filter().toString()).contains("CommandLine").contains("Remove-FileShare");
        assertThat(q.stages()).isEmpty();
    }
}
