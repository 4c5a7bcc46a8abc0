package dev.vigil.cli;

import org.junit.jupiter.api.Test;

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

    private static String withoutTiming(String summary) {
        return summary.replaceAll("(?m)^\\s*time\\s.*$", "");
    }
}
