package dev.vigil.cli;

import dev.vigil.core.analytic.Query;
import dev.vigil.core.engine.CompiledQuery;
import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.engine.ReferenceInterpreter;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.run.RunSummary;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.ImplementationStatus;
import dev.vigil.dialects.catalog.LoadedAnalytic;
import dev.vigil.dialects.catalog.LoadedImplementation;
import dev.vigil.formats.InputReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Corpus events (the EVTX attack samples and the OTRF JSON) against every SigmaHQ Windows rule: the
 * optimised engine, matching them in batches as a hunt does, gives exactly the reference interpreter's hits,
 * in the same order. The reference is
 * slow, so {@code mvn verify} checks a deterministic sample (every {@value #DEFAULT_STRIDE}th event, at most
 * {@value #DEFAULT_LIMIT} events); {@code -Dvigil.equivalence.full=true} checks every event.
 */
class OptimisedMatchesReferenceOnCorpusTest {

    static final int DEFAULT_STRIDE = 45;
    static final int DEFAULT_LIMIT = 7000;
    static final int BATCH = 100;

    @Test
    void everySigmaHqWindowsRuleGivesTheReferenceHitsOnCorpusEvents() {
        Path rules = CliRun.CORPUS.resolve("rules/SigmaHQ-sigma/rules/windows");
        assumeTrue(Files.isDirectory(rules), "corpus absent: " + rules);
        boolean full = Boolean.getBoolean("vigil.equivalence.full");
        int stride = full ? 1 : DEFAULT_STRIDE;
        long limit = full ? Long.MAX_VALUE : DEFAULT_LIMIT;

        Catalog catalog = new Catalog().loadPaths(List.of(rules.toString()));
        CompiledRuleSet.Builder b = CompiledRuleSet.builder();
        int n = 0;
        for (LoadedAnalytic a : catalog.analytics()) {
            for (LoadedImplementation i : a.implementations()) {
                if (i.status() == ImplementationStatus.RUNS) {
                    for (Query q : i.queries()) {
                        b.add(a.analytic(), i.implementation(), q);
                        n++;
                    }
                }
            }
        }
        assertThat(n).isGreaterThan(2000);
        CompiledRuleSet set = b.build();

        List<String> inputs = List.of(
                CliRun.CORPUS.resolve("sbousseaden-EVTX-ATTACK-SAMPLES").toString(),
                CliRun.CORPUS.resolve("Yamato-Security-hayabusa-sample-evtx").toString(),
                CliRun.CORPUS.resolve("sans-blue-team-DeepBlueCLI").toString(),
                CliRun.CORPUS.resolve("OTRF-Security-Datasets").toString());
        long[] seen = {0};
        long[] checked = {0};
        long[] hits = {0};
        List<String> mismatches = new ArrayList<>();
        List<CanonicalEvent> sample = new ArrayList<>();
        new InputReader(new RunSummary(), p -> { }).derive(catalog.fieldsUsed()).read(inputs, ev -> {
            if (seen[0]++ % stride != 0 || checked[0] >= limit) {
                return;
            }
            checked[0]++;
            sample.add(ev);
        });
        // Matched in batches, as a hunt matches them (the slices mix event classes).
        for (int from = 0; from < sample.size(); from += BATCH) {
            CanonicalEvent[] batch = sample.subList(from, Math.min(sample.size(), from + BATCH)).toArray(new CanonicalEvent[0]);
            Map<CanonicalEvent, List<CompiledQuery>> got = new IdentityHashMap<>();
            set.match(batch, 0, batch.length, h -> got.computeIfAbsent((CanonicalEvent) h.event(), e -> new ArrayList<>()).add(h.query()));
            for (CanonicalEvent ev : batch) {
                List<CompiledQuery> mine = got.getOrDefault(ev, List.of());
                List<CompiledQuery> want = reference(set, ev);
                hits[0] += want.size();
                if (!mine.equals(want) && mismatches.size() < 10) {
                    mismatches.add(ev.origin() + ": optimised " + titles(mine) + " reference " + titles(want));
                }
            }
        }
        System.out.printf("corpus equivalence: %d queries, %d of %d events checked (stride %d), %d hits%n",
                n, checked[0], seen[0], stride, hits[0]);
        assertThat(checked[0]).isGreaterThan(1000);
        assertThat(hits[0]).as("the sample exercises matches").isGreaterThan(0);
        assertThat(mismatches).isEmpty();
    }

    private static List<CompiledQuery> reference(CompiledRuleSet set, CanonicalEvent ev) {
        List<CompiledQuery> out = new ArrayList<>();
        for (CompiledQuery q : set.queries()) {
            if (q.query().scope().contains(ev.eventClass()) && ReferenceInterpreter.eval(q.query().filter(), ev)) {
                out.add(q);
            }
        }
        return out;
    }

    private static List<String> titles(List<CompiledQuery> qs) {
        List<String> out = new ArrayList<>();
        for (CompiledQuery q : qs) {
            out.add(q.analytic().title());
        }
        return out;
    }
}
