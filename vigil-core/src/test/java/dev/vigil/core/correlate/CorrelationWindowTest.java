package dev.vigil.core.correlate;

import dev.vigil.core.engine.Detection;
import dev.vigil.core.engine.Hit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.vigil.core.correlate.Correlations.MINUTE;
import static dev.vigil.core.correlate.Correlations.hit;
import static dev.vigil.core.correlate.Correlations.run;
import static org.assertj.core.api.Assertions.assertThat;

class CorrelationWindowTest {

    private static CorrelationSet eventCount(long gte) {
        return new CorrelationSet(List.of(Correlations.of(CorrelationType.EVENT_COUNT, List.of("logon"),
                List.of("Computer"), 5, CountCondition.atLeast(gte))));
    }

    @Test
    void eventCountFiresWhenTheThresholdIsReachedInsideTheWindow() {
        List<Detection> d = run(eventCount(3), List.of(hit("logon", 0, "h", "u", 1),
                hit("logon", MINUTE, "h", "u", 2), hit("logon", 2 * MINUTE, "h", "u", 3)));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.row()).containsEntry("Computer", "h").containsEntry("count", 3L);
            assertThat(x.sources()).hasSize(3);
            assertThat(x.timeMillis()).isEqualTo(2 * MINUTE);
        });
    }

    @Test
    void anEventExactlyOneTimespanOlderIsStillInTheWindow() {
        assertThat(run(eventCount(2), List.of(hit("logon", 0, "h", "u", 1), hit("logon", 5 * MINUTE, "h", "u", 2))))
                .hasSize(1);
    }

    @Test
    void anEventOneMillisecondBeyondTheTimespanHasLeftTheWindow() {
        assertThat(run(eventCount(2), List.of(hit("logon", 0, "h", "u", 1),
                hit("logon", 5 * MINUTE + 1, "h", "u", 2)))).isEmpty();
    }

    @Test
    void theWindowSlidesInsteadOfUsingFixedBuckets() {
        // 4m and 6m straddle a 5-minute bucket boundary; a sliding window still sees them together.
        assertThat(run(eventCount(2), List.of(hit("logon", 4 * MINUTE, "h", "u", 1),
                hit("logon", 6 * MINUTE, "h", "u", 2)))).hasSize(1);
    }

    @Test
    void groupsAreCountedApart() {
        assertThat(run(eventCount(2), List.of(hit("logon", 0, "a", "u", 1), hit("logon", MINUTE, "b", "u", 2))))
                .isEmpty();
    }

    @Test
    void aFiredWindowStartsEmptySoOneBurstIsReportedOnce() {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hits.add(hit("logon", i * 1000L, "h", "u", i));
        }
        assertThat(run(eventCount(2), hits)).hasSize(2);
    }

    @Test
    void outOfOrderInputGivesTheSameDetectionsAsSortedInput() {
        List<Hit> sorted = List.of(hit("logon", 0, "h", "u", 1), hit("logon", MINUTE, "h", "u", 2),
                hit("logon", 7 * MINUTE, "h", "u", 3), hit("logon", 8 * MINUTE, "h", "u", 4));
        List<Hit> shuffled = List.of(sorted.get(3), sorted.get(0), sorted.get(2), sorted.get(1));
        assertThat(run(eventCount(2), shuffled)).isEqualTo(run(eventCount(2), sorted)).hasSize(2);
    }

    @Test
    void valueCountCountsDistinctValues() {
        CorrelationSet set = new CorrelationSet(List.of(Correlations.of(CorrelationType.VALUE_COUNT,
                List.of("logon"), List.of("Computer"), 5, CountCondition.atLeast(2))));
        assertThat(run(set, List.of(hit("logon", 0, "h", "alice", 1), hit("logon", 1, "h", "alice", 2)))).isEmpty();
        assertThat(run(set, List.of(hit("logon", 0, "h", "alice", 1), hit("logon", 1, "h", "bob", 2)))).hasSize(1);
    }

    @Test
    void temporalNeedsEveryRuleInAnyOrder() {
        CorrelationSet set = new CorrelationSet(List.of(Correlations.of(CorrelationType.TEMPORAL,
                List.of("a", "b"), List.of("Computer"), 5, CountCondition.atLeast(2))));
        assertThat(run(set, List.of(hit("b", 0, "h", "u", 1), hit("a", MINUTE, "h", "u", 2)))).singleElement()
                .satisfies(d -> assertThat(d.row()).containsEntry("rules", List.of("a", "b")));
        assertThat(run(set, List.of(hit("a", 0, "h", "u", 1), hit("a", MINUTE, "h", "u", 2)))).isEmpty();
    }

    @Test
    void temporalOrderedNeedsTheListedOrder() {
        CorrelationSet set = new CorrelationSet(List.of(Correlations.of(CorrelationType.TEMPORAL_ORDERED,
                List.of("a", "b"), List.of("Computer"), 5, CountCondition.atLeast(2))));
        assertThat(run(set, List.of(hit("b", 0, "h", "u", 1), hit("a", MINUTE, "h", "u", 2)))).isEmpty();
        assertThat(run(set, List.of(hit("a", 0, "h", "u", 1), hit("b", MINUTE, "h", "u", 2)))).hasSize(1);
    }

    @Test
    void eventsWithoutTimeAreCountedNotLost() {
        CorrelationRunner runner = new CorrelationRunner(eventCount(1));
        runner.accept(hit("logon", Long.MIN_VALUE, "h", "u", 1), h -> { });
        assertThat(runner.untimed()).isEqualTo(1);
    }

    @Test
    void generateFalseSilencesTheReferencedRule() {
        CorrelationRunner runner = new CorrelationRunner(eventCount(2));
        List<Hit> own = new ArrayList<>();
        runner.accept(hit("logon", 0, "h", "u", 1), own::add);
        runner.accept(hit("other", 0, "h", "u", 2), own::add);
        assertThat(own).extracting(h -> h.analytic().id()).containsExactly("other");
    }
}
