package dev.vigil.flink;

import dev.vigil.core.stage.MemoryStageState;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * The {@link StageState} of one Flink key: the values a stage or window keeps for that key, loaded from and
 * saved back to the keyed state around each call, so core stages run unchanged on Flink.
 */
final class KeyedStageState extends MemoryStageState {

    private KeyedStageState(LinkedHashMap<Object, Object> values) {
        super(values);
    }

    static KeyedStageState load(byte[] bytes) {
        return new KeyedStageState(bytes == null ? new LinkedHashMap<>() : StateBytes.read(bytes));
    }

    byte[] save() {
        return values().isEmpty() ? null : StateBytes.of((Serializable) values());
    }

    /** Forgets one window or group; Flink-side cleanup needs it, the core stages never drop a single key. */
    void remove(Object key) {
        values().remove(key);
    }
}
