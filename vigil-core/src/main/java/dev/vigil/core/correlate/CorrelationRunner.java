package dev.vigil.core.correlate;

import dev.vigil.core.engine.Detection;
import dev.vigil.core.engine.Hit;
import dev.vigil.core.stage.MemoryStageState;
import dev.vigil.core.stage.StageState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs correlations over a bounded input, next to the stage runner: hits of referenced rules are remembered as
 * small observations while the input is read (in whatever order the files give), then sorted into event time
 * and fed to the windows at {@link #finish}. A hit goes on to its own reporting unless every correlation that
 * uses the rule says {@code generate: false}. Not thread-safe: feed it from one thread.
 */
public final class CorrelationRunner {

    private static final Comparator<CorrelationSet.Keyed> ORDER =
            Comparator.comparing(CorrelationSet.Keyed::observation, Observation.TIME_ORDER);

    private final CorrelationSet set;
    private final List<CorrelationSet.Keyed> pending = new ArrayList<>();
    private long untimed;

    public CorrelationRunner(CorrelationSet set) {
        this.set = set;
    }

    /** Records the hit for the correlations that count it, then passes it to {@code own} unless silenced. */
    public void accept(Hit hit, Consumer<Hit> own) {
        String id = hit.analytic().id();
        if (set.counts(id)) {
            if (hit.event().timeMillis() == Long.MIN_VALUE) {
                // A window needs a time; such events are counted and reported, never quietly lost.
                untimed++;
            } else {
                pending.addAll(set.observe(id, hit.event()));
            }
        }
        if (set.reportsOwn(id)) {
            own.accept(hit);
        }
    }

    /** Hits of correlated rules that had no event time and so could not enter a window. */
    public long untimed() {
        return untimed;
    }

    /** Ends the input: replays every observation in event time and reports what the windows fire. */
    public void finish(Consumer<Detection> sink) {
        pending.sort(ORDER);
        StageState windows = new MemoryStageState();
        for (CorrelationSet.Keyed k : pending) {
            offer(windows, k, sink);
        }
        pending.clear();
    }

    private void offer(StageState windows, CorrelationSet.Keyed k, Consumer<Detection> sink) {
        Detection fired = set.offer(windows, k);
        if (fired == null) {
            return;
        }
        if (set.reportsOwn(fired.analytic().id())) {
            sink.accept(fired);
        }
        // A chained correlation sees the inner one fire at the same event time, so order is kept.
        for (CorrelationSet.Keyed outer : set.observe(fired)) {
            offer(windows, outer, sink);
        }
    }
}
