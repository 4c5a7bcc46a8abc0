package dev.vigil.core.correlate;

import dev.vigil.core.event.Origin;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * One event (or one fired inner correlation) as a correlation window keeps it: no more than the window needs,
 * so a stream runtime can hold many of them in keyed state.
 *
 * @param rule    the index of the referenced rule that matched, in the correlation's {@code rules} order
 * @param value   the {@code value_count} field's value, else null
 * @param sources the events behind it: one for an event, several for a fired inner correlation
 */
public record Observation(long timeMillis, int rule, String value, List<Origin> sources, String host)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Event time first; ties broken by where the events came from, so every runtime (a sorted batch, a stream
     * buffered per key) feeds a window in the same order and reaches the same result.
     */
    public static final Comparator<Observation> TIME_ORDER = Comparator.comparingLong(Observation::timeMillis)
            .thenComparing(o -> o.sources().isEmpty() ? "" : o.sources().get(0).path())
            .thenComparingLong(o -> o.sources().isEmpty() ? 0 : o.sources().get(0).record())
            .thenComparingInt(Observation::rule);

    public Observation {
        sources = List.copyOf(sources);
    }
}
