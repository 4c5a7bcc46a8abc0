package dev.vigil.core.engine;

import dev.vigil.core.engine.plan.LiteralSearch;

import java.util.Arrays;

/**
 * The witness literals found in a batch of events of one class, as (event, literal) pairs in the order the
 * searches reported them, then grouped by event. A plan runs each field's search over the whole batch
 * before the next field's, so one search's tables stay in cache for every event of the batch instead of
 * being evicted by the other fields' searches between two events. One per thread, reused.
 */
final class Sightings implements LiteralSearch.Sink {

    /** The event (its position in the batch) and the literal offset that the next reports belong to. */
    int event;
    int base;
    private int[] events = new int[256];
    private int[] literals = new int[256];
    private int size;
    /** After {@link #group}: event {@code j}'s literals are {@code grouped[start[j]..start[j+1])}. */
    private int[] grouped = new int[256];
    private int[] start = new int[65];

    void clear() {
        size = 0;
    }

    @Override
    public void found(int literal) {
        if (size == events.length) {
            events = Arrays.copyOf(events, size * 2);
            literals = Arrays.copyOf(literals, size * 2);
        }
        events[size] = event;
        literals[size++] = base + literal;
    }

    /** Groups the pairs by event (a counting sort, stable: each event keeps its reporting order). */
    void group(int eventCount) {
        if (start.length < eventCount + 1) {
            start = new int[eventCount + 1];
        }
        Arrays.fill(start, 0, eventCount + 1, 0);
        for (int i = 0; i < size; i++) {
            start[events[i] + 1]++;
        }
        for (int j = 0; j < eventCount; j++) {
            start[j + 1] += start[j];
        }
        if (grouped.length < size) {
            grouped = new int[events.length];
        }
        for (int i = 0; i < size; i++) {
            grouped[start[events[i]]++] = literals[i];
        }
        // The fill moved each start to the next event's; shift back.
        for (int j = eventCount; j > 0; j--) {
            start[j] = start[j - 1];
        }
        start[0] = 0;
    }

    int from(int event) {
        return start[event];
    }

    int to(int event) {
        return start[event + 1];
    }

    int literal(int i) {
        return grouped[i];
    }
}
