package dev.vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The thread count changes nothing a user sees: same detections in the same order, same summary. */
class HuntThreadsTest {

    @Test
    void detectionsAndSummaryDoNotDependOnTheThreadCount() {
        String samples = CliRun.ROOT.resolve("samples").toString();
        CliRun one = CliRun.of("hunt", "--no-progress", "-f", "jsonl", "--threads", "1", samples);
        CliRun three = CliRun.of("hunt", "--no-progress", "-f", "jsonl", "--threads", "3", samples);
        assertThat(one.exitCode()).isZero();
        assertThat(three.exitCode()).isZero();
        assertThat(one.out()).isNotEmpty();
        assertThat(three.out()).isEqualTo(one.out());
        assertThat(withoutTiming(three.err())).isEqualTo(withoutTiming(one.err()));
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
        CliRun one = CliRun.of("hunt", "--no-progress", "-f", "jsonl", "--threads", "1", dir.toString());
        CliRun three = CliRun.of("hunt", "--no-progress", "-f", "jsonl", "--threads", "3", dir.toString());
        assertThat(one.exitCode()).isEqualTo(three.exitCode());
        assertThat(one.out().lines().count()).isGreaterThan(2 * 256);
        assertThat(three.out()).isEqualTo(one.out());
        assertThat(withoutTiming(three.err())).isEqualTo(withoutTiming(one.err()));
    }

    private static String withoutTiming(String summary) {
        return summary.replaceAll("(?m)^\\s*time\\s.*$", "");
    }
}
