package dev.vigil.bench;

import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.engine.Optimisations;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Event;
import dev.vigil.dialects.catalog.Catalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.vigil.core.engine.Hit;
import java.util.List;
import java.util.function.Consumer;

/**
 * Events matched per second on one thread, on pre-decoded corpus events: the optimised engine next to the
 * same rules with every optimisation off, in one run, so the ratio holds on a noisy machine. Scores are
 * events/s (each invocation matches {@value #BATCH} events, cycling through the corpus).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MatchBenchmark {

    static final int BATCH = 4096;

    /** seed: the built-in analytics; sigma: every SigmaHQ Windows rule. */
    @Param({"seed", "sigma"})
    public String rules;

    /** process: Sysmon 1 and Security 4688 only; sysmon: every Sysmon event and 4688; all: every EVTX event. */
    @Param({"process", "sysmon", "all"})
    public String events;

    /** optimised: {@link Optimisations#all()}; plain: {@link Optimisations#none()}. */
    @Param({"optimised", "plain"})
    public String engine;

    private CompiledRuleSet set;
    private CanonicalEvent[] input;
    private int next;

    @Setup
    public void setUp() {
        Catalog catalog = BenchInputs.catalog(rules);
        set = BenchInputs.compile(catalog, engine.equals("optimised") ? Optimisations.all() : Optimisations.none());
        List<CanonicalEvent> list = BenchInputs.events(events, catalog);
        input = list.toArray(new CanonicalEvent[0]);
    }

    /** As a hunt matches: the events a reader hands over, in slices ({@link CompiledRuleSet#match(Event[], int, int, Consumer)}). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void match(Blackhole bh) {
        CanonicalEvent[] in = input;
        Consumer<Hit> sink = bh::consume;
        int left = BATCH;
        int i = next;
        while (left > 0) {
            int n = Math.min(left, in.length - i);
            set.match(in, i, i + n, sink);
            left -= n;
            i = i + n == in.length ? 0 : i + n;
        }
        next = i;
    }

    /** One event at a time ({@link CompiledRuleSet#match(Event, Consumer)}), as a stream of single events is matched. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void matchEach(Blackhole bh) {
        CanonicalEvent[] in = input;
        int i = next;
        Consumer<Hit> sink = bh::consume;
        for (int k = 0; k < BATCH; k++) {
            set.match(in[i], sink);
            if (++i == in.length) {
                i = 0;
            }
        }
        next = i;
    }
}
