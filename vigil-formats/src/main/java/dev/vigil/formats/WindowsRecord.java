package dev.vigil.formats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Windows event as a reader or source schema delivers it, before normalization: System fields under
 * Vigil's System names ({@code EventID}, {@code Channel}, {@code Provider_Name}, {@code TimeCreated},
 * {@code Security_UserID}, ...), then EventData/UserData fields by their own names, then any other raw
 * source fields. Values are {@code String} or {@code String[]}. Every reader (XML, JSON, EVTX) produces
 * this, so one set of provider normalizers serves every format.
 */
public final class WindowsRecord {

    // Sized for a Sysmon record (System plus EventData is 25-40 fields) so it is not resized twice per record.
    private final Map<String, Object> fields = new LinkedHashMap<>(64);
    private final String schema;
    private final boolean windows;
    private long line;
    private long ordinal;

    /**
     * @param schema  the source schema's name, for diagnostics ({@code windows-xml}, {@code evtx-json}, ...)
     * @param windows false when the record's shape is not recognised: it then keeps its raw fields only
     */
    public WindowsRecord(String schema, boolean windows) {
        this.schema = schema;
        this.windows = windows;
    }

    /** Adds a value; a repeated name (e.g. unnamed {@code <Data>} elements) turns into a multi-value. */
    public WindowsRecord add(String name, Object value) {
        if (value == null) {
            return this;
        }
        Object old = fields.putIfAbsent(name, value);
        if (old != null) {
            fields.put(name, concat(old, value));
        }
        return this;
    }

    /** Sets a value only when the name is not present yet: earlier, more specific sources win. */
    public WindowsRecord putIfAbsent(String name, Object value) {
        if (value != null) {
            fields.putIfAbsent(name, value);
        }
        return this;
    }

    public WindowsRecord put(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    public Object get(String name) {
        return fields.get(name);
    }

    /** The first value as text, or null. */
    public String text(String name) {
        Object v = fields.get(name);
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof String[]) {
            String[] a = (String[]) v;
            return a.length == 0 ? null : a[0];
        }
        return null;
    }

    public Object remove(String name) {
        return fields.remove(name);
    }

    /** Every field in insertion order; do not modify while normalizing. */
    public Map<String, Object> fields() {
        return fields;
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
