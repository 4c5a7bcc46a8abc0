package dev.vigil.core.stage;

import java.util.function.Supplier;

/**
 * Where a stage keeps what it has seen so far, keyed by a group key. The command line keeps it in memory
 * for one batch ({@link MemoryStageState}); a stream runtime backs it with its keyed state. Stages never
 * hold state in their own fields, so one stage object serves every key and every worker.
 */
public interface StageState {

    /** The value under {@code key}, created by {@code initial} when absent. */
    <T> T computeIfAbsent(Object key, Supplier<T> initial);

    /** Every key with a value, in the order the keys were first seen. */
    Iterable<Object> keys();

    <T> T get(Object key);

    void clear();
}
