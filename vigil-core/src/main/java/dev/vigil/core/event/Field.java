package dev.vigil.core.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A field name interned to an integer slot, so events store values in arrays and compiled rules look
 * them up by index instead of hashing strings per event. Names are case-sensitive, as Windows event
 * data names are; dialects resolve their own spellings onto these names through alias tables.
 */
public final class Field {

    private static final Map<String, Field> BY_NAME = new ConcurrentHashMap<>();
    private static final List<Field> BY_SLOT = new ArrayList<>();
    /** The number of fields, readable without a lock: every event reads it when it is created. */
    private static volatile int count;

    /**
     * The name a predicate uses to test every field of an event at once (a keyword search, such as Sigma's
     * keyword lists or a bare SPL term): the predicate holds when any value of any present field passes.
     */
    public static final String ANY_NAME = "*";

    private final String name;
    private final int slot;
    /** Held, not compared: plans ask it of every field of every event. */
    private final boolean any;

    private Field(String name, int slot) {
        this.name = name;
        this.slot = slot;
        this.any = ANY_NAME.equals(name);
    }

    /** The field with this name, interned on first use. */
    public static Field of(String name) {
        Field f = BY_NAME.get(name);
        return f != null ? f : intern(name);
    }

    private static synchronized Field intern(String name) {
        return BY_NAME.computeIfAbsent(name, n -> {
            Field f = new Field(n, BY_SLOT.size());
            BY_SLOT.add(f);
            count = BY_SLOT.size();
            return f;
        });
    }

    /** How many fields exist now: events size their slot arrays from this. */
    public static int count() {
        return count;
    }

    /** True for the {@link #ANY_NAME} pseudo-field. */
    public boolean isAny() {
        return any;
    }

    public String name() {
        return name;
    }

    public int slot() {
        return slot;
    }

    @Override
    public String toString() {
        return name;
    }
}
