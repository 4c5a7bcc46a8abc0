package dev.vigil.flink;

import dev.vigil.core.correlate.CorrelationKey;
import dev.vigil.core.correlate.CorrelationSet;
import dev.vigil.core.correlate.Observation;
import dev.vigil.core.event.Origin;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyed correlation step on its own, driven by hand-made watermarks: out-of-order and late observations,
 * and windows leaving keyed state once no event can reach them. The test rule is "3 process starts on one
 * host within 10 minutes" ({@code src/test/resources/rules/process-burst.yml}); the allowed lateness is 1 minute.
 */
class WindowStagesTest {

    private static final long MINUTE = 60_000;
    private static final long LATENESS = MINUTE;

    private WindowStages stages;
    private KeyedOneInputStreamOperatorTestHarness<String, Finding, String> harness;

    @BeforeEach
    void open() throws Exception {
        stages = new WindowStages(RuleDocuments.read(false, List.of(ParityTest.RULES + "/process-burst.yml")), LATENESS);
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(stages), f -> f.key,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** A process start on {@code host} at {@code minutes}, as the match step hands it on. */
    private void observe(String host, double minutes, long record) throws Exception {
        long t = (long) (minutes * MINUTE);
        Observation o = new Observation(t, 0, null, List.of(new Origin("events.jsonl", record, record)), host);
        harness.processElement(new StreamRecord<>(MatchEvents.observation(
                new CorrelationSet.Keyed(new CorrelationKey(0, List.of(host)), o), 0), t));
    }

    private void watermark(double minutes) throws Exception {
        harness.processWatermark(new Watermark((long) (minutes * MINUTE)));
    }

    private List<String> detections() {
        return harness.extractOutputValues();
    }

    @Test
    void anEventBeyondTheAllowedLatenessIsCountedAndReported() throws Exception {
        observe("h", 10, 1);
        observe("h", 12, 2);
        watermark(13);
        observe("h", 11, 3); // due at 12m, the watermark is at 13m: late

        assertThat(stages.lateEvents()).isEqualTo(1);
        assertThat(harness.getSideOutput(WindowStages.LATE)).singleElement()
                .satisfies(r -> assertThat(r.getValue()).contains("\"late\"").contains("{\"path\":\"events.jsonl\",\"record\":3}"));
    }

    @Test
    void anOutOfOrderEventInsideTheAllowedLatenessStillCounts() throws Exception {
        observe("h", 10, 1);
        observe("h", 12, 2);
        watermark(13);
        observe("h", 12.5, 3); // older than the watermark, but due only at 13.5m
        observe("h", 11, 4); // late: must not make up the count
        watermark(14);

        assertThat(stages.lateEvents()).isEqualTo(1);
        assertThat(detections()).singleElement().satisfies(d -> assertThat(d)
                .contains("\"count\":3").contains("\"record\":3").doesNotContain("\"record\":4"));
    }

    @Test
    void aWindowThatNoEventCanReachLeavesKeyedState() throws Exception {
        observe("h", 10, 1);
        observe("h", 12, 2);
        watermark(13);
        assertThat(harness.numKeyedStateEntries()).as("two events wait for a third").isPositive();

        // the newest event (12m) + 10m timespan + 1m lateness: still reachable at 23m, gone after
        watermark(23);
        assertThat(harness.numKeyedStateEntries()).isPositive();
        watermark(23.01);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(detections()).isEmpty();
    }

    @Test
    void aFiredWindowLeavesKeyedStateAtOnce() throws Exception {
        observe("h", 1, 1);
        observe("h", 2, 2);
        observe("h", 3, 3);
        watermark(4);
        assertThat(detections()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void groupsExpireApart() throws Exception {
        observe("a", 0, 1);
        observe("b", 20, 2);
        watermark(21.5);
        // a's window (0m + 10m + 1m) is gone, b's (20m + 10m + 1m) still waits
        assertThat(harness.numKeyedStateEntries()).isPositive();
        watermark(31.01);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
