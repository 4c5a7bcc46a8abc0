package dev.vigil.core.engine;

import dev.vigil.core.event.Event;

import java.util.function.Consumer;

/**
 * Events held until a slice of them is matched together ({@link CompiledRuleSet#match(Event[], int, int, Consumer)}),
 * for a reader that hands over one event at a time. Hits come out in the order one-at-a-time matching gives;
 * whoever interleaves other output with hits (input problems) flushes first, so that order holds too.
 */
public final class PendingEvents {

    private final CompiledRuleSet rules;
    private final Consumer<Hit> hits;
    private final Event[] held = new Event[CompiledRuleSet.SLICE];
    private int count;

    public PendingEvents(CompiledRuleSet rules, Consumer<Hit> hits) {
        this.rules = rules;
        this.hits = hits;
    }

    public void add(Event event) {
        held[count++] = event;
        if (count == held.length) {
            flush();
        }
    }

    /** Drops the held events unmatched (their input failed: they will not be reported). */
    public void discard() {
        java.util.Arrays.fill(held, 0, count, null);
        count = 0;
    }

    /** Matches every held event now. */
    public void flush() {
        int n = count;
        count = 0;
        if (n > 0) {
            try {
                rules.match(held, 0, n, hits);
            } finally {
                java.util.Arrays.fill(held, 0, n, null);
            }
        }
    }
}
