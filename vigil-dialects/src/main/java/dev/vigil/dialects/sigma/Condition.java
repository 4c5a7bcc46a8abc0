package dev.vigil.dialects.sigma;

import java.util.List;

/**
 * A parsed Sigma condition, before its identifiers are resolved. {@code offset} is the 0-based position
 * in the condition text, for diagnostics. {@link #toString()} prints an s-expression (for tests).
 */
public sealed interface Condition permits Condition.Ref, Condition.Quantified, Condition.And, Condition.Or,
        Condition.Not {

    /** A search identifier. */
    record Ref(String name, int offset) implements Condition {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code 1 of PATTERN}, {@code all of PATTERN}, with {@code them} as the pattern {@code null}. */
    record Quantified(boolean all, String pattern, int offset) implements Condition {
        @Override
        public String toString() {
            return "(" + (all ? "all" : "1") + "-of " + (pattern == null ? "them" : pattern) + ")";
        }
    }

    record And(List<Condition> terms) implements Condition {
        @Override
        public String toString() {
            return "(and " + String.join(" ", terms.stream().map(Object::toString).toList()) + ")";
        }
    }

    record Or(List<Condition> terms) implements Condition {
        @Override
        public String toString() {
            return "(or " + String.join(" ", terms.stream().map(Object::toString).toList()) + ")";
        }
    }

    record Not(Condition term) implements Condition {
        @Override
        public String toString() {
            return "(not " + term + ")";
        }
    }
}
