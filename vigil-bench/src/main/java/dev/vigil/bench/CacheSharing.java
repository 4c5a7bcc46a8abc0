package dev.vigil.bench;

import java.util.Random;

/**
 * Which of this machine's caches its cores share, measured: each thread follows a chain of dependent
 * loads through an array of its own, one thread alone and then THREADS at once, the same work per thread,
 * for arrays from L2-sized to larger than any cache. Where a thread's array fits a cache of its core's
 * own, THREADS threads take as long as one; where the arrays together overflow a cache the cores share,
 * each thread waits for memory more and takes longer. A hunt's threads decode and match at once, over
 * search tables that take 27 MB for the SigmaHQ rules (BENCHMARKS.md), so this bounds how it scales.
 *
 * <p>{@code java -cp vigil-bench/target/benchmarks.jar dev.vigil.bench.CacheSharing THREADS ROUNDS}. Prints,
 * per array size, the median over the rounds of (time of THREADS threads) ÷ (time of one thread), each pair
 * measured one right after the other.
 */
public final class CacheSharing {

    private static final int[] KILOBYTES = {192, 768, 3072, 6144, 24576};
    /** Loads per thread per measurement: about a second at memory latency for the largest array. */
    private static final long LOADS = 20_000_000L;

    private CacheSharing() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CacheSharing THREADS ROUNDS");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        for (int kb : KILOBYTES) {
            int[][] chains = new int[threads][];
            for (int t = 0; t < threads; t++) {
                chains[t] = chain(kb * 256, new Random(kb * 31L + t));
            }
            timed(chains, 1);   // warm: compiled, and the arrays touched once
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                double alone = timed(chains, 1);
                double together = timed(chains, threads);
                ratios[r] = together / alone;
            }
            java.util.Arrays.sort(ratios);
            System.out.printf("%,7d KB per thread: %d threads ÷ one %.2f (rounds %.2f to %.2f)%n",
                    kb, threads, ratios[rounds / 2], ratios[0], ratios[rounds - 1]);
        }
    }

    /** A random cycle through all of {@code n} slots: each slot holds the index of the next. */
    private static int[] chain(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            next[order[i]] = order[(i + 1) % n];
        }
        return next;
    }

    /** Seconds for the first {@code count} chains to be followed {@link #LOADS} steps each, at once. */
    private static double timed(int[][] chains, int count) throws InterruptedException {
        Thread[] running = new Thread[count];
        int[] ends = new int[count];
        long start = System.nanoTime();
        for (int t = 0; t < count; t++) {
            int[] next = chains[t];
            int slot = t;
            running[t] = new Thread(() -> {
                int at = 0;
                for (long i = 0; i < LOADS; i++) {
                    at = next[at];
                }
                ends[slot] = at;
            });
            running[t].start();
        }
        for (Thread th : running) {
            th.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (ends[0] < 0) {
            System.out.println(ends[0]);   // keeps the loads from being optimised away
        }
        return seconds;
    }
}
