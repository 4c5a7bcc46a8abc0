package dev.vigil.core.stage;

import dev.vigil.core.engine.CompiledQuery;
import dev.vigil.core.engine.Detection;
import dev.vigil.core.engine.Hit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns hits into detections. A hit of a query without stages is a detection at once; a hit of a query
 * with stages becomes a row that flows through them, and the rows they emit (at once for streaming
 * stages, at {@link #finish} for aggregations) become row detections listing the events that formed them.
 * The command line feeds every hit of a batch, then calls {@link #finish}; each query keeps its own state
 * from {@code stateFactory}. Not thread-safe: feed it from one thread, in input order.
 */
public final class StageRunner {

    private final Supplier<StageState> stateFactory;
    private final Map<CompiledQuery, StagePipeline> pipelines = new IdentityHashMap<>();
    private final List<CompiledQuery> order = new ArrayList<>();
    private Consumer<Detection> out;

    public StageRunner() {
        this(MemoryStageState::new);
    }

    public StageRunner(Supplier<StageState> stateFactory) {
        this.stateFactory = stateFactory;
    }

    /** Feeds one hit; detections it completes go to {@code sink}. */
    public void accept(Hit hit, Consumer<Detection> sink) {
        CompiledQuery q = hit.query();
        if (!q.query().hasStages()) {
            sink.accept(Detection.of(hit));
            return;
        }
        out = sink;
        pipeline(q).accept(Row.of(hit.event()));
    }

    private StagePipeline pipeline(CompiledQuery q) {
        StagePipeline p = pipelines.get(q);
        if (p == null) {
            p = new StagePipeline(q.query().stages(), stateFactory,
                    row -> out.accept(new Detection(q.analytic(), q.implementation(), null, row.values(),
                            row.sources(), row.timeMillis(), row.host())));
            pipelines.put(q, p);
            order.add(q);
        }
        return p;
    }

    /** Ends the input: every query's blocking stages emit their rows, queries in first-hit order. */
    public void finish(Consumer<Detection> sink) {
        out = sink;
        for (CompiledQuery q : order) {
            pipelines.get(q).finish();
        }
        pipelines.clear();
        order.clear();
    }
}
