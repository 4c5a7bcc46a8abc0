package dev.vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The thread count changes nothing a user sees: same detections in the same order, same summary. */
class HuntThreadsTest {

    @Test
    void detectionsAndSummaryDoNotDependOnTheThreadCount() {
        String samples = CliRun.ROOT.resolve("samples").toString();
        CliRun one = sameOnOneAndThreeThreads("hunt", "--no-progress", "-f", "jsonl", samples);
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).isNotEmpty();
    }

    /**
     * Files large enough that each worker hands over many batches, some full of hits, some of problems,
     * some of events that matched nothing, while the caller drains another file.
     */
    @Test
    void manyBatchesPerFileKeepTheSingleThreadOrder(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(CliRun.ROOT.resolve("samples/winlogbeat-sysmon.jsonl"));
        for (int f = 0; f < 5; f++) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < 300 * (f + 1); i++) {
                out.add(lines.get(i % lines.size()));
                if (i % 97 == f) {
                    out.add("{\"broken\": " + i); // a problem at a known place, counted and reported
                }
            }
            Files.write(dir.resolve("part-" + f + ".jsonl"), out);
        }
        CliRun one = sameOnOneAndThreeThreads("hunt", "--no-progress", "-f", "jsonl", dir.toString());
        assertThat(one.out().lines().count()).isGreaterThan(2 * 256);
    }

    /**
     * Small files are hunted in groups of consecutive files, one group per task: files enough for several
     * groups, some with problems, still come out in file order.
     */
    @Test
    void smallFilesHuntedInGroupsKeepTheSingleThreadOrder(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(CliRun.ROOT.resolve("samples/winlogbeat-sysmon.jsonl"));
        long written = 0;
        for (int f = 0; written < 2 * HuntTasks.GROUP_BYTES; f++) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                out.add(lines.get((f + i) % lines.size()));
            }
            if (f % 50 == 7) {
                out.add("{\"broken\": " + f);
            }
            Path file = Files.write(dir.resolve(String.format("host-%04d.jsonl", f)), out);
            written += Files.size(file);
        }
        CliRun one = sameOnOneAndThreeThreads("hunt", "--no-progress", "-f", "jsonl", dir.toString());
        assertThat(one.err()).contains("host-0007.jsonl:41:", "host-0057.jsonl:41:");
    }

    /**
     * A file far larger than the rest, near the end, is started first, and its results (more than its
     * queue holds, so its thread waits for the caller) still come out in file order.
     */
    @Test
    void aLargeFileStartedFirstKeepsTheSingleThreadOrder(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(CliRun.ROOT.resolve("samples/winlogbeat-sysmon.jsonl"));
        for (int f = 0; f < 30; f++) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                out.add(lines.get((f + i) % lines.size()));
            }
            Files.write(dir.resolve(String.format("a-%02d.jsonl", f)), out);
        }
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            big.add(lines.get(i % lines.size()));
            if (i % 1000 == 999) {
                big.add("{\"broken\": " + i);
            }
        }
        Files.write(dir.resolve("b-big.jsonl"), big);
        Files.write(dir.resolve("c-last.jsonl"), lines);
        CliRun one = sameOnOneAndThreeThreads("hunt", "--no-progress", "-f", "jsonl", dir.toString());
        assertThat(one.out().lines().filter(l -> l.contains("b-big.jsonl")).count()).isGreaterThan(8 * 256);
    }

    /**
     * Large EVTX files are hunted in parts of chunks on several threads: detections, damage reports and the
     * summary still come out as one thread gives them. One copy is damaged in a middle part (a chunk with a
     * broken signature, a record with a broken size copy).
     */
    @Test
    void largeEvtxFilesHuntedInPartsGiveTheSingleThreadRun(@TempDir Path dir) throws IOException {
        Path samples = CliRun.CORPUS.resolve("omerbenamram-evtx/samples");
        assumeTrue(Files.isDirectory(samples), "corpus absent: " + samples);
        Path security = samples.resolve("security.evtx");
        Files.copy(security, dir.resolve("a-security.evtx"));
        Files.copy(samples.resolve("sample-with-irregular-bool-values.evtx"), dir.resolve("b-bools.evtx"));
        byte[] damaged = Files.readAllBytes(security);
        assertThat(damaged.length).isGreaterThan(4096 + 2 * HuntTasks.PART_CHUNKS * 65536);
        damaged[4096 + 20 * 65536] = 'X';                       // chunk 20: not a chunk any more
        int record = 4096 + 5 * 65536 + 512;                     // first record of chunk 5
        int size = (damaged[record + 4] & 0xff) | (damaged[record + 5] & 0xff) << 8;
        damaged[record + size - 4] ^= 0x55;                      // its trailing size copy
        Files.write(dir.resolve("c-damaged.evtx"), damaged);
        String rules = CliRun.CORPUS.resolve("rules/SigmaHQ-sigma/rules/windows/builtin/security").toString();

        CliRun one = sameOnOneAndThreeThreads("hunt", "--no-progress", "--no-builtin", "-r", rules, "-f", "jsonl",
                dir.toString());
        assertThat(one.out().lines().count()).isGreaterThan(100);
        assertThat(one.err()).contains("c-damaged.evtx", "chunk 20", "chunk 5");
    }

    /**
     * Hunts with one thread and with three; asserts that both give the same detections, problems, summary
     * and exit code; returns the one-thread run.
     */
    private static CliRun sameOnOneAndThreeThreads(String... args) {
        CliRun single = CliRun.of(withThreads(args, "1"));
        CliRun several = CliRun.of(withThreads(args, "3"));
        assertThat(several.out()).isEqualTo(single.out());
        assertThat(withoutTiming(several.err())).isEqualTo(withoutTiming(single.err()));
        assertThat(several.exitCode()).isEqualTo(single.exitCode());
        return single;
    }

    private static String[] withThreads(String[] args, String threads) {
        List<String> out = new ArrayList<>(List.of(args));
        out.addAll(List.of("--threads", threads));
        return out.toArray(new String[0]);
    }

    private static String withoutTiming(String summary) {
        return summary.replaceAll("(?m)^\\s*time\\s.*$", "");
    }
}
