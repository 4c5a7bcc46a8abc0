package dev.vigil.formats;

/**
 * Where a format reader delivers what it finds in one file: records, and problems with single records
 * (which the reader reports and then reads on). Positions are 1-based; 0 means "not known".
 */
public interface RecordSink {

    void record(WindowsRecord record);

    /** A record that could not be read; it is counted as read and skipped with this kind as reason. */
    void badRecord(long line, long ordinal, String kind, String message);
}
