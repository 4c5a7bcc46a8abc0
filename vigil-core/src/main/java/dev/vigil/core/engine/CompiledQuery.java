package dev.vigil.core.engine;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;

/** A query ready to run: its analytic and implementation, its scope, and its compiled condition. */
public record CompiledQuery(Analytic analytic, Implementation implementation, Query query, Matcher matcher) {

    public boolean test(dev.vigil.core.event.Event e) {
        return query.scope().contains(e.eventClass()) && matcher.test(e);
    }
}
