package dev.vigil.core.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stage state in a hash map, for a batch run over a bounded input. Not thread-safe: one per query run.
 * A stream runtime extends it over the map it loads from and saves to its keyed state.
 */
public class MemoryStageState implements StageState {

    private final Map<Object, Object> values;

    public MemoryStageState() {
        this(new LinkedHashMap<>());
    }

    /** State over {@code values}, which it reads and changes in place. */
    protected MemoryStageState(Map<Object, Object> values) {
        this.values = values;
    }

    /** The map the state lives in, for a runtime that saves it. */
    protected final Map<Object, Object> values() {
        return values;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> initial) {
        return (T) values.computeIfAbsent(key, k -> initial.get());
    }

    @Override
    public Iterable<Object> keys() {
        return new ArrayList<>(values.keySet());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object key) {
        return (T) values.get(key);
    }

    @Override
    public void clear() {
        values.clear();
    }
}
