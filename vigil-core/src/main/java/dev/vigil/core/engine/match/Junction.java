package dev.vigil.core.engine.match;

import dev.vigil.core.engine.Matcher;
import dev.vigil.core.event.Event;

import java.util.Arrays;
import java.util.List;

/** AND and OR over children ordered cheapest first, and NOT and constants. */
public final class Junction {

    private Junction() {
    }

    /**
     * The children, cheapest first, ties in the given order. Each cost is asked once: a junction's cost is
     * its children's sum, so a comparator asking again on every comparison would walk the subtrees over
     * and over, and sorting with one made the JIT compile the library sort with every matcher's cost
     * inlined into it (over a second of the optimising compiler while SigmaHQ's rules load).
     */
    static Matcher[] byCost(List<Matcher> children) {
        int n = children.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) children.get(i).cost() << 32 | i;
        }
        Arrays.sort(keys);
        Matcher[] a = new Matcher[n];
        for (int i = 0; i < n; i++) {
            a[i] = children.get((int) keys[i]);
        }
        return a;
    }

    private static int sum(Matcher[] children) {
        long total = 0;
        for (Matcher m : children) {
            total += m.cost();
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    public static final class AllOf extends Matcher {
        private final Matcher[] children;
        private final int cost;

        public AllOf(List<Matcher> children) {
            this.children = byCost(children);
            this.cost = sum(this.children);
        }

        @Override
        public boolean test(Event event) {
            for (Matcher m : children) {
                if (!m.test(event)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int cost() {
            return cost;
        }
    }

    public static final class AnyOf extends Matcher {
        private final Matcher[] children;
        private final int cost;

        public AnyOf(List<Matcher> children) {
            this.children = byCost(children);
            this.cost = sum(this.children);
        }

        @Override
        public boolean test(Event event) {
            for (Matcher m : children) {
                if (m.test(event)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int cost() {
            return cost;
        }
    }

    public static final class Negation extends Matcher {
        private final Matcher inner;

        public Negation(Matcher inner) {
            this.inner = inner;
        }

        @Override
        public boolean test(Event event) {
            return !inner.test(event);
        }

        @Override
        public int cost() {
            return inner.cost();
        }
    }

    public static final class Constant extends Matcher {
        public static final Constant TRUE = new Constant(true);
        public static final Constant FALSE = new Constant(false);
        private final boolean value;

        private Constant(boolean value) {
            this.value = value;
        }

        @Override
        public boolean test(Event event) {
            return value;
        }

        @Override
        public int cost() {
            return 0;
        }
    }
}
