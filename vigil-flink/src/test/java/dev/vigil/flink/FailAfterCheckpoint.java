package dev.vigil.flink;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Passes events through and fails the job once: when the first checkpoint taken after it has seen events
 * completes. The flag is static because the restarted task is a new instance in the same JVM (MiniCluster),
 * and it must not fail again.
 */
final class FailAfterCheckpoint implements MapFunction<RawInput, RawInput>, CheckpointedFunction, CheckpointListener {

    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private long seen;
    private long armedAt = -1;

    static void reset() {
        FAILED.set(false);
    }

    static boolean failed() {
        return FAILED.get();
    }

    @Override
    public RawInput map(RawInput in) {
        seen++;
        return in;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        if (seen > 0 && armedAt < 0) {
            armedAt = context.getCheckpointId();
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (armedAt >= 0 && checkpointId >= armedAt && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("deliberate failure after checkpoint " + checkpointId);
        }
    }
}
