package dev.vigil.core.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * An event held as a slot array indexed by {@link Field#slot()}, with the insertion order kept for
 * output. Built once by a normalizer, then read-only.
 */
public final class CanonicalEvent implements Event {

    private Object[] values;
    private Field[] order;
    /**
     * The values again, in {@link #order}: a search of every value (a keyword search) reads them from a few
     * cache lines instead of one line of the slot array each.
     */
    private Object[] ordered;
    private int size;
    /** Bit {@code i}: the value at {@link #valueAt(int) position i} (below 64) is an echo (see {@link #markEcho}). */
    private long echoes;
    private EventClass eventClass = EventClass.UNKNOWN;
    private long timeMillis = Long.MIN_VALUE;
    private String host;
    private Origin origin;

    public CanonicalEvent(Origin origin) {
        this(origin, 16);
    }

    /**
     * @param fields how many fields the event is expected to have: a normalizer knows it from its record.
     *               An event that outgrows its arrays copies them; from the default 16, most Sysmon events
     *               copied them twice
     */
    public CanonicalEvent(Origin origin, int fields) {
        this.origin = origin;
        this.values = new Object[Math.max(16, Field.count())];
        int n = Math.max(4, fields);
        this.order = new Field[n];
        this.ordered = new Object[n];
    }

    /** Sets a field; a later value for the same field replaces the earlier one but keeps its position. */
    public CanonicalEvent put(Field field, Object value) {
        if (value == null) {
            return this;
        }
        int slot = field.slot();
        if (slot >= values.length) {
            values = Arrays.copyOf(values, Math.max(slot + 1, values.length * 2));
        }
        if (values[slot] == null) {
            if (size == order.length) {
                order = Arrays.copyOf(order, size * 2);
                ordered = Arrays.copyOf(ordered, size * 2);
            }
            ordered[size] = value;
            order[size++] = field;
        } else {
            for (int i = 0; i < size; i++) {
                if (order[i] == field) {
                    ordered[i] = value;
                    echoes &= ~(i < 64 ? 1L << i : 0);
                    break;
                }
            }
        }
        values[slot] = value;
        return this;
    }

    public CanonicalEvent put(String field, Object value) {
        return put(Field.of(field), value);
    }

    /** Sets a field only when it is not already present. */
    public CanonicalEvent putIfAbsent(Field field, Object value) {
        if (get(field) == null) {
            put(field, value);
        }
        return this;
    }

    public CanonicalEvent remove(Field field) {
        int slot = field.slot();
        if (slot < values.length && values[slot] != null) {
            values[slot] = null;
            for (int i = 0; i < size; i++) {
                if (order[i] == field) {
                    long below = i < 64 ? (1L << i) - 1 : -1L;
                    echoes = (echoes & below) | ((echoes >>> 1) & ~below);
                    System.arraycopy(order, i + 1, order, i, size - i - 1);
                    System.arraycopy(ordered, i + 1, ordered, i, size - i - 1);
                    ordered[--size] = null;
                    break;
                }
            }
        }
        return this;
    }

    @Override
    public Object get(Field field) {
        int slot = field.slot();
        return slot < values.length ? values[slot] : null;
    }

    @Override
    public EventClass eventClass() {
        return eventClass;
    }

    public CanonicalEvent eventClass(EventClass c) {
        this.eventClass = c;
        return this;
    }

    @Override
    public long timeMillis() {
        return timeMillis;
    }

    public CanonicalEvent timeMillis(long t) {
        this.timeMillis = t;
        return this;
    }

    @Override
    public String host() {
        return host;
    }

    public CanonicalEvent host(String h) {
        this.host = h;
        return this;
    }

    @Override
    public Origin origin() {
        return origin;
    }

    public CanonicalEvent origin(Origin o) {
        this.origin = o;
        return this;
    }

    @Override
    public Iterable<Field> fields() {
        List<Field> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(order[i]);
        }
        return out;
    }

    public int size() {
        return size;
    }

    /** The {@code i}th present field in output order ({@code 0 <= i < size()}), without building a list. */
    public Field fieldAt(int i) {
        return order[i];
    }

    /** The value of {@link #fieldAt(int) fieldAt(i)}. */
    public Object valueAt(int i) {
        return ordered[i];
    }

    /**
     * Marks the field's present value as an echo: a substring of another value of this event (a file name
     * cut from its path, a hash from {@code Hashes}), so that a search of every value for literals, which
     * finds them in the whole, may pass it by. Its own tests still read it. Replacing the value unmarks it.
     * A value holding a capital sigma is not marked: lower-casing it alone may end in a final sigma where
     * the whole has a medial one.
     */
    public CanonicalEvent markEcho(Field field) {
        Object v = get(field);
        if (v instanceof String s && s.indexOf('\u03a3') < 0) {
            if (size > 0 && size <= 64 && order[size - 1] == field) {
                // Just put: the common case, found without a walk.
                echoes |= 1L << (size - 1);
                return this;
            }
            for (int i = 0; i < Math.min(size, 64); i++) {
                if (order[i] == field) {
                    echoes |= 1L << i;
                    break;
                }
            }
        }
        return this;
    }

    /** True when the value at position {@code i} is an echo ({@link #markEcho}). */
    public boolean echoAt(int i) {
        return i < 64 && (echoes >>> i & 1) != 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        Iterator<Field> it = fields().iterator();
        while (it.hasNext()) {
            Field f = it.next();
            Object v = get(f);
            sb.append(f.name()).append('=').append(v instanceof String[] a ? Arrays.toString(a) : v);
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
        return sb.append('}').toString();
    }
}
