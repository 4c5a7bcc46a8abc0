package dev.vigil.core.stage;

import java.util.function.Consumer;

/**
 * One step after a query's event filter, working on rows (SPL {@code | rename}, {@code | stats},
 * {@code | search} on results, {@code | convert}, ...). A streaming stage emits while it reads; a
 * blocking one (an aggregation) keeps what it needs in the {@link StageState} and emits in
 * {@link #finish}. Stages are immutable and engine-neutral: the command line and a stream runtime run the
 * same objects with their own state.
 */
public interface Stage {

    /** What the stage does, in the author's terms, for explain output. */
    String describe();

    void accept(Row row, StageState state, Consumer<Row> out);

    /** Called once at the end of the input (or of a window); a blocking stage emits its rows here. */
    default void finish(StageState state, Consumer<Row> out) {
    }
}
