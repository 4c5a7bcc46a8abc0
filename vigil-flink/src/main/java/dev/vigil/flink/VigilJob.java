package dev.vigil.flink;

import dev.vigil.core.correlate.Correlation;
import dev.vigil.core.correlate.CorrelationSet;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Vigil as a Flink job: input (Kafka topic of JSON events, or files) → decode, normalise and match
 * ({@link MatchEvents}) → keyBy group → aggregations and correlation windows in event time
 * ({@link WindowStages}, one level per correlation chain depth) → detections as the CLI's JSONL (Kafka, exactly
 * once, or files).
 */
public final class VigilJob {

    private VigilJob() {
    }

    public static void main(String[] args) throws Exception {
        JobOptions o;
        try {
            o = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("vigil-flink: error: " + e.getMessage());
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Streams streams = build(env, o);
        DataStream<String> detections = streams.detections();
        // Late events are counted by the vigilLateEvents metric; each one is also printed to the task's stdout.
        streams.late().print("vigil-late").name("late-events");
        if (o.outputTopic != null) {
            detections.sinkTo(kafkaSink(o.bootstrap, o.outputTopic, "vigil-" + o.groupId)).name("detections");
        } else {
            detections.sinkTo(FileSink.forRowFormat(new Path(o.outputDir), new SimpleStringEncoder<String>()).build())
                    .name("detections");
        }
        env.execute("vigil");
    }

    /** The job's outputs: detection lines, and a note per late event. */
    record Streams(DataStream<String> detections, DataStream<String> late) {
    }

    /** The job's topology on {@code env}; a test collects its outputs, main sinks them. */
    static Streams build(StreamExecutionEnvironment env, JobOptions o) throws java.io.IOException {
        if (o.parallelism > 0) {
            env.setParallelism(o.parallelism);
        }
        if (o.checkpointInterval > 0) {
            env.enableCheckpointing(o.checkpointInterval, CheckpointingMode.EXACTLY_ONCE);
        }
        RuleDocuments rules = RuleDocuments.read(o.builtin, o.rules);
        DataStream<RawInput> input;
        if (o.inputTopic != null) {
            var source = KafkaSource.<RawInput>builder().setBootstrapServers(o.bootstrap).setTopics(o.inputTopic)
                    .setGroupId(o.groupId).setStartingOffsets(OffsetsInitializer.earliest())
                    .setDeserializer(new KafkaInput()).setProperty("isolation.level", "read_committed");
            if (o.bounded) {
                source.setBounded(OffsetsInitializer.latest());
            }
            input = env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "events");
        } else {
            input = env.fromData(o.inputFiles.stream().map(p -> new RawInput(p, null)).toList()).name("files");
        }
        SingleOutputStreamOperator<Finding> matched = input.process(new MatchEvents(rules)).name("match");
        DataStream<String> out = matched.getSideOutput(MatchEvents.DETECTIONS);
        // Files are a bounded batch, read in whatever order they hold their events: like the CLI, decide
        // windows only once everything is read (the final watermark). A live topic advances with its events.
        WatermarkStrategy<Finding> watermarks = o.inputTopic == null && !o.outOfOrdernessGiven
                ? WatermarkStrategy.noWatermarks() : WatermarkStrategy.forBoundedOutOfOrderness(o.outOfOrderness);
        DataStream<Finding> findings = matched.assignTimestampsAndWatermarks(
                watermarks.withTimestampAssigner((f, ts) -> f.time));
        DataStream<Finding> level = findings;
        DataStream<String> late = null;
        int depth = Math.max(1, chainDepth(rules.load().correlations()));
        for (int i = 0; i < depth; i++) {
            SingleOutputStreamOperator<String> windows = level.keyBy(f -> f.key)
                    .process(new WindowStages(rules, o.allowedLateness)).name("windows-" + i);
            out = out.union(windows);
            level = windows.getSideOutput(WindowStages.CHAINED);
            late = late == null ? windows.getSideOutput(WindowStages.LATE)
                    : late.union(windows.getSideOutput(WindowStages.LATE));
        }
        return new Streams(out, late);
    }

    /** How many correlations sit on top of each other at most (1 when none chains on another). */
    static int chainDepth(CorrelationSet set) {
        Map<String, Correlation> byId = new HashMap<>();
        set.correlations().forEach(c -> byId.put(c.analytic().id(), c));
        int max = 0;
        for (Correlation c : set.correlations()) {
            max = Math.max(max, depth(c, byId, 0));
        }
        return max;
    }

    private static int depth(Correlation c, Map<String, Correlation> byId, int guard) {
        int d = 1;
        if (guard > 16) {
            return d;
        }
        for (String r : c.rules()) {
            Correlation inner = byId.get(r);
            if (inner != null) {
                d = Math.max(d, 1 + depth(inner, byId, guard + 1));
            }
        }
        return d;
    }

    static KafkaSink<String> kafkaSink(String bootstrap, String topic, String transactionalIdPrefix) {
        Properties p = new Properties();
        // must not exceed the broker's transaction.max.timeout.ms (15 minutes by default)
        p.setProperty("transaction.timeout.ms", "600000");
        return KafkaSink.<String>builder().setBootstrapServers(bootstrap).setKafkaProducerConfig(p)
                .setRecordSerializer(new DetectionRecords(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix).build();
    }

}
