package dev.vigil.formats.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of valid input (fixed seeds, bounded time): decoding never throws anything
 * but {@link EvtxFormatException} from {@code open}, and never hangs.
 */
class EvtxFuzzTest {
    private static final int[] INTERESTING = {0, 1, 0x7f, 0xff, 0x1ff, 0x200, 0xfff0, 0xffff,
            0x10000, 0x7fffffff, 0xffffffff, 0x2a2a};

    @TempDir
    Path tmp;

    @Test
    void mutatedChunksNeverThrowOrHang() {
        byte[] sample = EvtxSyntheticTest.sampleChunk().finish();
        int used = EvtxSyntheticTest.sampleChunk().pos();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> fuzzChunk(sample, used, 4000, 42));
    }

    @Test
    void mutatedCorpusChunkNeverThrowsOrHangs() throws IOException {
        Path file = CorpusFiles.require("omerbenamram-evtx/samples/security.evtx");
        byte[] chunk = new byte[65536];
        try (FileChannel ch = FileChannel.open(file)) {
            ch.read(ByteBuffer.wrap(chunk), 4096);
        }
        int used = (chunk[48] & 0xff) | (chunk[49] & 0xff) << 8;
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> fuzzChunk(chunk, used, 1500, 7));
    }

    private static void fuzzChunk(byte[] original, int used, int iterations, long seed) {
        Random random = new Random(seed);
        AtomicLong records = new AtomicLong();
        AtomicLong damages = new AtomicLong();
        Consumer<EvtxRecord> sink = r -> {
            records.incrementAndGet();
            // Rendering must cope with whatever the decoder produced.
            r.toXml();
            r.eventData();
            r.written();
        };
        Consumer<EvtxDamage> damage = d -> damages.incrementAndGet();
        for (int i = 0; i < iterations; i++) {
            byte[] b = original.clone();
            mutate(b, used, random);
            boolean checksums = random.nextInt(8) == 0;
            int length = random.nextInt(10) == 0 ? random.nextInt(b.length) : b.length;
            new ChunkDecoder("fuzz#" + i, EvtxOptions.defaults().withChecksums(checksums))
                    .decode(b, length, 0, 4096, sink, damage);
        }
        assertThat(records.get() + damages.get()).isPositive();
    }

    private static void mutate(byte[] b, int used, Random random) {
        int n = 1 + random.nextInt(8);
        for (int k = 0; k < n; k++) {
            // Mostly hit the header and the bytes actually in use, where structure lives.
            int at = random.nextInt(4) == 0 ? random.nextInt(512) : random.nextInt(Math.max(1, used));
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> {
                    int v = INTERESTING[random.nextInt(INTERESTING.length)];
                    for (int j = 0; j < 4 && at + j < b.length; j++) {
                        b[at + j] = (byte) (v >>> (8 * j));
                    }
                }
                default -> {
                    // Overwrite with an offset near the mutation point: plausible self-references.
                    int v = at + random.nextInt(64) - 32;
                    for (int j = 0; j < 4 && at + j < b.length; j++) {
                        b[at + j] = (byte) (v >>> (8 * j));
                    }
                }
            }
        }
    }

    @Test
    void mutatedFilesOnlyEverThrowTheFormatException() throws IOException {
        byte[] chunk = EvtxSyntheticTest.sampleChunk().finish();
        byte[] original = EvtxBytes.file(2, 0, chunk, chunk);
        Random random = new Random(1234);
        Path p = tmp.resolve("fuzz.evtx");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int rejected = 0;
            for (int i = 0; i < 300; i++) {
                byte[] b = original.clone();
                for (int k = 0; k < 4; k++) {
                    int at = random.nextInt(2) == 0 ? random.nextInt(128) : 4096 + random.nextInt(2048);
                    b[at] = (byte) random.nextInt(256);
                }
                if (random.nextInt(4) == 0) {
                    b = Arrays.copyOf(b, random.nextInt(b.length));
                }
                Files.write(p, b);
                try (EvtxFile f = EvtxFile.open(p)) {
                    for (EvtxRecord r : f) {
                        r.toXml();
                    }
                } catch (EvtxFormatException e) {
                    rejected++;
                }
            }
            assertThat(rejected).isLessThan(300);
        });
    }
}
