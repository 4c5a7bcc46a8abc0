package dev.vigil.core.engine.match;

import dev.vigil.core.engine.Matcher;
import dev.vigil.core.event.Event;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** AND and OR over children ordered cheapest first, and NOT and constants. */
public final class Junction {

    private Junction() {
    }

    static Matcher[] byCost(List<Matcher> children) {
        Matcher[] a = children.toArray(new Matcher[0]);
        Arrays.sort(a, Comparator.comparingInt(Matcher::cost));
        return a;
    }

    public static final class AllOf extends Matcher {
        private final Matcher[] children;

        public AllOf(List<Matcher> children) {
            this.children = byCost(children);
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
            return Arrays.stream(children).mapToInt(Matcher::cost).sum();
        }
    }

    public static final class AnyOf extends Matcher {
        private final Matcher[] children;

        public AnyOf(List<Matcher> children) {
            this.children = byCost(children);
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
            return Arrays.stream(children).mapToInt(Matcher::cost).sum();
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
