package dev.vigil.core.engine;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.engine.plan.LiteralSearch;
import dev.vigil.core.engine.plan.Witnesses;
import dev.vigil.core.engine.plan.Witnesses.Witness;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.ir.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Every query of every loaded analytic, compiled once. Thread-safe: workers share one (per-class plans are
 * built on first sight of a class and cached; per-thread scratch lives in a {@link MatchContext}).
 * Queries are tried in load order, so hits for one event come out in a deterministic order whatever
 * {@link Optimisations} are on.
 */
public final class CompiledRuleSet {

    private final List<CompiledQuery> queries;
    private final CompiledQuery[] byIndex;
    private final List<List<Set<Witness>>> witnesses;
    private final Optimisations optimisations;
    private final ConcurrentHashMap<EventClass, ClassPlan> plans = new ConcurrentHashMap<>();
    private final ClassPlan unrouted;
    private final Map<List<?>, LiteralSearch> automata = new ConcurrentHashMap<>();
    private final ThreadLocal<MatchContext> contexts = ThreadLocal.withInitial(MatchContext::new);

    private CompiledRuleSet(List<CompiledQuery> queries, List<List<Set<Witness>>> witnesses, Optimisations optimisations) {
        this.queries = List.copyOf(queries);
        this.byIndex = queries.toArray(new CompiledQuery[0]);
        this.witnesses = optimisations.prefilter() ? witnesses : nulls(witnesses.size());
        this.optimisations = optimisations;
        this.unrouted = optimisations.routing() ? null : plan(i -> true);
    }

    private static List<List<Set<Witness>>> nulls(int n) {
        List<List<Set<Witness>>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        return out;
    }

    public List<CompiledQuery> queries() {
        return queries;
    }

    public Optimisations optimisations() {
        return optimisations;
    }

    /**
     * The witness clauses of the query at {@code index}: it is evaluated only on events where each clause has
     * a literal that occurs. Null: a candidate for every event in scope.
     */
    public List<Set<Witness>> witnesses(int index) {
        return witnesses.get(index);
    }

    /**
     * The witness clauses the plan for class {@code c} marks for the query at {@code index}: those of
     * {@link #witnesses(int)} less the later ones that plan leaves out. Null: a candidate for every event of
     * the class, or not in its scope.
     */
    public List<Set<Witness>> witnesses(int index, EventClass c) {
        ClassPlan p = optimisations.routing() ? plan(c) : unrouted;
        int at = java.util.Arrays.binarySearch(p.queries, index);
        return at < 0 ? null : p.kept.get(at);
    }

    /**
     * Events matched together: plans search a field over this many events of their class before the next
     * field, so each search's tables are read from cache. The events are held anyway (they were just read),
     * and a slice of them stays in the core's cache while it is searched.
     */
    static final int SLICE = 64;

    /** Calls {@code sink} once per query the event satisfies, in rule-set order. */
    public void match(Event event, Consumer<Hit> sink) {
        MatchContext ctx = contexts.get();
        Event[] one = ctx.single;
        one[0] = event;
        try {
            matchSlice(ctx, one, 0, 1, sink);
        } finally {
            one[0] = null;
            ctx.forgetBatch(1);
        }
    }

    /**
     * Calls {@code sink} once per query each of {@code events[from..to)} satisfies: the hits of the first
     * event in rule-set order, then the second's, and so on, as {@link #match(Event, Consumer)} would one
     * event at a time, but searching many events' fields together.
     */
    public void match(Event[] events, int from, int to, Consumer<Hit> sink) {
        MatchContext ctx = contexts.get();
        try {
            for (int at = from; at < to; at += SLICE) {
                matchSlice(ctx, events, at, Math.min(to, at + SLICE), sink);
            }
        } finally {
            ctx.forgetPlans();
        }
    }

    /**
     * Matches one slice in three steps, each a method of its own: the optimising compiler builds a loop
     * that has run long in a method, on its own, before the method itself (on-stack replacement), and with
     * the three loops in one method it built that method four times over in a one-core hunt of a 1 GB file.
     */
    private void matchSlice(MatchContext ctx, Event[] events, int from, int to, Consumer<Hit> sink) {
        int n = to - from;
        ctx.startBatch(n);
        route(ctx, events, from, n);
        markByClass(ctx, events, from, n);
        evaluate(ctx, events, from, n, sink);
    }

    private void route(MatchContext ctx, Event[] events, int from, int n) {
        ClassPlan[] plans = ctx.batchPlans;
        for (int j = 0; j < n; j++) {
            plans[j] = optimisations.routing() ? plan(ctx, events[from + j].eventClass()) : unrouted;
        }
    }

    /** Each class's events are marked together; positions stay those of the slice. */
    private static void markByClass(MatchContext ctx, Event[] events, int from, int n) {
        ClassPlan[] plans = ctx.batchPlans;
        int[] members = ctx.members;
        for (int j = 0; j < n; j++) {
            ClassPlan p = plans[j];
            if (p == null) {
                continue;
            }
            int m = 0;
            for (int k = j; k < n; k++) {
                if (plans[k] == p) {
                    members[m++] = from + k;
                    plans[k] = null;
                }
            }
            p.mark(ctx, events, members, m, from);
        }
    }

    private void evaluate(MatchContext ctx, Event[] events, int from, int n, Consumer<Hit> sink) {
        for (int j = 0; j < n; j++) {
            Event event = events[from + j];
            MatchContext view = ctx.reset(event);
            Event seen = optimisations.foldOnce() ? view : event;
            int[] chosen = ctx.chosen;
            for (int i = ctx.chosenFrom[j]; i < ctx.chosenTo[j]; i++) {
                CompiledQuery q = byIndex[chosen[i]];
                // A routed plan holds only queries in scope, so only the condition is left to test.
                boolean hit = optimisations.routing() ? q.matcher().test(seen) : q.test(seen);
                if (hit) {
                    sink.accept(new Hit(q.analytic(), q.implementation(), q, event));
                }
            }
        }
    }

    /** The plan events of class {@code c} run: the queries in scope and the fused witness automata. */
    public String describePlan(EventClass c) {
        ClassPlan p = optimisations.routing() ? plan(c) : unrouted;
        StringBuilder sb = new StringBuilder();
        int always = 0;
        for (boolean b : p.always) {
            always += b ? 1 : 0;
        }
        sb.append("class ").append(c).append(": ").append(p.queries.length).append(" queries in scope, ")
                .append(always).append(" without witnesses (always evaluated)");
        if (p.clausesLeftOut > 0) {
            sb.append(", ").append(p.clausesLeftOut).append(" later witness clauses left out (they would slow a search)");
        }
        sb.append("\n");
        for (int f = 0; f < p.fields.length; f++) {
            sb.append("  ").append(p.automata[f] == null ? "absence of " + p.fields[f].name() + ": read from the event's slot"
                    : "search on " + p.fields[f].name() + ": " + p.automata[f].describe()).append("\n");
        }
        return sb.toString();
    }

    /**
     * The plan for {@code c}, remembered by the thread's context: consecutive events mostly share a class,
     * and comparing it with the last one is cheaper than hashing it (normalizers build a class per event).
     */
    private ClassPlan plan(MatchContext ctx, EventClass c) {
        if (c.equals(ctx.lastClass)) {
            return ctx.lastPlan;
        }
        ClassPlan p = plan(c);
        ctx.lastClass = c;
        ctx.lastPlan = p;
        return p;
    }

    ClassPlan plan(EventClass c) {
        ClassPlan p = plans.get(c);
        return p != null ? p : plans.computeIfAbsent(c, k -> plan(i -> byIndex[i].query().scope().contains(k)));
    }

    private ClassPlan plan(java.util.function.IntPredicate inScope) {
        List<Integer> in = new ArrayList<>();
        List<List<Set<Witness>>> w = new ArrayList<>();
        for (int i = 0; i < byIndex.length; i++) {
            if (inScope.test(i)) {
                in.add(i);
                w.add(witnesses.get(i));
            }
        }
        return new ClassPlan(in.stream().mapToInt(Integer::intValue).toArray(), w, automata);
    }

    public static Builder builder() {
        return new Builder(new Compiler());
    }

    public static Builder builder(Compiler compiler) {
        return new Builder(compiler);
    }

    /**
     * Collects queries; {@link #build} compiles them, in parallel (each query's passes, matchers and
     * witnesses depend on that query alone), keeping the order they were added in.
     */
    public static final class Builder {
        private final Compiler compiler;
        private final List<Analytic> analytics = new ArrayList<>();
        private final List<Implementation> implementations = new ArrayList<>();
        private final List<Query> added = new ArrayList<>();
        private Optimisations optimisations = Optimisations.all();

        private Builder(Compiler compiler) {
            this.compiler = compiler;
        }

        public Builder optimisations(Optimisations o) {
            this.optimisations = o;
            return this;
        }

        public Builder add(Analytic analytic, Implementation implementation, Query query) {
            analytics.add(analytic);
            implementations.add(implementation);
            added.add(query);
            return this;
        }

        public CompiledRuleSet build() {
            int n = added.size();
            CompiledQuery[] queries = new CompiledQuery[n];
            List<List<Set<Witness>>> witnesses = new ArrayList<>(java.util.Collections.nCopies(n, null));
            java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
                Query query = added.get(i);
                Expr optimised = compiler.optimise(query.filter());
                queries[i] = new CompiledQuery(analytics.get(i), implementations.get(i), query, compiler.build(optimised));
                witnesses.set(i, Witnesses.clauses(optimised));
            });
            return new CompiledRuleSet(List.of(queries), witnesses, optimisations);
        }
    }
}
