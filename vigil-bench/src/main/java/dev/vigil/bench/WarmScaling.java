package dev.vigil.bench;

import dev.vigil.cli.Vigil;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a whole hunt (or decode-only) scales from one thread to several once the JVM is warm: in one JVM,
 * rounds alternate {@code vigil hunt --threads 1} and {@code --threads N} over the same input, after
 * {@value #WARM_ROUNDS} untimed rounds of each. Unlike {@code e2e.sh} it leaves out what a hunt pays once
 * per JVM (class loading, the JIT compilers), and unlike {@link CoreScaling} it keeps everything a hunt
 * does per file and per record (listing, reading, decoding, handing results over). The one-thread run
 * shares the JVM, so its collector and compilers may use the other cores.
 *
 * <p>{@code java [launcher options] -cp vigil-bench/target/benchmarks.jar dev.vigil.bench.WarmScaling INPUT
 * THREADS ROUNDS [RULES]}: with RULES (a rules directory), hunts with those rules and no built-in ones;
 * without, decode-only. Prints each round, with the CPU time the JVM used in it, and the median of the
 * per-round ratios.
 */
public final class WarmScaling {

    private static final int WARM_ROUNDS = 2;

    private WarmScaling() {
    }

    public static void main(String[] args) {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: WarmScaling INPUT THREADS ROUNDS [RULES]");
            System.exit(2);
        }
        int threads = SideBySide.positive("THREADS", args[1]);
        int rounds = SideBySide.positive("ROUNDS", args[2]);
        String rules = args.length == 4 ? args[3] : null;
        PrintStream devNull = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        for (int r = 0; r < WARM_ROUNDS; r++) {
            seconds(devNull, args[0], 1, rules);
            seconds(devNull, args[0], threads, rules);
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long cpu0 = processCpuNanos();
            double one = seconds(devNull, args[0], 1, rules);
            long cpu1 = processCpuNanos();
            double many = seconds(devNull, args[0], threads, rules);
            long cpu2 = processCpuNanos();
            ratios[r] = one / many;
            System.out.printf("round %d: one thread %.2f s (CPU %s), %d threads %.2f s (CPU %s), ratio %.2f%n",
                    r + 1, one, cpu(cpu0, cpu1), threads, many, cpu(cpu1, cpu2), ratios[r]);
        }
        Arrays.sort(ratios);
        System.out.printf("%s, %d threads ÷ one: median %.2f (range %.2f–%.2f)%n", rules == null ? "decode-only" : "hunt",
                threads, ratios[(rounds - 1) / 2], ratios[0], ratios[rounds - 1]);
    }

    /**
     * CPU time of the whole JVM, compilers and collector included: more CPU for the same hunt on more
     * threads is work the threads cost each other (shared caches, memory, the collector), where less wall
     * time than CPU divided by the threads is time the threads waited.
     */
    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** The CPU seconds between two readings, or "unknown" where this JVM does not report its CPU time. */
    private static String cpu(long from, long to) {
        return from < 0 || to < 0 ? "unknown" : String.format("%.2f s", (to - from) / 1e9);
    }

    private static double seconds(PrintStream out, String input, int threads, String rules) {
        List<String> args = new ArrayList<>(List.of("hunt", "--no-progress", "--threads", Integer.toString(threads)));
        if (rules == null) {
            args.add("--decode-only");
        } else {
            args.addAll(List.of("--no-builtin", "-r", rules, "-f", "jsonl"));
        }
        args.add(input);
        long start = System.nanoTime();
        int code = Vigil.run(out, out, args.toArray(new String[0]));
        if (code != 0) {
            throw new IllegalStateException("vigil " + String.join(" ", args) + " exited with " + code);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
