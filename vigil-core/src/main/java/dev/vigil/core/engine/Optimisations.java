package dev.vigil.core.engine;

/**
 * Which run-time optimisations a {@link CompiledRuleSet} uses. Every switch keeps every verdict; tests run
 * the engine with {@link #all()} and {@link #none()} and compare both with the reference interpreter.
 *
 * @param routing    evaluate only the queries whose event scope contains the event's class, from a per-class list
 * @param prefilter  evaluate only the queries whose witness literals occur in the event (one automaton per field)
 * @param foldOnce   lower-case each field value at most once per event for case-insensitive tests
 */
public record Optimisations(boolean routing, boolean prefilter, boolean foldOnce) {

    public static Optimisations all() {
        return new Optimisations(true, true, true);
    }

    public static Optimisations none() {
        return new Optimisations(false, false, false);
    }
}
