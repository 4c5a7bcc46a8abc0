package dev.vigil.cli;

import dev.vigil.formats.evtx.EvtxDamage;
import dev.vigil.formats.evtx.EvtxFile;
import dev.vigil.formats.evtx.EvtxOptions;
import dev.vigil.formats.read.EvtxReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code vigil hunt} reads .evtx files natively and accounts for every record the decoder finds. */
class HuntEvtxTest {

    @Test
    void summaryCountsEveryRecordTheDecoderFinds() throws IOException {
        Path dir = CliRun.CORPUS.resolve("sbousseaden-EVTX-ATTACK-SAMPLES/Discovery");
        assumeTrue(Files.isDirectory(dir), "corpus absent: " + dir + " (set -Dvigil.corpus to the shared corpus folder)");
        long records = 0;
        long damaged = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".evtx")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            List<EvtxDamage> damage = new ArrayList<>();
            try (EvtxFile evtx = EvtxFile.open(f, EvtxOptions.defaults().withDamageListener(damage::add))) {
                for (int i = 0; i < evtx.chunkCount(); i++) {
                    records += evtx.decodeChunk(i, r -> { }, damage::add);
                }
            }
            damaged += damage.stream().filter(EvtxReader::reported).count();
        }
        CliRun r = CliRun.of("hunt", "--no-progress", "--format", "jsonl", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // Damage is accounted as a read record that was skipped, so nothing disappears silently.
        assertThat(r.err()).contains(String.format(Locale.ROOT, "records     %,d read: %,d evaluated",
                records + damaged, records));
    }
}
