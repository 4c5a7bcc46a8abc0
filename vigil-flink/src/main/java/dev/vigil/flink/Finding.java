package dev.vigil.flink;

/**
 * What the matching step hands to the keyed step: a row bound for a query's aggregation, or an observation
 * bound for a correlation window. A plain Flink POJO (public fields, no-argument constructor) so Flink
 * serialises it without Kryo; the payload is the core object in Java serialised form.
 */
public class Finding {

    public static final int ROW = 0;
    public static final int OBSERVATION = 1;

    /** {@link #ROW} or {@link #OBSERVATION}. */
    public int kind;
    /** The query (for a row) or correlation (for an observation) index; the chain level for an observation. */
    public int index;
    public int level;
    /** The key the keyed step groups by: which query or correlation, and which group. */
    public String key;
    /** Event time in epoch ms, or {@link Long#MIN_VALUE}. */
    public long time;
    public byte[] payload;

    public Finding() {
    }

    Finding(int kind, int index, int level, String key, long time, byte[] payload) {
        this.kind = kind;
        this.index = index;
        this.level = level;
        this.key = key;
        this.time = time;
        this.payload = payload;
    }
}
