package dev.vigil.core.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The stages of one query chained together, each with its own state. One per query run. */
public final class StagePipeline {

    private final List<Stage> stages;
    private final List<StageState> states = new ArrayList<>();
    private final Consumer<Row> sink;

    public StagePipeline(List<Stage> stages, Supplier<StageState> stateFactory, Consumer<Row> sink) {
        this.stages = List.copyOf(stages);
        for (int i = 0; i < this.stages.size(); i++) {
            states.add(stateFactory.get());
        }
        this.sink = sink;
    }

    public void accept(Row row) {
        push(0, row);
    }

    private void push(int index, Row row) {
        if (index == stages.size()) {
            sink.accept(row);
            return;
        }
        stages.get(index).accept(row, states.get(index), r -> push(index + 1, r));
    }

    /** Ends the input: each stage in turn flushes into the ones after it. */
    public void finish() {
        for (int i = 0; i < stages.size(); i++) {
            int next = i + 1;
            stages.get(i).finish(states.get(i), r -> push(next, r));
            states.get(i).clear();
        }
    }
}
