package dev.vigil.dialects.compare;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.dialects.SeedEvents;
import dev.vigil.dialects.catalog.CarPageLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DisagreementsTest {

    @Test
    void removeFileShareSplitsPseudocodeFromSplunkAndLogPoint() throws IOException {
        Path seed = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize()
                .resolve("../shared/seeds/000_e50d5c2d6aa38f35.txt");
        assumeTrue(Files.exists(seed), "shared seeds absent");
        Analytic a = new CarPageLoader().load(seed.toString(), Files.readString(seed), new Diagnostics()).get(0);
        Disagreements d = new Disagreements(a, new Diagnostics());
        var fileShare = SeedEvents.all().stream().filter(n -> n.name().equals("remove-fileshare")).findFirst()
                .orElseThrow().event();
        Disagreements.EventReport r = d.report(fileShare);
        assertThat(r.verdicts()).extracting(Disagreements.Verdict::matched).contains(true);
        List<Disagreements.Verdict> missed = r.verdicts().stream().filter(v -> !v.matched()).toList();
        assertThat(missed).extracting(Disagreements.Verdict::implementation).singleElement().asString()
                .startsWith("car:");
        assertThat(r.disagree()).isTrue();
        assertThat(String.join(" ", missed.get(0).why())).contains("comman_line");
    }
}
