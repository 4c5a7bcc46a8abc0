package dev.vigil.flink;

/**
 * One unit of input before decoding: a file to read (content null), or one Kafka record's bytes with the
 * name it is reported under ({@code kafka:topic/partition@offset}). A Flink POJO.
 */
public class RawInput {

    public String path;
    public byte[] content;

    public RawInput() {
    }

    public RawInput(String path, byte[] content) {
        this.path = path;
        this.content = content;
    }
}
