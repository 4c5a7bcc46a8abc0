package dev.vigil.core.engine.plan;

/** A folded witness literal and where in a value it must occur. */
public record AnchoredLiteral(String text, Anchor anchor) {
}
