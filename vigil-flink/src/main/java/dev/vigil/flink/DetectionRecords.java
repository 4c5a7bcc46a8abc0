package dev.vigil.flink;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * Detection lines as Kafka records. The record carries no Flink timestamp: an aggregation reports at the end
 * of input, whose timestamp is the largest possible, and old event times fall outside a broker's accepted
 * range; the detection's own "time" field holds its event time, so the broker stamps the record at append.
 */
final class DetectionRecords implements KafkaRecordSerializationSchema<String> {

    private final String topic;

    DetectionRecords(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(String line, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, null, null, line.getBytes(StandardCharsets.UTF_8));
    }
}
