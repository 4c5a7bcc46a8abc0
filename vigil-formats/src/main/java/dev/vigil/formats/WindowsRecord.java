package dev.vigil.formats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A Windows event as a reader or source schema delivers it, before normalization: System fields under
 * Vigil's System names ({@code EventID}, {@code Channel}, {@code Provider_Name}, {@code TimeCreated},
 * {@code Security_UserID}, ...), then EventData/UserData fields by their own names, then any other raw
 * source fields. Values are {@code String} or {@code String[]}. Every reader (XML, JSON, EVTX) produces
 * this, so one set of provider normalizers serves every format.
 */
public final class WindowsRecord {

    /**
     * Fields in insertion order, in two arrays, with an open-addressing index of their positions by name,
     * all made on the first field. Every event passes through two records (as read, and as its provider's
     * normalizer names it, which is mostly empty): a linked hash map took an entry object per field.
     */
    private String[] names;
    private Object[] values;
    /**
     * Position + 1 of each name, by its hash; 0 is a free slot. Twice the length of {@link #names}, both
     * powers of two.
     */
    private int[] index;
    private final int capacity;
    private int size;
    private final String schema;
    private final boolean windows;
    private long line;
    private long ordinal;

    /**
     * @param schema  the source schema's name, for diagnostics ({@code windows-xml}, {@code evtx-json}, ...)
     * @param windows false when the record's shape is not recognised: it then keeps its raw fields only
     */
    public WindowsRecord(String schema, boolean windows) {
        this(schema, windows, 32);
    }

    /** @param capacity how many fields to make room for at first (a Sysmon record has 25-40) */
    public WindowsRecord(String schema, boolean windows, int capacity) {
        this.schema = schema;
        this.windows = windows;
        this.capacity = Integer.highestOneBit(Math.max(4, capacity) - 1) << 1;
    }

    /** Adds a value; a repeated name (e.g. unnamed {@code <Data>} elements) turns into a multi-value. */
    public WindowsRecord add(String name, Object value) {
        if (value == null) {
            return this;
        }
        if (size == 0) {
            return first(name, value);
        }
        int slot = slot(name);
        int at = index[slot] - 1;
        if (at < 0) {
            append(slot, name, value);
        } else {
            values[at] = concat(values[at], value);
        }
        return this;
    }

    /** Sets a value only when the name is not present yet: earlier, more specific sources win. */
    public WindowsRecord putIfAbsent(String name, Object value) {
        if (value != null && size == 0) {
            first(name, value);
        } else if (value != null) {
            int slot = slot(name);
            if (index[slot] == 0) {
                append(slot, name, value);
            }
        }
        return this;
    }

    /** Sets a value; a name already present keeps its position. */
    public WindowsRecord put(String name, Object value) {
        if (value != null && size == 0) {
            first(name, value);
        } else if (value != null) {
            int slot = slot(name);
            int at = index[slot] - 1;
            if (at < 0) {
                append(slot, name, value);
            } else {
                values[at] = value;
            }
        }
        return this;
    }

    public Object get(String name) {
        if (size == 0) {
            return null;
        }
        int at = index[slot(name)] - 1;
        return at < 0 ? null : values[at];
    }

    /** The first value as text, or null. */
    public String text(String name) {
        Object v = get(name);
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof String[]) {
            String[] a = (String[]) v;
            return a.length == 0 ? null : a[0];
        }
        return null;
    }

    /** How many fields the record has. */
    public int size() {
        return size;
    }

    /** The name of the field at {@code position} (0 to {@link #size()} - 1), in insertion order. */
    public String nameAt(int position) {
        return names[position];
    }

    /** The value of the field at {@code position}: a {@code String} or a {@code String[]}. */
    public Object valueAt(int position) {
        return values[position];
    }

    /** Every field in insertion order. */
    public void forEach(BiConsumer<String, Object> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }

    /** Every field in insertion order, as a new map. */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        forEach(out::put);
        return out;
    }

    /** The index slot that holds {@code name}, or the free slot where it would go. */
    private int slot(String name) {
        int mask = index.length - 1;
        int h = name.hashCode();
        int slot = (h ^ h >>> 16) & mask;
        while (true) {
            int at = index[slot] - 1;
            if (at < 0 || name.equals(names[at])) {
                return slot;
            }
            slot = slot + 1 & mask;
        }
    }

    private WindowsRecord first(String name, Object value) {
        if (names == null) {
            names = new String[capacity];
            values = new Object[capacity];
            index = new int[capacity * 2];
        }
        append(slot(name), name, value);
        return this;
    }

    private void append(int slot, String name, Object value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
            index = new int[size * 4];
            for (int i = 0; i < size; i++) {
                index[slot(names[i])] = i + 1;
            }
            slot = slot(name);
        }
        names[size] = name;
        values[size] = value;
        index[slot] = ++size;
    }

    public String schema() {
        return schema;
    }

    public boolean isWindows() {
        return windows;
    }

    /** 1-based line of the record in a text file, or 0. */
    public long line() {
        return line;
    }

    /**
     * How problems name the record: its 1-based ordinal in the file, or for EVTX its EventRecordID (a file's
     * chunks may be read in parts on several threads, and EVTX damage is named by record id too).
     */
    public long ordinal() {
        return ordinal;
    }

    public WindowsRecord position(long line, long ordinal) {
        this.line = line;
        this.ordinal = ordinal;
        return this;
    }

    private static String[] concat(Object old, Object value) {
        String[] a = old instanceof String[] ? (String[]) old : new String[] {(String) old};
        String[] b = value instanceof String[] ? (String[]) value : new String[] {(String) value};
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
