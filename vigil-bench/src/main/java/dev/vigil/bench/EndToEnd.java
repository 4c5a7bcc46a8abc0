package dev.vigil.bench;

import dev.vigil.cli.Vigil;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Runs one {@code vigil hunt} in this JVM (arguments as on the command line; detections discarded) and
 * prints one line: wall seconds and peak heap in use (sampled every 20 ms) against the maximum heap. The
 * script {@code e2e.sh} runs it once per configuration, under {@code /usr/bin/time} for peak RSS.
 */
public final class EndToEnd {

    private EndToEnd() {
    }

    public static void main(String[] args) {
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            // Heap in use, sampled: the sum of pool peaks would add peaks reached at different times.
            while (true) {
                peak[0] = Math.max(peak[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        PrintStream devNull = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        int code = Vigil.run(devNull, System.err, args);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("exit=%d seconds=%.2f peak_heap_mb=%d max_heap_mb=%d%n", code, seconds, peak[0] >> 20, max >> 20);
        System.exit(code);
    }
}
