package dev.vigil.core.correlate;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The threshold a correlation's count must meet: one or two bounds ({@code gte: 3}, or {@code gt: 10, lte: 20}),
 * all of which must hold.
 */
public record CountCondition(List<Bound> bounds) implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Op {
        GT, GTE, LT, LTE, EQ, NEQ
    }

    public record Bound(Op op, long value) implements Serializable {
        private static final long serialVersionUID = 1L;

        boolean test(long n) {
            return switch (op) {
                case GT -> n > value;
                case GTE -> n >= value;
                case LT -> n < value;
                case LTE -> n <= value;
                case EQ -> n == value;
                case NEQ -> n != value;
            };
        }
    }

    public CountCondition {
        bounds = List.copyOf(bounds);
    }

    public static CountCondition atLeast(long n) {
        return new CountCondition(List.of(new Bound(Op.GTE, n)));
    }

    public boolean test(long n) {
        for (Bound b : bounds) {
            if (!b.test(n)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the condition can only become true as the count grows. Such a condition is decided the moment
     * an event arrives; one with an upper bound would need the window to close first, which a sliding window
     * evaluated per event cannot express honestly.
     */
    public boolean isLowerBound() {
        return bounds.stream().allMatch(b -> b.op() == Op.GT || b.op() == Op.GTE);
    }

    @Override
    public String toString() {
        return bounds.stream().map(b -> b.op().name().toLowerCase(java.util.Locale.ROOT) + " " + b.value())
                .collect(Collectors.joining(" and "));
    }
}
