package dev.vigil.core.engine;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.event.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every query of every loaded analytic, compiled once. Immutable and thread-safe: workers share one.
 * Queries are tried in load order, so hits for one event come out in a deterministic order.
 */
public final class CompiledRuleSet {

    private final List<CompiledQuery> queries;

    private CompiledRuleSet(List<CompiledQuery> queries) {
        this.queries = List.copyOf(queries);
    }

    public List<CompiledQuery> queries() {
        return queries;
    }

    /** Calls {@code sink} once per query the event satisfies. */
    public void match(Event event, Consumer<Hit> sink) {
        for (CompiledQuery q : queries) {
            if (q.test(event)) {
                sink.accept(new Hit(q.analytic(), q.implementation(), q, event));
            }
        }
    }

    public static Builder builder() {
        return new Builder(new Compiler());
    }

    public static Builder builder(Compiler compiler) {
        return new Builder(compiler);
    }

    /** Collects queries and compiles each as it is added. */
    public static final class Builder {
        private final Compiler compiler;
        private final List<CompiledQuery> queries = new ArrayList<>();

        private Builder(Compiler compiler) {
            this.compiler = compiler;
        }

        public Builder add(Analytic analytic, Implementation implementation, Query query) {
            queries.add(new CompiledQuery(analytic, implementation, query, compiler.compile(query.filter())));
            return this;
        }

        public CompiledRuleSet build() {
            return new CompiledRuleSet(queries);
        }
    }
}
