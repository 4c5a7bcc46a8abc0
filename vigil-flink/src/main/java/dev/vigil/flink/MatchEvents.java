package dev.vigil.flink;

import dev.vigil.core.correlate.CorrelationSet;
import dev.vigil.core.engine.CompiledQuery;
import dev.vigil.core.engine.Detection;
import dev.vigil.core.engine.Hit;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.run.RunSummary;
import dev.vigil.core.stage.Aggregate;
import dev.vigil.core.stage.MemoryStageState;
import dev.vigil.core.stage.Row;
import dev.vigil.core.stage.Stage;
import dev.vigil.core.stage.StagePipeline;
import dev.vigil.formats.InputReader;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes and normalises input (with the CLI's reader, so any format it knows works), matches each event
 * against the compiled rules, and routes each hit: a plain detection goes straight out as JSON on
 * {@link #DETECTIONS}; a hit of a query with an aggregation becomes a {@link Finding} row keyed by its group;
 * a hit of a correlated rule becomes one observation per window it belongs to. The rule set is built in
 * {@code open()} from the shipped documents.
 */
final class MatchEvents extends ProcessFunction<RawInput, Finding> {

    static final OutputTag<String> DETECTIONS = new OutputTag<>("detections") {
    };

    private final RuleDocuments documents;
    private transient RuleDocuments.Loaded loaded;
    private transient InputReader reader;
    private transient Map<CompiledQuery, Integer> queryIndex;
    private transient Map<CompiledQuery, StagePipeline> leadingStages;
    private transient Counter inputProblems;
    private transient Counter untimed;

    MatchEvents(RuleDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void open(OpenContext context) {
        loaded = documents.load();
        inputProblems = getRuntimeContext().getMetricGroup().counter("vigilInputProblems");
        untimed = getRuntimeContext().getMetricGroup().counter("vigilUntimedCorrelatedEvents");
        reader = new InputReader(new RunSummary(), p -> inputProblems.inc()).derive(loaded.catalog().fieldsUsed());
        queryIndex = new IdentityHashMap<>();
        for (int i = 0; i < loaded.rules().queries().size(); i++) {
            queryIndex.put(loaded.rules().queries().get(i), i);
        }
        leadingStages = new IdentityHashMap<>();
    }

    @Override
    public void processElement(RawInput in, Context ctx, Collector<Finding> out) {
        List<CanonicalEvent> events = new ArrayList<>();
        if (in.content == null) {
            reader.read(List.of(in.path), events::add);
        } else {
            reader.readContent(in.path, in.content, events::add);
        }
        for (CanonicalEvent e : events) {
            loaded.rules().match(e, hit -> route(hit, ctx, out));
        }
    }

    private void route(Hit hit, Context ctx, Collector<Finding> out) {
        CorrelationSet correlations = loaded.correlations();
        String id = hit.analytic().id();
        if (correlations.counts(id)) {
            if (hit.event().timeMillis() == Long.MIN_VALUE) {
                untimed.inc();
            } else {
                for (CorrelationSet.Keyed k : correlations.observe(id, hit.event())) {
                    out.collect(observation(k, 0));
                }
            }
        }
        if (!correlations.reportsOwn(id)) {
            return;
        }
        if (!hit.query().query().hasStages()) {
            ctx.output(DETECTIONS, DetectionLines.of(Detection.of(hit)));
            return;
        }
        leading(hit.query()).accept(Row.of(hit.event()));
        // the pipeline's sink (below) has emitted the rows; nothing else to do here
        pendingOut.forEach(r -> rows(hit.query(), r, ctx, out));
        pendingOut.clear();
    }

    private final List<Row> pendingOut = new ArrayList<>();

    /** The streaming stages before a query's first aggregation run here, per event; the rest run keyed. */
    private StagePipeline leading(CompiledQuery q) {
        return leadingStages.computeIfAbsent(q, k -> {
            List<Stage> stages = k.query().stages();
            int split = firstAggregate(stages);
            return new StagePipeline(stages.subList(0, split), MemoryStageState::new, pendingOut::add);
        });
    }

    static int firstAggregate(List<Stage> stages) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) instanceof Aggregate) {
                return i;
            }
        }
        return stages.size();
    }

    private void rows(CompiledQuery q, Row row, Context ctx, Collector<Finding> out) {
        List<Stage> stages = q.query().stages();
        int split = firstAggregate(stages);
        int index = queryIndex.get(q);
        if (split == stages.size()) {
            // no aggregation: the row is final
            ctx.output(DETECTIONS, DetectionLines.of(new Detection(q.analytic(), q.implementation(), null,
                    row.values(), row.sources(), row.timeMillis(), row.host())));
            return;
        }
        for (Row one : GroupRows.split((Aggregate) stages.get(split), row)) {
            out.collect(new Finding(Finding.ROW, index, 0, "q" + index + GroupRows.key((Aggregate) stages.get(split), one),
                    row.timeMillis(), GroupRows.bytes(one)));
        }
    }

    static Finding observation(CorrelationSet.Keyed k, int level) {
        return new Finding(Finding.OBSERVATION, k.key().correlation(), level,
                "c" + k.key().correlation() + "\u0000" + String.join("\u0000", k.key().group()),
                k.observation().timeMillis(), StateBytes.of(k));
    }
}
