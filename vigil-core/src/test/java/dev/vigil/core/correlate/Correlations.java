package dev.vigil.core.correlate;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.analytic.Risk;
import dev.vigil.core.engine.CompiledQuery;
import dev.vigil.core.engine.Detection;
import dev.vigil.core.engine.Hit;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixtures: analytics, correlations over them, and events of a given rule at a given minute. */
final class Correlations {

    static final long MINUTE = 60_000;

    private Correlations() {
    }

    static Analytic analytic(String id) {
        Implementation impl = new Implementation(id, "sigma", "", "sigma", "", new QuerySource(id + ".yml", 1, 1, 0));
        return new Analytic(id, id, "", List.of(), List.of(), List.of(), Risk.UNKNOWN, List.of(), List.of(),
                List.of(impl), id + ".yml");
    }

    static Correlation of(CorrelationType type, List<String> rules, List<String> groupBy, long spanMinutes,
                          CountCondition condition) {
        return new Correlation(analytic("corr"), type, rules, groupBy, Map.of(), spanMinutes * MINUTE, condition,
                type == CorrelationType.VALUE_COUNT ? "TargetUserName" : null, false);
    }

    static Hit hit(String rule, long millis, String host, String user, long record) {
        CanonicalEvent e = new CanonicalEvent(new Origin("events.json", record, record))
                .put("Computer", host).put("TargetUserName", user).timeMillis(millis).host(host);
        Analytic a = analytic(rule);
        Query q = new Query(rule, null, null);
        return new Hit(a, a.implementations().get(0), new CompiledQuery(a, a.implementations().get(0), q, null), e);
    }

    /** Every detection a batch run reports for the hits, in the order given. */
    static List<Detection> run(CorrelationSet set, List<Hit> hits) {
        CorrelationRunner runner = new CorrelationRunner(set);
        List<Detection> out = new ArrayList<>();
        for (Hit h : hits) {
            runner.accept(h, own -> { });
        }
        runner.finish(out::add);
        return out;
    }
}
