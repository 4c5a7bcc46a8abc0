package dev.vigil.flink;

import dev.vigil.core.correlate.CorrelationKey;
import dev.vigil.core.correlate.CorrelationSet;
import dev.vigil.core.correlate.CorrelationWindow;
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
 *
 * <p>A window that has not fired is kept only while a future event could still fall inside it: an event-time
 * timer at its newest event plus the timespan plus the allowed lateness removes it, and the key's state goes
 * once nothing is left, so idle groups do not stay in keyed state forever.
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
    private transient ListState<Finding> pending;
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
        // whole findings, so a timer sees each one's time without deserialising its payload
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", Finding.class));
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
            ctx.output(LATE, DetectionLines.late(loaded.correlations().get(f.index).analytic().id(), k.observation()));
            return;
        }
        pending.add(f);
        ctx.timerService().registerEventTimeTimer(due);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        Integer k = kind.value();
        if (k != null && k >= 0) {
            finishAggregation(k, out);
            return;
        }
        // Everything due by the watermark goes now, not only what is due by this timer: when the watermark
        // jumps (at the end of files it goes straight to the end of time) the first timer drains the key in
        // one sorted pass and the rest find nothing, instead of each timer rescanning what is left.
        long now = Math.max(timestamp, ctx.timerService().currentWatermark());
        List<CorrelationSet.Keyed> ready = new ArrayList<>();
        List<Finding> later = new ArrayList<>();
        for (Finding f : pending.get()) {
            if (f.time + allowedLateness <= now) {
                ready.add(StateBytes.read(f.payload));
            } else {
                later.add(f);
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
        expire(s, now, ctx);
        state.update(s.save());
        if (state.value() == null && !pending.get().iterator().hasNext()) {
            kind.clear();
        }
    }

    /**
     * Drops the windows no accepted event can reach any more and arms a timer for the rest. Events later than
     * the watermark minus the allowed lateness are refused as late, so past {@code expiresAfter + lateness}
     * every event that could still come is more than a timespan after the window's newest one.
     */
    private void expire(KeyedStageState s, long now, OnTimerContext ctx) {
        CorrelationSet set = loaded.correlations();
        for (Object key : s.keys()) {
            CorrelationWindow w = s.get(key);
            long reachable = w.expiresAfter(set.get(((CorrelationKey) key).correlation())) + allowedLateness;
            if (w.isEmpty() || reachable < now) {
                s.remove(key);
            } else {
                ctx.timerService().registerEventTimeTimer(reachable + 1);
            }
        }
    }

    /** Events refused as late since this instance opened (what {@code vigilLateEvents} counts). */
    long lateEvents() {
        return late.getCount();
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
        kind.clear();
    }
}
