package dev.vigil.formats.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.formats.evtx.EvtxDamage.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The evtx crate's problem samples: each decodes without throwing and reports the damage it
 * holds, by kind, chunk and offset.
 */
class EvtxHardSamplesTest {

    private record Run(long records, EvtxDamageCollector damage, EvtxFileHeader header,
            Set<Long> ids) {}

    private static Run read(String name, boolean checksums) throws IOException {
        Path p = CorpusFiles.require("omerbenamram-evtx/samples").resolve(name);
        EvtxDamageCollector damage = new EvtxDamageCollector();
        long n = 0;
        Set<Long> ids = new HashSet<>();
        try (EvtxFile f = EvtxFile.open(p,
                EvtxOptions.defaults().withChecksums(checksums).withDamageListener(damage))) {
            for (EvtxRecord r : f) {
                n++;
                ids.add(r.recordId());
                assertThat(r.event().name()).isEqualTo("Event");
            }
            return new Run(n, damage, f.header(), ids);
        }
    }

    @Test
    void noCrc32FlagIsHonoured() throws IOException {
        Run plain = read("Application_no_crc32.evtx", false);
        Run checked = read("Application_no_crc32.evtx", true);
        assertThat(plain.records()).isEqualTo(17);
        // The file header's CRC field is zero; chunk CRCs are skipped because of flag 0x4.
        assertThat(plain.damage().counts()).isEqualTo(Map.of(Kind.FILE_HEADER, 1L));
        assertThat(checked.records()).isEqualTo(17);
        assertThat(checked.damage().counts()).isEqualTo(Map.of(Kind.FILE_HEADER, 1L));
    }

    @Test
    void zeroSizeRecordIsReportedAndTheChunkResyncs() throws IOException {
        Run run = read("sample-with-zero-data-size-event.evtx", false);
        assertThat(run.header().isDirty()).isTrue();
        assertThat(run.damage().count(Kind.RECORD_OUT_OF_BOUNDS)).isEqualTo(1);
        EvtxDamage d = run.damage().reports().stream()
                .filter(x -> x.kind() == Kind.RECORD_OUT_OF_BOUNDS).findFirst().orElseThrow();
        assertThat(d.chunkIndex()).isZero();
        assertThat(d.fileOffset()).isEqualTo(6176);
        assertThat(d.recordId()).isEqualTo(3);
        assertThat(d.message()).contains("sample-with-zero-data-size-event.evtx", "chunk 0",
                "record 3", "size 0");
        assertThat(run.damage().count(Kind.CHUNK_EMPTY)).isEqualTo(13);
        assertThat(run.records()).isEqualTo(449);
        assertThat(run.ids()).contains(2L, 4L, 117L).doesNotContain(3L);

        Run checked = read("sample-with-zero-data-size-event.evtx", true);
        assertThat(checked.damage().count(Kind.CHUNK_DATA_CHECKSUM)).isEqualTo(1);
        assertThat(checked.records()).isEqualTo(333);
    }

    @Test
    void halfWrittenRecordsAreReported() throws IOException {
        Run run = read("sample_with_a_bad_chunk_magic.evtx", false);
        assertThat(run.damage().count(Kind.RECORD_SIZE_MISMATCH)).isEqualTo(3);
        assertThat(run.damage().count(Kind.CHUNK_EMPTY)).isEqualTo(12);
        assertThat(run.records()).isEqualTo(298);
        Run checked = read("sample_with_a_bad_chunk_magic.evtx", true);
        assertThat(checked.damage().count(Kind.CHUNK_DATA_CHECKSUM)).isEqualTo(3);
        assertThat(checked.records()).isEqualTo(129);
    }

    @Test
    void junkChunksPastTheLastOneAreSkipped() throws IOException {
        Run run = read("sysmon.evtx", false);
        assertThat(run.damage().count(Kind.CHUNK_BAD_MAGIC)).isEqualTo(8);
        assertThat(run.damage().reports()).allSatisfy(d -> assertThat(d.chunkIndex()).isBetween(9, 16));
        assertThat(run.records()).isEqualTo(358);
    }

    @Test
    void badStringCacheIsIrrelevantToNameResolution() throws IOException {
        // Names are resolved through their record offsets, never through the chunk's string-hash
        // table, so a damaged table changes nothing; only its header CRC shows the damage.
        Run good = read("security.evtx", false);
        Run bad = read("security_bad_string_cache.evtx", false);
        assertThat(bad.records()).isEqualTo(good.records()).isEqualTo(2261);
        assertThat(bad.damage().counts()).isEqualTo(Map.of(Kind.CHUNK_EMPTY, 7L));
        Run checked = read("security_bad_string_cache.evtx", true);
        assertThat(checked.damage().count(Kind.CHUNK_HEADER_CHECKSUM)).isEqualTo(1);
        assertThat(checked.damage().reports().stream()
                .filter(d -> d.kind() == Kind.CHUNK_HEADER_CHECKSUM).findFirst().orElseThrow()
                .chunkIndex()).isZero();
    }

    @Test
    void irregularBooleansAndDirtyFiles() throws IOException {
        Run run = read("sample-with-irregular-bool-values.evtx", false);
        assertThat(run.header().isDirty()).isTrue();
        assertThat(run.records()).isEqualTo(3028);
        assertThat(run.damage().counts()).isEqualTo(Map.of(Kind.CHUNK_EMPTY, 13L));
    }

    @Test
    void templateLessRecordWithoutDependencyIds() throws IOException {
        Path p = CorpusFiles.require("omerbenamram-evtx/samples").resolve("issue_201.evtx");
        try (EvtxFile f = EvtxFile.open(p)) {
            EvtxRecord r = f.iterator().next();
            assertThat(r.provider()).isEqualTo("MSExchange CmdletLogs");
            assertThat(r.eventId()).isEqualTo("1");
            assertThat(r.system().child("EventID").attribute("Qualifiers")).isEqualTo("16384");
            assertThat(r.eventData().get(0).value()).isEqualTo("Set-Mailbox");
        }
    }
}
