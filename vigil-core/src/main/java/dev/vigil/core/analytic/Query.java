package dev.vigil.core.analytic;

import dev.vigil.core.ir.Expr;

/**
 * What an implementation compiles to: the events it looks at and the condition on each of them.
 *
 * @param label what the author called it (an output variable, a search name), for explain output
 */
public record Query(String label, EventScope scope, Expr filter) {
}
