package dev.vigil.core.engine;

import dev.vigil.core.event.Event;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.event.Field;
import dev.vigil.core.event.Origin;

import java.util.Arrays;
import java.util.Locale;

/**
 * The event as the compiled matchers see it during one {@link CompiledRuleSet#match}: the same values, plus
 * each value lower-cased at most once per event however many case-insensitive tests read it. One instance
 * per thread, reused from event to event (a generation counter invalidates the cache), so matching
 * allocates only the folded strings it needs.
 */
public final class MatchContext implements Event {

    private Event event;
    private Object[] folded = new Object[64];
    private int[] stamp = new int[64];
    private int generation;

    /** Per query of the current plan: stamped with {@link #generation()} once a clause of it is satisfied. */
    int[] candidates = new int[0];
    /** Per query: how many of its clauses are satisfied (valid when its stamp is current). */
    int[] satisfied = new int[0];
    /** Per clause: stamped once satisfied, so a second literal of the same clause does not count twice. */
    int[] clauses = new int[0];
    /** Positions of the queries to evaluate for the event being marked, filled by the plan. */
    int[] ready = new int[0];
    int readyCount;
    /** Scratch for merging {@link #ready} with the queries every event evaluates. */
    int[] merged = new int[0];
    /** Witness literals already seen in this event, stamped likewise. */
    int[] literals = new int[0];
    final Sightings sightings = new Sightings();
    final ClassPlan.Direct direct = new ClassPlan.Direct();
    /** Per event of the batch: the queries (rule-set indices) to evaluate, chosen[chosenFrom[j]..chosenTo[j]). */
    int[] chosen = new int[256];
    private int chosenSize;
    int[] chosenFrom = new int[64];
    int[] chosenTo = new int[64];
    /** Scratch for grouping a batch by plan. */
    ClassPlan[] batchPlans = new ClassPlan[64];
    int[] members = new int[64];
    /** Where {@link ClassPlan} keeps what it read only to bring values into the cache. */
    int touched;
    /** Holds the event of a one-event batch. */
    final Event[] single = new Event[1];
    /** The class of the last event routed on this thread and its plan. */
    EventClass lastClass;
    ClassPlan lastPlan;

    /** Starts evaluating an event. */
    MatchContext reset(Event e) {
        event = e;
        nextGeneration();
        return this;
    }

    /**
     * Drops what this context holds of the rule set's plans and events once a batch is matched. A thread
     * keeps its context after the rule set is gone (a thread-local value outlives its key until the thread's
     * map happens to clear it), and through the plans it kept every search table: after five hunts on one
     * thread a JVM held 156 MB in its old generation, against 67 MB once contexts forget them.
     */
    void forgetPlans() {
        forgetBatch(batchPlans.length);
        lastClass = null;
        lastPlan = null;
    }

    /**
     * Drops the plans of a batch's first {@code used} events, and its event, but keeps the last class's
     * plan: callers that match one event at a time (the Flink job, one rule set per task thread) route most
     * events with it. Marking empties the slots it groups; this covers a batch that failed before marking,
     * and clears one slot per event on the one-event path rather than all of them.
     */
    void forgetBatch(int used) {
        Arrays.fill(batchPlans, 0, Math.min(used, batchPlans.length), null);
        event = null;
        direct.plan = null;
    }

    /** A fresh stamp, which invalidates every per-event mark and cached fold. */
    int nextGeneration() {
        if (++generation == 0) {
            Arrays.fill(stamp, 0);
            Arrays.fill(candidates, 0);
            Arrays.fill(literals, 0);
            Arrays.fill(clauses, 0);
            generation = 1;
        }
        return generation;
    }

    /** Starts a batch of {@code n} events: no event has chosen queries yet. */
    void startBatch(int n) {
        chosenSize = 0;
        if (chosenFrom.length < n) {
            chosenFrom = new int[n];
            chosenTo = new int[n];
            batchPlans = new ClassPlan[n];
            members = new int[n];
        }
    }

    /** Records, for the event at {@code position} in the batch, the first {@code n} ready plan positions. */
    void keepReady(int position, int n, int[] queries) {
        if (chosen.length < chosenSize + n) {
            chosen = Arrays.copyOf(chosen, Math.max(chosen.length * 2, chosenSize + n));
        }
        chosenFrom[position] = chosenSize;
        for (int i = 0; i < n; i++) {
            chosen[chosenSize++] = queries[ready[i]];
        }
        chosenTo[position] = chosenSize;
    }

    void ensure(int queries, int literalCount, int clauseCount) {
        if (candidates.length < queries) {
            candidates = new int[queries];
            satisfied = new int[queries];
            ready = new int[queries];
            merged = new int[queries];
        }
        if (clauses.length < clauseCount) {
            clauses = new int[clauseCount];
        }
        if (literals.length < literalCount) {
            literals = new int[literalCount];
        }
    }

    public Event event() {
        return event;
    }

    /** The value of {@code field} lower-cased with {@code Locale.ROOT}: a String, a String[], or null. */
    public Object folded(Field field) {
        int slot = field.slot();
        if (slot >= stamp.length) {
            int n = Math.max(slot + 1, stamp.length * 2);
            stamp = Arrays.copyOf(stamp, n);
            folded = Arrays.copyOf(folded, n);
        }
        if (stamp[slot] == generation) {
            return folded[slot];
        }
        Object v = event.get(field);
        Object f;
        if (v instanceof String s) {
            f = s.toLowerCase(Locale.ROOT);
        } else if (v instanceof String[] a) {
            String[] out = new String[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i] == null ? null : a[i].toLowerCase(Locale.ROOT);
            }
            f = out;
        } else {
            f = null;
        }
        stamp[slot] = generation;
        folded[slot] = f;
        return f;
    }

    @Override
    public Object get(Field field) {
        return event.get(field);
    }

    @Override
    public EventClass eventClass() {
        return event.eventClass();
    }

    @Override
    public long timeMillis() {
        return event.timeMillis();
    }

    @Override
    public String host() {
        return event.host();
    }

    @Override
    public Origin origin() {
        return event.origin();
    }

    @Override
    public Iterable<Field> fields() {
        return event.fields();
    }
}
