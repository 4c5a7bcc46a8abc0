package dev.vigil.flink;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real in-process Kafka broker (KRaft): events are produced to a topic, the job reads them and writes
 * detections to another topic with its exactly-once sink; a read_committed consumer sees the CLI's detections.
 */
class KafkaEndToEndTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1").build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** A detection without where its events came from: a topic offset and a file path name the same event. */
    static String withoutSources(String line) {
        return line.replaceAll(",\"source\":\\{[^}]*\\}", "").replaceAll(",\"sources\":\\[[^\\]]*\\]", "");
    }

    @Test
    @org.junit.jupiter.api.Timeout(180)
    void eventsFromATopicGiveTheCliDetectionsOnATopic() throws Exception {
        Path events = ParityTest.ROOT.resolve("samples/winlogbeat-sysmon.jsonl");
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("events", 1, (short) 1), new NewTopic("detections", 1, (short) 1)))
                    .all().get();
        }
        Map<String, Object> common = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, String> p = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
            for (String line : Files.readAllLines(events)) {
                if (!line.isBlank()) {
                    p.send(new ProducerRecord<>("events", line));
                }
            }
        }
        JobOptions o = new JobOptions();
        o.rules.add(ParityTest.RULES);
        o.bootstrap = kafka.bootstrapServers();
        o.inputTopic = "events";
        o.bounded = true;
        o.outputTopic = "detections";
        o.checkpointInterval = 500;
        o.parallelism = 2;
        org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
        conf.setString("restart-strategy.type", "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        VigilJob.build(env, o).detections().sinkTo(VigilJob.kafkaSink(o.bootstrap, o.outputTopic, "vigil-test"));
        env.execute("vigil-kafka-test");

        List<String> got = new ArrayList<>();
        Map<String, Object> read = Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "check",
                "auto.offset.reset", "earliest", "isolation.level", "read_committed");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(read, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("detections"));
            for (int i = 0; i < 20; i++) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    got.add(withoutSources(r.value()));
                }
            }
        }
        List<String> cli = CliRun.hunt("-r", ParityTest.RULES, events.toString()).stream()
                .map(KafkaEndToEndTest::withoutSources).toList();
        assertThat(cli).isNotEmpty();
        assertThat(got).containsExactlyInAnyOrderElementsOf(cli);
    }
}
