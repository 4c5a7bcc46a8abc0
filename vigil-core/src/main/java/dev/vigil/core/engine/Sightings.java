package dev.vigil.core.engine;

import dev.vigil.core.engine.plan.LiteralSearch;

import java.util.Arrays;

/**
 * The witness literals found in a batch of events of one class, as (event, literal) pairs in the order the
 * searches first reported them (a literal found again in the same event is dropped at once: a long script
 * block reports some short literals thousands of times), then grouped by event. A plan runs each field's
 * search over the whole batch before the next field's, so one search's tables stay in cache for every
 * event of the batch instead of being evicted by the other fields' searches between two events. One per
 * thread, reused. A batch of one event skips this ({@link ClassPlan.Direct}).
 */
final class Sightings implements LiteralSearch.Sink {

    /** The event (its position in the batch) and the literal offset that the next reports belong to. */
    private int event;
    int base;
    /** By literal: the tag of the last event that reported it; each event of each batch has its own tag. */
    private int[] stamps = new int[0];
    private int firstTag;
    private int nextTag = 1;
    private int[] events = new int[256];
    private int[] literals = new int[256];
    private int size;
    /** After {@link #group}: event {@code j}'s literals are {@code grouped[start[j]..start[j+1])}. */
    private int[] grouped = new int[256];
    private int[] start = new int[65];

    /** Starts a batch of {@code eventCount} events over {@code literalCount} literals. */
    void start(int eventCount, int literalCount) {
        size = 0;
        if (stamps.length < literalCount) {
            stamps = Arrays.copyOf(stamps, literalCount);
        }
        if (nextTag > Integer.MAX_VALUE - eventCount) {
            Arrays.fill(stamps, 0);
            nextTag = 1;
        }
        firstTag = nextTag;
        nextTag += eventCount;
    }

    /** The next reports are the event's at {@code position} in the batch. */
    void event(int position) {
        event = position;
    }

    @Override
    public void found(int literal) {
        int l = base + literal;
        int tag = firstTag + event;
        if (stamps[l] == tag) {
            return;
        }
        stamps[l] = tag;
        if (size == events.length) {
            events = Arrays.copyOf(events, size * 2);
            literals = Arrays.copyOf(literals, size * 2);
        }
        events[size] = event;
        literals[size++] = l;
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
