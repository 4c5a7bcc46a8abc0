package dev.vigil.core.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Stage state in a hash map, for a batch run over a bounded input. Not thread-safe: one per query run. */
public final class MemoryStageState implements StageState {

    private final Map<Object, Object> values = new LinkedHashMap<>();

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
