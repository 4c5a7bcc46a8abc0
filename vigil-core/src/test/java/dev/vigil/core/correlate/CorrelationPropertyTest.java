package dev.vigil.core.correlate;

import dev.vigil.core.engine.Detection;
import dev.vigil.core.engine.Hit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.vigil.core.correlate.Correlations.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

/** Random inputs with fixed seeds: invariants every correlation run must keep. */
class CorrelationPropertyTest {

    private static final String[] HOSTS = {"a", "b", "c"};

    private static List<Hit> randomHits(Random r, int n) {
        List<Hit> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Correlations.hit(r.nextBoolean() ? "x" : "y", r.nextInt(60) * MINUTE / 2,
                    HOSTS[r.nextInt(HOSTS.length)], "u" + r.nextInt(4), i));
        }
        return out;
    }

    @Test
    void arrivalOrderNeverChangesTheResult() {
        for (CorrelationType type : CorrelationType.values()) {
            Correlation c = Correlations.of(type, List.of("x", "y"), List.of("Computer"), 3,
                    CountCondition.atLeast(2));
            CorrelationSet set = new CorrelationSet(List.of(c));
            for (int seed = 0; seed < 50; seed++) {
                Random r = new Random(seed);
                List<Hit> hits = randomHits(r, 40);
                List<Detection> expected = Correlations.run(set, hits);
                Collections.shuffle(hits, r);
                assertThat(Correlations.run(set, hits)).as("%s seed %d", type, seed).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyDetectionHoldsOnlyEventsOfItsGroupInsideTheTimespanAndMeetsTheCondition() {
        Correlation c = Correlations.of(CorrelationType.EVENT_COUNT, List.of("x", "y"), List.of("Computer"), 3,
                CountCondition.atLeast(3));
        CorrelationSet set = new CorrelationSet(List.of(c));
        for (int seed = 0; seed < 50; seed++) {
            List<Hit> hits = randomHits(new Random(seed), 60);
            for (Detection d : Correlations.run(set, hits)) {
                List<Hit> members = hits.stream().filter(h -> d.sources().contains(h.event().origin())).toList();
                assertThat(members).hasSizeGreaterThanOrEqualTo(3);
                assertThat(members).allSatisfy(h -> {
                    assertThat(h.event().host()).isEqualTo(d.row().get("Computer"));
                    assertThat(h.event().timeMillis()).isBetween(d.timeMillis() - c.timespanMillis(), d.timeMillis());
                });
            }
        }
    }
}
