package dev.vigil.core.event;

/**
 * Where an event came from: the input path as the user gave it (an archive member is
 * {@code archive.zip!/member.json}) and the record number — the EventRecordID when the source has one,
 * else the 1-based ordinal of the record in the file. {@code line} is the 1-based line of the record
 * in a text file, or 0.
 */
public record Origin(String path, long record, long line) implements java.io.Serializable {

    @Override
    public String toString() {
        return path + (line > 0 ? ":" + line : "") + " (record " + record + ")";
    }
}
