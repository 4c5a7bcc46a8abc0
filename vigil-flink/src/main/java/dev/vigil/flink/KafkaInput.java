package dev.vigil.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A Kafka record as raw input, named by where it sits so a detection can be traced back to it. */
final class KafkaInput implements KafkaRecordDeserializationSchema<RawInput> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawInput> out) {
        if (record.value() != null) {
            out.collect(new RawInput("kafka:" + record.topic() + "/" + record.partition() + "@" + record.offset(),
                    record.value()));
        }
    }

    @Override
    public TypeInformation<RawInput> getProducedType() {
        return TypeInformation.of(RawInput.class);
    }
}
