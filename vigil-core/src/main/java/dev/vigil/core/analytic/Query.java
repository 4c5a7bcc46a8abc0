package dev.vigil.core.analytic;

import dev.vigil.core.ir.Expr;
import dev.vigil.core.stage.Stage;

import java.util.List;

/**
 * What an implementation compiles to: the events it looks at, the condition on each of them, and the
 * stages its matching events then flow through as rows (aggregations, post-filters). A query without
 * stages reports each matching event; one with stages reports the rows its last stage emits.
 *
 * @param label what the author called it (an output variable, a search name), for explain output
 */
public record Query(String label, EventScope scope, Expr filter, List<Stage> stages) {

    public Query {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    public Query(String label, EventScope scope, Expr filter) {
        this(label, scope, filter, List.of());
    }

    public boolean hasStages() {
        return !stages.isEmpty();
    }
}
