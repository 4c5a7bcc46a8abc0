package dev.vigil.flink;

import dev.vigil.core.stage.StageState;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.Supplier;

/**
 * The {@link StageState} of one Flink key: the values a stage or window keeps for that key, loaded from and
 * saved back to the keyed state around each call, so core stages run unchanged on Flink.
 */
final class KeyedStageState implements StageState {

    private final LinkedHashMap<Object, Object> values;

    private KeyedStageState(LinkedHashMap<Object, Object> values) {
        this.values = values;
    }

    static KeyedStageState load(byte[] bytes) {
        return new KeyedStageState(bytes == null ? new LinkedHashMap<>() : StateBytes.read(bytes));
    }

    byte[] save() {
        return values.isEmpty() ? null : StateBytes.of((Serializable) values);
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
