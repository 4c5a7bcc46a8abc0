package dev.vigil.core.correlate;

import dev.vigil.core.engine.Detection;
import dev.vigil.core.engine.Hit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.core.correlate.Correlations.MINUTE;
import static dev.vigil.core.correlate.Correlations.hit;
import static dev.vigil.core.correlate.Correlations.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A correlation over another correlation: "two logon bursts on one host within half an hour". */
class ChainedCorrelationTest {

    /** burst = 2 logons within 5 minutes; bursts = 2 bursts within 30 minutes, both by Computer. */
    private static CorrelationSet chain(boolean innerReports) {
        return new CorrelationSet(List.of(
                Correlations.of("burst", CorrelationType.EVENT_COUNT, List.of("logon"), List.of("Computer"), 5,
                        CountCondition.atLeast(2), false),
                Correlations.of("bursts", CorrelationType.EVENT_COUNT, List.of("burst"), List.of("Computer"), 30,
                        CountCondition.atLeast(2), innerReports)));
    }

    private static List<Hit> twoBurstsOnOneHost() {
        return List.of(hit("logon", 0, "h", "u", 1), hit("logon", MINUTE, "h", "u", 2),
                hit("logon", 10 * MINUTE, "h", "u", 3), hit("logon", 11 * MINUTE, "h", "u", 4));
    }

    @Test
    void theOuterCorrelationCountsTheInnerOnesFirings() {
        assertThat(run(chain(false), twoBurstsOnOneHost())).singleElement().satisfies(d -> {
            assertThat(d.analytic().id()).isEqualTo("bursts");
            assertThat(d.row()).containsEntry("Computer", "h").containsEntry("count", 2L);
            assertThat(d.sources()).as("every event behind both bursts").hasSize(4);
            assertThat(d.timeMillis()).isEqualTo(11 * MINUTE);
        });
    }

    @Test
    void generateOnTheOuterKeepsTheInnerDetections() {
        assertThat(run(chain(true), twoBurstsOnOneHost())).extracting(d -> d.analytic().id())
                .containsExactly("burst", "burst", "bursts");
    }

    @Test
    void oneInnerFiringIsNotEnough() {
        List<Detection> d = run(chain(false), List.of(hit("logon", 0, "h", "u", 1), hit("logon", MINUTE, "h", "u", 2),
                hit("logon", 40 * MINUTE, "h", "u", 3), hit("logon", 41 * MINUTE, "h", "u", 4)));
        assertThat(d).as("the two bursts are 40 minutes apart").isEmpty();
    }
}
