package dev.vigil.bench;

import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.engine.Hit;
import dev.vigil.core.engine.Optimisations;
import dev.vigil.core.event.Event;
import dev.vigil.dialects.catalog.Catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Consumer;

/**
 * How well steady-state matching scales from one core to several on this machine, apart from everything
 * else a hunt does (start-up, rule loading, plan building, the compiler, reading files): the rules are
 * compiled and every plan built and compiled first, then rounds alternate between one thread matching
 * alone and THREADS threads matching at once, each thread cycling through its own copy of the corpus
 * events. A second workload, a loop of multiplications over a few registers, touches no memory: its
 * ratio shows what the cores give when they share nothing but the chip.
 *
 * <p>{@code java -Dvigil.corpus=../shared/corpus -cp vigil-bench/target/benchmarks.jar dev.vigil.bench.CoreScaling
 * RULES EVENTS THREADS ROUNDS}, RULES and EVENTS as for {@link SideBySide}. Prints, for both workloads, the
 * median over the rounds of (work done by THREADS threads) ÷ (work done by one thread alone), each pair
 * measured one right after the other, so drift of the machine's speed falls on both.
 */
public final class CoreScaling {

    private static final long ROUND_NANOS = 1_000_000_000L;
    private static final int WARM_ROUNDS = 5;

    private CoreScaling() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: CoreScaling RULES EVENTS THREADS ROUNDS");
            System.exit(2);
        }
        int threads = SideBySide.positive("THREADS", args[2]);
        int rounds = SideBySide.positive("ROUNDS", args[3]);
        Catalog catalog = BenchInputs.catalog(args[0]);
        CompiledRuleSet rules = BenchInputs.compile(catalog, Optimisations.all());
        Worker[] matchers = new Worker[threads];
        Worker[] spinners = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            // Decoded again for each thread, so no two threads read the same event.
            Event[] own = BenchInputs.events(args[1], catalog).toArray(new Event[0]);
            matchers[t] = new Matching(rules, own);
            spinners[t] = new Spinning(t);
        }
        report("matching " + args[0] + " rules on " + args[1] + " events", matchers, rounds);
        report("multiplying in registers", spinners, rounds);
    }

    private static void report(String what, Worker[] workers, int rounds) throws Exception {
        for (int r = 0; r < WARM_ROUNDS; r++) {
            run(workers, 1);
            run(workers, workers.length);
        }
        double[] alone = new double[rounds];
        double[] together = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            alone[r] = run(workers, 1);
            together[r] = run(workers, workers.length);
            ratios[r] = together[r] / alone[r];
        }
        System.out.printf("%s: one thread %.0f/s, %d threads %.0f/s (medians); %d threads ÷ one, per round: median %.3f, quartiles %.3f and %.3f%n",
                what, median(alone), workers.length, median(together), workers.length, median(ratios),
                quantile(ratios, 0.25), quantile(ratios, 0.75));
    }

    /** Runs the first {@code n} workers at once for a round; their summed work per second. */
    private static double run(Worker[] workers, int n) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        long[] done = new long[n];
        long[] nanos = new long[n];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long begin = System.nanoTime();
                long end = begin + ROUND_NANOS;
                long units = 0;
                while (System.nanoTime() < end) {
                    units += workers[id].step();
                }
                done[id] = units;
                nanos[id] = System.nanoTime() - begin;
            }, "scaling-" + t);
            th.start();
            running.add(th);
        }
        for (Thread th : running) {
            th.join();
        }
        double rate = 0;
        for (int t = 0; t < n; t++) {
            rate += done[t] / (nanos[t] / 1e9);
        }
        return rate;
    }

    private static double median(double[] v) {
        return quantile(v, 0.5);
    }

    private static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.round(q * (s.length - 1))];
    }

    private interface Worker {
        /** Does a unit of work; how many units it did. */
        long step();
    }

    /** Matches its own events, {@link MatchBenchmark#BATCH} at a time. */
    private static final class Matching implements Worker {
        private final CompiledRuleSet rules;
        private final Event[] events;
        private final Consumer<Hit> sink;
        private int next;
        long hits;

        Matching(CompiledRuleSet rules, Event[] events) {
            this.rules = rules;
            this.events = events;
            this.sink = h -> hits++;
        }

        @Override
        public long step() {
            int n = Math.min(MatchBenchmark.BATCH, events.length - next);
            rules.match(events, next, next + n, sink);
            next = next + n == events.length ? 0 : next + n;
            return n;
        }
    }

    /** Multiplications that depend on each other, in registers: no memory, no caches. */
    private static final class Spinning implements Worker {
        private long x;

        Spinning(int seed) {
            x = seed + 1;
        }

        @Override
        public long step() {
            long v = x;
            for (int i = 0; i < 100_000; i++) {
                v = v * 6364136223846793005L + 1442695040888963407L;
            }
            x = v;
            return 100_000;
        }
    }
}
