package dev.vigil.core.correlate;

import dev.vigil.core.engine.Detection;
import dev.vigil.core.event.Origin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events of one group of one correlation within the last {@code timespan}: a true sliding window in event
 * time, ending at the newest event. Every arriving event slides the window to end at it (older events leave),
 * then the condition is checked; when it holds, the window fires one detection and starts empty again, so one
 * burst is reported once and not once per further event.
 *
 * <p>Observations must arrive in {@link Observation#TIME_ORDER}: the runtime sorts them (the command line sorts
 * a batch, a stream buffers until the watermark passes). Serializable so a stream runtime can keep it in
 * keyed state.
 */
public final class CorrelationWindow implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most source events a detection lists, so memory and output stay bounded on a huge burst. */
    public static final int MAX_SOURCES = 1000;

    private final ArrayList<Observation> events = new ArrayList<>();

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** The time after which this window holds nothing any more (its newest event plus the timespan). */
    public long expiresAfter(Correlation c) {
        return events.isEmpty() ? Long.MIN_VALUE : events.get(events.size() - 1).timeMillis() + c.timespanMillis();
    }

    /** Adds {@code o}; returns the detection it completes, or null. */
    public Detection offer(Correlation c, List<String> group, Observation o) {
        long from = o.timeMillis() - c.timespanMillis();
        // Inclusive: an event exactly one timespan before the newest is still inside the window.
        events.removeIf(e -> e.timeMillis() < from);
        events.add(o);
        long count = count(c);
        if (!c.condition().test(count)) {
            return null;
        }
        Detection d = fire(c, group, o, count);
        events.clear();
        return d;
    }

    private long count(Correlation c) {
        switch (c.type()) {
            case EVENT_COUNT:
                return events.size();
            case VALUE_COUNT: {
                Set<String> values = new HashSet<>();
                events.forEach(e -> values.add(e.value()));
                return values.size();
            }
            case TEMPORAL:
                return events.stream().mapToInt(Observation::rule).distinct().count();
            default:
                return orderedPrefix(c);
        }
    }

    /** How many of the rules, from the first, were seen one after another in the listed order. */
    private long orderedPrefix(Correlation c) {
        int next = 0;
        for (Observation e : events) {
            if (next < c.rules().size() && e.rule() == next) {
                next++;
            }
        }
        return next;
    }

    private Detection fire(Correlation c, List<String> group, Observation last, long count) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < c.groupBy().size(); i++) {
            row.put(c.groupBy().get(i), group.get(i));
        }
        row.put("count", count);
        if (c.type() == CorrelationType.TEMPORAL || c.type() == CorrelationType.TEMPORAL_ORDERED) {
            Set<Integer> seen = new java.util.TreeSet<>();
            events.forEach(e -> seen.add(e.rule()));
            List<String> rules = new ArrayList<>();
            seen.forEach(i -> rules.add(c.rules().get(i)));
            row.put("rules", rules);
        }
        Set<Origin> sources = new LinkedHashSet<>();
        String host = null;
        for (Observation e : events) {
            for (Origin s : e.sources()) {
                if (sources.size() < MAX_SOURCES) {
                    sources.add(s);
                }
            }
            if (host == null) {
                host = e.host();
            }
        }
        return new Detection(c.analytic(), c.implementation(), null, row, List.copyOf(sources), last.timeMillis(),
                host);
    }
}
