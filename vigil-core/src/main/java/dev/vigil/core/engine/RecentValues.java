package dev.vigil.core.engine;

/**
 * The literals one field's search found in the field's recent values, so that a value met again is not
 * searched again: image paths, parent command lines, product and company names recur from event to
 * event (in the corpus's Sysmon process creations, 80-90 % of their characters are in a value seen within
 * the last 256 of its field), and each costs an automaton walk of several nanoseconds per character,
 * where recalling it costs a hash of a few characters and one {@link String#equals}.
 *
 * <p>A table of {@link #SLOTS} entries, each holding the last value that hashed to it and its literals
 * (at most {@link #MAX_FOUND}; a value with more is not kept). The hash reads a few characters spread
 * over the value: values that differ elsewhere share a slot and replace each other, and the comparison
 * of the whole value keeps one from ever taking the other's literals. One per thread and plan field.
 *
 * <p>Where values seldom recur (command lines: 14 % of them in the corpus), the hash and the keeping cost
 * more than the searches they spare: the seed analytics ran 5 % slower recalling their command lines. A
 * table that recalls fewer than a quarter of a {@link #WINDOW} of values rests for {@link #REST} values,
 * which are searched without it, then tries again.
 *
 * <p>Values longer than {@link #LONGEST} characters are searched and never kept: a table holds on to the
 * values it keeps, and a script block can run to megabytes. A table then holds at most half a megabyte (256
 * values of 2,048 bytes at most), and a thread holds one per plan field that recalls.
 */
final class RecentValues {

    static final int SLOTS = 256;
    static final int MAX_FOUND = 7;
    private static final int SHIFT = 32 - Integer.numberOfTrailingZeros(SLOTS);
    /** Characters the hash reads, at most. */
    private static final int SAMPLES = 8;

    static final int LONGEST = 1024;
    static final int WINDOW = 1024;
    static final int REST = 1 << 16;

    private final String[] values = new String[SLOTS];
    private int lookups;
    private int recalls;
    private int resting;
    /** Per slot: how many literals follow in {@link #found}. */
    private final int[] counts = new int[SLOTS];
    private final int[] found = new int[SLOTS * MAX_FOUND];

    /** The slot {@code value} is kept in, if it is. */
    static int slot(String value) {
        int n = value.length();
        int h = n;
        int step = n / SAMPLES + 1;
        // From the end: values sharing a prefix (paths, an executable and its flags) differ there.
        for (int i = n - 1; i >= 0; i -= step) {
            h = h * 31 + value.charAt(i);
        }
        return (h * 0x9E3779B9) >>> SHIFT;
    }

    /** True while the table rests: the next value is to be searched without it. */
    boolean resting() {
        if (resting == 0) {
            return false;
        }
        resting--;
        return true;
    }

    /** True when {@code slot} holds {@code value}. */
    boolean holds(int slot, String value) {
        String kept = values[slot];
        boolean held = kept == value || value.equals(kept);
        if (held) {
            recalls++;
        }
        if (++lookups == WINDOW) {
            if (recalls < WINDOW / 4) {
                resting = REST;
            }
            lookups = 0;
            recalls = 0;
        }
        return held;
    }

    /** Reports the literals kept for the value in {@code slot} to {@code sink}, in the order they were found. */
    void recall(int slot, Sightings sink) {
        int at = slot * MAX_FOUND;
        for (int i = 0; i < counts[slot]; i++) {
            sink.found(found[at + i]);
        }
    }

    /**
     * Keeps {@code value} in {@code slot} with the literals {@code sink} took since it held {@code before}
     * pairs; a value with more than {@link #MAX_FOUND} of them leaves the slot empty.
     */
    void keep(int slot, String value, Sightings sink, int before) {
        int n = sink.size() - before;
        if (n > MAX_FOUND) {
            values[slot] = null;
            return;
        }
        int at = slot * MAX_FOUND;
        for (int i = 0; i < n; i++) {
            found[at + i] = sink.literalAt(before + i) - sink.base;
        }
        counts[slot] = n;
        values[slot] = value;
    }
}
