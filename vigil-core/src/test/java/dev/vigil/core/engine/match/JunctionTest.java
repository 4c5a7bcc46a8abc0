package dev.vigil.core.engine.match;

import dev.vigil.core.engine.Matcher;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Origin;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** AND and OR try their children cheapest first, ties in the order written, and cost their children's sum. */
class JunctionTest {

    /** A child of a given cost that records when it is tried. */
    private static final class Probe extends Matcher {
        private final String name;
        private final int cost;
        private final boolean value;
        private final List<String> tried;

        Probe(String name, int cost, boolean value, List<String> tried) {
            this.name = name;
            this.cost = cost;
            this.value = value;
            this.tried = tried;
        }

        @Override
        public boolean test(Event event) {
            tried.add(name);
            return value;
        }

        @Override
        public int cost() {
            return cost;
        }
    }

    private static final Event EVENT = new CanonicalEvent(new Origin("junction", 1, 0));

    @Test
    void anOrTriesItsChildrenCheapestFirstTiesInOrder() {
        List<String> tried = new ArrayList<>();
        Matcher or = new Junction.AnyOf(List.of(new Probe("regex", 20, false, tried), new Probe("a", 5, false, tried),
                new Probe("b", 5, false, tried), new Probe("constant", 0, false, tried), new Probe("c", 5, false, tried)));
        assertThat(or.test(EVENT)).isFalse();
        assertThat(tried).containsExactly("constant", "a", "b", "c", "regex");
    }

    @Test
    void anAndStopsAtItsCheapestFailingChild() {
        List<String> tried = new ArrayList<>();
        Matcher and = new Junction.AllOf(List.of(new Probe("dear", 30, false, tried), new Probe("cheap", 1, false, tried)));
        assertThat(and.test(EVENT)).isFalse();
        assertThat(tried).containsExactly("cheap");
    }

    @Test
    void aJunctionCostsItsChildrenTogether() {
        List<String> tried = new ArrayList<>();
        Matcher inner = new Junction.AnyOf(List.of(new Probe("a", 3, true, tried), new Probe("b", 4, true, tried)));
        Matcher outer = new Junction.AllOf(List.of(inner, new Probe("c", 20, true, tried)));
        assertThat(inner.cost()).isEqualTo(7);
        assertThat(outer.cost()).isEqualTo(27);
    }

    @Test
    void aJunctionCostStopsAtTheLargestInt() {
        List<String> tried = new ArrayList<>();
        Matcher big = new Junction.AnyOf(List.of(new Probe("a", Integer.MAX_VALUE, true, tried),
                new Probe("b", Integer.MAX_VALUE, true, tried)));
        assertThat(big.cost()).isEqualTo(Integer.MAX_VALUE);
    }
}
