package dev.vigil.core.engine;

import dev.vigil.core.event.Event;

/**
 * A compiled node of a query: fields resolved to slots, needles folded, patterns compiled. Immutable and
 * thread-safe; one instance serves every worker.
 */
public abstract class Matcher {

    public abstract boolean test(Event event);

    /** Rough relative cost, so AND/OR can try cheap children first. */
    public int cost() {
        return 5;
    }
}
