package dev.vigil.flink;

import dev.vigil.core.correlate.CorrelationSet;
import dev.vigil.core.engine.CompiledQuery;
import dev.vigil.core.engine.Detection;
import dev.vigil.core.stage.Aggregate;
import dev.vigil.core.stage.MemoryStageState;
import dev.vigil.core.stage.Row;
import dev.vigil.core.stage.Stage;
import dev.vigil.core.stage.StagePipeline;
import dev.vigil.core.correlate.Observation;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.ArrayList;
import java.util.List;

/**
 * The keyed half of the job: per key (one aggregation group, or one correlation group) it keeps the core
 * state in Flink keyed state and drives it by event-time timers.
 * <ul>
 *   <li>Aggregation rows are added as they come; the group emits when the input ends (the final watermark),
 *   as {@code stats} does at the end of a CLI run. The stages after the aggregation then run on its rows.</li>
 *   <li>Correlation observations wait until the watermark passes their time plus the allowed lateness, then
 *   enter the window in event-time order, so out-of-order input within those bounds gives the CLI's answer.
 *   An observation that arrives after that point is late: counted ({@code vigilLateEvents}) and sent to
 *   {@link #LATE}, never silently dropped.</li>
 * </ul>
 * A fired correlation that another correlation chains on goes to {@link #CHAINED} for the next level.
 */
final class WindowStages extends KeyedProcessFunction<String, Finding, String> {

    static final OutputTag<String> LATE = new OutputTag<>("late") {
    };
    static final OutputTag<Finding> CHAINED = new OutputTag<>("chained") {
    };

    private final RuleDocuments documents;
    private final long allowedLateness;
    private transient RuleDocuments.Loaded loaded;
    private transient ValueState<byte[]> state;
    private transient ListState<byte[]> pending;
    private transient ValueState<Integer> kind;
    private transient Counter late;

    WindowStages(RuleDocuments documents, long allowedLateness) {
        this.documents = documents;
        this.allowedLateness = allowedLateness;
    }

    @Override
    public void open(OpenContext context) {
        loaded = documents.load();
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("state",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        kind = getRuntimeContext().getState(new ValueStateDescriptor<>("kind", Integer.class));
        late = getRuntimeContext().getMetricGroup().counter("vigilLateEvents");
    }

    @Override
    public void processElement(Finding f, Context ctx, Collector<String> out) throws Exception {
        if (f.kind == Finding.ROW) {
            kind.update(f.index);
            KeyedStageState s = KeyedStageState.load(state.value());
            aggregate(f.index).accept(GroupRows.row(f.payload), s, r -> { });
            state.update(s.save());
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            return;
        }
        kind.update(-1);
        long due = f.time + allowedLateness;
        if (due < ctx.timerService().currentWatermark()) {
            late.inc();
            CorrelationSet.Keyed k = StateBytes.read(f.payload);
            ctx.output(LATE, "{\"late\":{\"correlation\":\"" + loaded.correlations().get(f.index).analytic().id()
                    + "\",\"time\":" + f.time + ",\"sources\":\"" + k.observation().sources() + "\"}}");
            return;
        }
        pending.add(f.payload);
        ctx.timerService().registerEventTimeTimer(due);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        Integer k = kind.value();
        if (k != null && k >= 0) {
            finishAggregation(k, out);
            return;
        }
        List<CorrelationSet.Keyed> ready = new ArrayList<>();
        List<byte[]> later = new ArrayList<>();
        for (byte[] b : pending.get()) {
            CorrelationSet.Keyed o = StateBytes.read(b);
            if (o.observation().timeMillis() + allowedLateness <= timestamp) {
                ready.add(o);
            } else {
                later.add(b);
            }
        }
        pending.update(later);
        ready.sort((a, b) -> Observation.TIME_ORDER.compare(a.observation(), b.observation()));
        CorrelationSet set = loaded.correlations();
        KeyedStageState s = KeyedStageState.load(state.value());
        for (CorrelationSet.Keyed o : ready) {
            Detection fired = set.offer(s, o);
            if (fired == null) {
                continue;
            }
            if (set.reportsOwn(fired.analytic().id())) {
                out.collect(DetectionLines.of(fired));
            }
            for (CorrelationSet.Keyed outer : set.observe(fired)) {
                ctx.output(CHAINED, MatchEvents.observation(outer, 1));
            }
        }
        state.update(s.save());
    }

    private Aggregate aggregate(int query) {
        List<Stage> stages = loaded.query(query).query().stages();
        return (Aggregate) stages.get(MatchEvents.firstAggregate(stages));
    }

    private void finishAggregation(int query, Collector<String> out) throws Exception {
        CompiledQuery q = loaded.query(query);
        List<Stage> stages = q.query().stages();
        int split = MatchEvents.firstAggregate(stages);
        StagePipeline after = new StagePipeline(stages.subList(split + 1, stages.size()), MemoryStageState::new,
                r -> out.collect(DetectionLines.of(new Detection(q.analytic(), q.implementation(), null, r.values(),
                        r.sources(), r.timeMillis(), r.host()))));
        KeyedStageState s = KeyedStageState.load(state.value());
        ((Aggregate) stages.get(split)).finish(s, after::accept);
        after.finish();
        state.clear();
    }
}
