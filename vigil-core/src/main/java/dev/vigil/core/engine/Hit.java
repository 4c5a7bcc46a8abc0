package dev.vigil.core.engine;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.event.Event;

/** One event that satisfied one implementation of one analytic. */
public record Hit(Analytic analytic, Implementation implementation, CompiledQuery query, Event event) {
}
