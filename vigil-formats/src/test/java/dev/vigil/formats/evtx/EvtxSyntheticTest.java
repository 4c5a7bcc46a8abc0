package dev.vigil.formats.evtx;

import static dev.vigil.formats.evtx.EvtxBytes.le;
import static dev.vigil.formats.evtx.EvtxBytes.utf16z;
import static dev.vigil.formats.evtx.EvtxBytes.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.formats.evtx.EvtxDamage.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-built files exercising each structure, value type and damage path in isolation. */
class EvtxSyntheticTest {
    static final byte[] GUID = {0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66,
            (byte) 0x88, (byte) 0x99, (byte) 0xaa, (byte) 0xbb, (byte) 0xcc, (byte) 0xdd, (byte) 0xee,
            (byte) 0xff};
    static final byte[] SID = {1, 4, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0,
            0, 0};

    @TempDir
    Path tmp;

    /** Two records sharing one template: the first defines it inline, the second refers back. */
    static EvtxBytes.Chunk sampleChunk() {
        EvtxBytes.Chunk c = new EvtxBytes.Chunk();
        c.beginRecord(1).fragmentHeader();
        int def = c.templateInline(() -> templateBody(c));
        c.values(
                value(EvtxValueType.UINT16, le(4688, 2)),
                value(EvtxValueType.UINT64, le(1, 8)),
                value(EvtxValueType.STRING, utf16z("Security")),
                value(EvtxValueType.STRING, utf16z("C:\\x.exe")),
                value(EvtxValueType.NULL, new byte[0]),
                value(EvtxValueType.GUID, GUID),
                value(EvtxValueType.STRING | EvtxValueType.ARRAY_FLAG, utf16z("x\0y")),
                value(EvtxValueType.FILETIME, le(132_000_000_001_234_567L, 8)),
                value(EvtxValueType.SID, SID),
                value(EvtxValueType.HEX_INT64, le(0x3e7, 8)),
                value(EvtxValueType.BOOL, le(1, 4)),
                value(EvtxValueType.BINARY, new byte[] {(byte) 0xde, (byte) 0xad}),
                value(EvtxValueType.NULL, new byte[0]));
        c.eof().endRecord();
        c.beginRecord(2).fragmentHeader().templateRef(def);
        c.values(
                value(EvtxValueType.UINT16, le(1, 2)),
                value(EvtxValueType.UINT64, le(2, 8)),
                value(EvtxValueType.STRING, utf16z("System")),
                value(EvtxValueType.STRING, utf16z("y.exe")),
                value(EvtxValueType.STRING, utf16z("present")),
                value(EvtxValueType.GUID, GUID),
                value(EvtxValueType.STRING | EvtxValueType.ARRAY_FLAG, new byte[0]),
                value(EvtxValueType.FILETIME, le(0, 8)),
                value(EvtxValueType.SID, SID),
                value(EvtxValueType.HEX_INT64, le(0, 8)),
                value(EvtxValueType.BOOL, le(0, 4)),
                value(EvtxValueType.BINARY, new byte[0]),
                value(EvtxValueType.GUID, GUID));
        return c.eof().endRecord();
    }

    private static void templateBody(EvtxBytes.Chunk c) {
        c.fragmentHeader();
        c.open("Event", true, true).attribute("xmlns")
                .text("http://schemas.microsoft.com/win/2004/08/events/event").closeStart();
        c.open("System", false, true).closeStart();
        c.open("EventID", false, true).closeStart().substitution(0, EvtxValueType.UINT16, false).end();
        c.open("EventRecordID", false, true).closeStart()
                .substitution(1, EvtxValueType.UINT64, false).end();
        c.open("Channel", false, true).closeStart().substitution(2, EvtxValueType.STRING, false).end();
        c.open("Computer", false, true).closeStart().text("host").end();
        c.open("Correlation", true, true).attribute("ActivityID")
                .substitution(12, EvtxValueType.GUID, true).closeEmpty();
        c.end();
        c.open("EventData", false, true).closeStart();
        data(c, "Image", 3, EvtxValueType.STRING, false);
        data(c, "Opt", 4, EvtxValueType.STRING, true);
        data(c, "Guid", 5, EvtxValueType.GUID, true);
        data(c, "Arr", 6, EvtxValueType.STRING | EvtxValueType.ARRAY_FLAG, true);
        data(c, "T", 7, EvtxValueType.FILETIME, true);
        data(c, "Sid", 8, EvtxValueType.SID, true);
        data(c, "Hex", 9, EvtxValueType.HEX_INT64, true);
        data(c, "Bool", 10, EvtxValueType.BOOL, true);
        data(c, "Bin", 11, EvtxValueType.BINARY, true);
        c.open("Data", true, true).attribute("Name").text("Amp").closeStart().text("a")
                .u8(0x09).name("amp").u8(0x08).u16('!').u8(0x07).u16(2).utf16("<b").end();
        c.end();
        c.end();
        c.eof();
    }

    private static void data(EvtxBytes.Chunk c, String name, int index, int type, boolean opt) {
        c.open("Data", true, true).attribute("Name").text(name).closeStart()
                .substitution(index, type, opt).end();
    }

    private Path write(byte[] bytes) throws IOException {
        Path p = Files.createTempFile(tmp, "t", ".evtx");
        Files.write(p, bytes);
        return p;
    }

    private static List<EvtxRecord> readAll(Path p, EvtxDamageCollector damage) throws IOException {
        List<EvtxRecord> out = new ArrayList<>();
        try (EvtxFile f = EvtxFile.open(p, EvtxOptions.defaults().withChecksums(true)
                .withDamageListener(damage))) {
            f.forEach(out::add);
        }
        return out;
    }

    @Test
    void templateAndSubstitutionsDecode() throws IOException {
        EvtxDamageCollector damage = new EvtxDamageCollector();
        List<EvtxRecord> records = readAll(write(EvtxBytes.file(1, 0, sampleChunk().finish())),
                damage);
        assertThat(damage.total()).isZero();
        assertThat(records).hasSize(2);
        EvtxRecord r = records.get(0);
        assertThat(r.recordId()).isEqualTo(1);
        assertThat(r.fileOffset()).isEqualTo(4096 + 512);
        assertThat(r.chunkIndex()).isZero();
        assertThat(r.written().toString()).isEqualTo("2022-06-18T04:26:40Z");
        assertThat(r.eventId()).isEqualTo("4688");
        assertThat(r.channel()).isEqualTo("Security");
        assertThat(r.computer()).isEqualTo("host");
        assertThat(r.system().child("Correlation").attributes()).isEmpty();
        assertThat(r.eventData()).containsExactly(
                new EvtxField("Image", "C:\\x.exe"),
                new EvtxField("Guid", "{00112233-4455-6677-8899-AABBCCDDEEFF}"),
                new EvtxField("Arr", "x"),
                new EvtxField("Arr", "y"),
                new EvtxField("T", "2019-04-17T18:40:00.1234567Z"),
                new EvtxField("Sid", "S-1-5-21-1-2-3"),
                new EvtxField("Hex", "0x3e7"),
                new EvtxField("Bool", "true"),
                new EvtxField("Bin", "DEAD"),
                new EvtxField("Amp", "a&!<b"));
        assertThat(r.toXml()).contains("<Correlation/>", "<Data Name=\"Amp\">a&amp;!&lt;b</Data>",
                "<EventID>4688</EventID>", "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">");
        EvtxText hex = (EvtxText) r.event().child("EventData").children().stream()
                .map(EvtxElement.class::cast).filter(e -> "Hex".equals(e.attribute("Name")))
                .findFirst().orElseThrow().children().get(0);
        assertThat(hex.valueType()).isEqualTo(EvtxValueType.HEX_INT64);
    }

    @Test
    void cachedTemplateServesTheSecondRecord() throws IOException {
        List<EvtxRecord> records = readAll(write(EvtxBytes.file(1, 0, sampleChunk().finish())),
                new EvtxDamageCollector());
        EvtxRecord r = records.get(1);
        assertThat(r.recordId()).isEqualTo(2);
        assertThat(r.channel()).isEqualTo("System");
        assertThat(r.system().child("Correlation").attribute("ActivityID"))
                .isEqualTo("{00112233-4455-6677-8899-AABBCCDDEEFF}");
        // Optional value present this time; an empty array gives one empty element; empty binary
        // gives an empty element.
        assertThat(r.eventData()).contains(new EvtxField("Opt", "present"), new EvtxField("Arr", ""),
                new EvtxField("T", "1601-01-01T00:00:00.0000000Z"), new EvtxField("Bool", "false"),
                new EvtxField("Bin", ""), new EvtxField("Hex", "0x0"));
    }

    @Test
    void chunksAreCountedFromTheFileSizeNotTheHeader() throws IOException {
        byte[] chunk = sampleChunk().finish();
        // Header claims one chunk (a dirty file's stale count); the second must still be read.
        Path p = write(EvtxBytes.file(1, EvtxFileHeader.FLAG_DIRTY, chunk, chunk));
        EvtxDamageCollector damage = new EvtxDamageCollector();
        try (EvtxFile f = EvtxFile.open(p, EvtxOptions.defaults().withDamageListener(damage))) {
            assertThat(f.header().isDirty()).isTrue();
            assertThat(f.header().chunkCountField()).isEqualTo(1);
            assertThat(f.header().checksumValid()).isTrue();
            assertThat(f.header().majorVersion()).isEqualTo(3);
            assertThat(f.chunkCount()).isEqualTo(2);
            List<EvtxRecord> second = f.decodeChunk(1);
            assertThat(second).extracting(EvtxRecord::chunkIndex).containsExactly(1, 1);
            assertThat(second.get(0).fileOffset()).isEqualTo(4096 + 65536 + 512);
        }
        assertThat(damage.total()).isZero();
    }

    @Test
    void badMagicAndZeroChunksAreSkippedAndNamed() throws IOException {
        byte[] bad = sampleChunk().finish();
        bad[0] = 'X';
        Path p = write(EvtxBytes.file(3, 0, bad, new byte[65536], sampleChunk().finish()));
        EvtxDamageCollector damage = new EvtxDamageCollector();
        List<EvtxRecord> records = readAll(p, damage);
        assertThat(records).extracting(EvtxRecord::chunkIndex).containsExactly(2, 2);
        assertThat(damage.reports()).extracting(EvtxDamage::kind, EvtxDamage::chunkIndex,
                        EvtxDamage::fileOffset)
                .containsExactly(
                        tuple(Kind.CHUNK_BAD_MAGIC, 0, 4096L),
                        tuple(Kind.CHUNK_EMPTY, 1, 4096L + 65536));
        assertThat(damage.reports().get(0).message()).contains(p.toString(), "chunk 0", "ElfChnk");
    }

    @Test
    void truncatedFileKeepsTheRecordsBeforeTheCut() throws IOException {
        byte[] full = EvtxBytes.file(1, 0, sampleChunk().finish());
        EvtxBytes.Chunk c = sampleChunk();
        int secondRecord = c.pos(); // end of record 2
        byte[] cut = Arrays.copyOf(full, 4096 + secondRecord - 20);
        EvtxDamageCollector damage = new EvtxDamageCollector();
        List<EvtxRecord> records;
        try (EvtxFile f = EvtxFile.open(write(cut),
                EvtxOptions.defaults().withDamageListener(damage))) {
            records = new ArrayList<>();
            f.iterator().forEachRemaining(records::add);
        }
        assertThat(records).extracting(EvtxRecord::recordId).containsExactly(1L);
        assertThat(damage.counts()).containsKeys(Kind.TRUNCATED_FILE, Kind.RECORD_OUT_OF_BOUNDS);

        // Not even a whole chunk header.
        EvtxDamageCollector tiny = new EvtxDamageCollector();
        assertThat(readAll(write(Arrays.copyOf(full, 4096 + 100)), tiny)).isEmpty();
        assertThat(tiny.count(Kind.TRUNCATED_FILE)).isEqualTo(2);
    }

    @Test
    void recordsPastAStaleFreeSpaceOffsetAreStillRead() throws IOException {
        byte[] chunk = sampleChunk().finish();
        int size = (chunk[516] & 0xff) | (chunk[517] & 0xff) << 8;
        // A stale free-space offset inside record 2: chunks are read up to the free-space offset, so
        // the rest of record 2 comes from reading the remainder of the chunk when the record is found.
        int free = 512 + size + 40;
        chunk[48] = (byte) free;
        chunk[49] = (byte) (free >> 8);
        EvtxDamageCollector damage = new EvtxDamageCollector();
        List<EvtxRecord> records = new ArrayList<>();
        try (EvtxFile f = EvtxFile.open(write(EvtxBytes.file(1, 0, chunk)),
                EvtxOptions.defaults().withDamageListener(damage))) {
            f.forEach(records::add);
        }
        assertThat(records).extracting(EvtxRecord::recordId).containsExactly(1L, 2L);
        assertThat(records.get(1).channel()).isEqualTo("System");
        assertThat(damage.total()).isZero();
    }

    @Test
    void notAnEvtxFileIsTheOnlyThrownError() throws IOException {
        assertThatThrownBy(() -> EvtxFile.open(write("hello".getBytes())))
                .isInstanceOf(EvtxFormatException.class).hasMessageContaining("bytes");
        byte[] wrong = EvtxBytes.file(1, 0, sampleChunk().finish());
        wrong[0] = 'e';
        assertThatThrownBy(() -> EvtxFile.open(write(wrong)))
                .isInstanceOf(EvtxFormatException.class).hasMessageContaining("ElfFile");
    }

    @Test
    void sizeCopyMismatchIsReportedAndTheNextRecordRecovered() throws IOException {
        byte[] chunk = sampleChunk().finish();
        int size = (chunk[516] & 0xff) | (chunk[517] & 0xff) << 8;
        chunk[512 + size - 4] ^= 0x7f; // damage record 1's trailing size copy
        EvtxDamageCollector damage = new EvtxDamageCollector();
        try (EvtxFile f = EvtxFile.open(write(EvtxBytes.file(1, 0, chunk)),
                EvtxOptions.defaults().withDamageListener(damage))) {
            // Record 2 is found by the resync scan; the template defined inside the skipped record
            // 1 is intact and still resolves.
            List<EvtxRecord> records = f.decodeChunk(0);
            assertThat(records).extracting(EvtxRecord::recordId).containsExactly(2L);
            assertThat(records.get(0).channel()).isEqualTo("System");
        }
        assertThat(damage.reports()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.RECORD_SIZE_MISMATCH);
            assertThat(d.recordId()).isEqualTo(1);
            assertThat(d.fileOffset()).isEqualTo(4096 + 512);
            assertThat(d.message()).contains("chunk 0", "record 1", "size " + size);
        });
    }

    @Test
    void checksumsAreVerifiedOnlyWhenAskedAndNotWithNoCrcFlag() throws IOException {
        byte[] chunk = sampleChunk().finish();
        chunk[512 + 16] ^= 1; // record 1's written time: the data CRC no longer matches
        Path p = write(EvtxBytes.file(1, 0, chunk));
        EvtxDamageCollector checked = new EvtxDamageCollector();
        assertThat(readAll(p, checked)).isEmpty();
        assertThat(checked.count(Kind.CHUNK_DATA_CHECKSUM)).isEqualTo(1);
        EvtxDamageCollector unchecked = new EvtxDamageCollector();
        try (EvtxFile f = EvtxFile.open(p, EvtxOptions.defaults().withDamageListener(unchecked))) {
            assertThat(f.decodeChunk(0)).hasSize(2);
        }
        assertThat(unchecked.total()).isZero();

        byte[] noCrc = chunk.clone();
        noCrc[120] = 0x4; // NO_CRC32; flags lie outside the header CRC's range
        EvtxDamageCollector flagged = new EvtxDamageCollector();
        assertThat(readAll(write(EvtxBytes.file(1, 0, noCrc)), flagged)).hasSize(2);
        assertThat(flagged.total()).isZero();
    }

    @Test
    void badNameOffsetIsRecordDamage() throws IOException {
        EvtxBytes.Chunk c = new EvtxBytes.Chunk();
        c.beginRecord(7).fragmentHeader().u8(0x01).u32(0).u32(60000).closeEmpty().eof().endRecord();
        EvtxDamageCollector damage = new EvtxDamageCollector();
        assertThat(readAll(write(EvtxBytes.file(1, 0, c.finish())), damage)).isEmpty();
        assertThat(damage.reports()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.RECORD_BINXML);
            assertThat(d.recordId()).isEqualTo(7);
            assertThat(d.message()).contains("name offset 60000");
        });
    }

    @Test
    void templateThatContainsItselfIsStopped() throws IOException {
        EvtxBytes.Chunk c = new EvtxBytes.Chunk();
        c.beginRecord(9).fragmentHeader();
        int instance = c.pos();
        c.templateInline(() -> {
            c.fragmentHeader();
            c.open("Event", false, true).closeStart();
            c.templateRef(instance + 10).u32(0); // refers to its own definition, zero values
            c.end().eof();
        });
        c.u32(0).eof().endRecord();
        EvtxDamageCollector damage = new EvtxDamageCollector();
        assertThat(readAll(write(EvtxBytes.file(1, 0, c.finish())), damage)).isEmpty();
        assertThat(damage.count(Kind.RECORD_BINXML)).isEqualTo(1);
        assertThat(damage.reports().get(0).message()).contains("refers to itself");
    }

    @Test
    void optionalNullSubstitutionDropsItsElement() throws IOException {
        EvtxRecord r = readAll(write(EvtxBytes.file(1, 0, sampleChunk().finish())),
                new EvtxDamageCollector()).get(0);
        // Value 4 is NullType in record 1: <Data Name="Opt"> is omitted, not rendered empty.
        assertThat(r.eventData()).extracting(EvtxField::name).doesNotContain("Opt");
        assertThat(r.toXml()).doesNotContain("\"Opt\"");
    }

    @Test
    void templateLessRecordWithPiCdataAndReferences() throws IOException {
        EvtxBytes.Chunk c = new EvtxBytes.Chunk();
        c.beginRecord(5).fragmentHeader();
        c.open("Event", true, false).attribute("Kind").text("x").u8(0x08).u16('>').closeStart();
        c.u8(0x0a).name("xml-stylesheet").u8(0x0b).u16(8).utf16("href=\"a\"");
        c.u8(0x07).u16(3).utf16("<c>");
        c.u8(0x09).name("lt").u8(0x09).name("custom");
        c.end().eof().endRecord();
        EvtxDamageCollector damage = new EvtxDamageCollector();
        List<EvtxRecord> records = readAll(write(EvtxBytes.file(1, 0, c.finish())), damage);
        assertThat(damage.total()).isZero();
        EvtxElement event = records.get(0).event();
        assertThat(event.attribute("Kind")).isEqualTo("x>");
        assertThat(event.children().get(0))
                .isEqualTo(new EvtxProcessingInstruction("xml-stylesheet", "href=\"a\""));
        assertThat(event.text()).isEqualTo("<c><&custom;");
        assertThat(records.get(0).toXml())
                .isEqualTo("<Event Kind=\"x&gt;\"><?xml-stylesheet href=\"a\"?>&lt;c&gt;&lt;&amp;custom;</Event>\n");
    }

    @Test
    void nestedBinXmlValueBecomesUserData() throws IOException {
        EvtxBytes.Chunk c = new EvtxBytes.Chunk();
        c.beginRecord(3).fragmentHeader();
        c.templateInline(() -> {
            c.fragmentHeader();
            c.open("Event", false, true).closeStart();
            c.open("UserData", false, true).closeStart().substitution(0, EvtxValueType.BINXML, false)
                    .end();
            c.end().eof();
        });
        // The nested fragment: elements without dependency ids, names inline.
        EvtxBytes.Chunk inner = new EvtxBytes.Chunk();
        int valueStart = c.pos() + 4 + 4; // after count and one descriptor
        inner.b.position(valueStart);
        inner.fragmentHeader().open("Op", false, false).closeStart();
        inner.open("User", false, false).closeStart().text("alice").end();
        inner.end().eof();
        byte[] nested = Arrays.copyOfRange(inner.b.array(), valueStart, inner.pos());
        c.values(value(EvtxValueType.BINXML, nested)).eof().endRecord();
        List<EvtxRecord> records = readAll(write(EvtxBytes.file(1, 0, c.finish())),
                new EvtxDamageCollector());
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.eventData()).containsExactly(new EvtxField("User", "alice"));
            assertThat(r.toXml()).contains("<UserData>\n    <Op>\n      <User>alice</User>");
        });
    }

    @Test
    void chunksDecodeInParallelToTheSameRecords() throws IOException {
        byte[][] chunks = new byte[8][];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = sampleChunk().finish();
        }
        Path p = write(EvtxBytes.file(8, 0, chunks));
        try (EvtxFile f = EvtxFile.open(p)) {
            List<EvtxRecord> sequential = new ArrayList<>();
            f.forEach(sequential::add);
            ConcurrentHashMap<Integer, List<EvtxRecord>> byChunk = new ConcurrentHashMap<>();
            IntStream.range(0, f.chunkCount()).parallel().forEach(i -> {
                try {
                    byChunk.put(i, f.decodeChunk(i));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            List<EvtxRecord> merged = new ArrayList<>();
            for (int i = 0; i < f.chunkCount(); i++) {
                merged.addAll(byChunk.get(i));
            }
            assertThat(merged).isEqualTo(sequential).hasSize(16);
        }
    }
}
