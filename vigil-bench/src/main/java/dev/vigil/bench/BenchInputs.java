package dev.vigil.bench;

import dev.vigil.core.analytic.Query;
import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.engine.Optimisations;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.run.RunSummary;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.ImplementationStatus;
import dev.vigil.dialects.catalog.LoadedAnalytic;
import dev.vigil.dialects.catalog.LoadedImplementation;
import dev.vigil.formats.InputReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rule sets and pre-decoded events from the shared corpus, as every benchmark loads them. */
final class BenchInputs {

    static final Path CORPUS = Path.of(System.getProperty("vigil.corpus", "../shared/corpus")).toAbsolutePath().normalize();

    private BenchInputs() {
    }

    /** {@code seed}: the built-in analytics; {@code sigma}: every SigmaHQ Windows rule. */
    static Catalog catalog(String rules) {
        if (rules.equals("seed")) {
            return new Catalog().loadBuiltin(BenchInputs.class.getClassLoader());
        }
        Path dir = CORPUS.resolve("rules/SigmaHQ-sigma/rules/windows");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("corpus absent: " + dir + " (set -Dvigil.corpus)");
        }
        return new Catalog().loadPaths(List.of(dir.toString()));
    }

    static CompiledRuleSet compile(Catalog catalog, Optimisations o) {
        CompiledRuleSet.Builder b = CompiledRuleSet.builder().optimisations(o);
        for (LoadedAnalytic a : catalog.analytics()) {
            for (LoadedImplementation i : a.implementations()) {
                if (i.status() == ImplementationStatus.RUNS) {
                    for (Query q : i.queries()) {
                        b.add(a.analytic(), i.implementation(), q);
                    }
                }
            }
        }
        return b.build();
    }

    /**
     * The corpus EVTX attack samples, decoded and normalized. {@code process}: only Sysmon 1 and Security
     * 4688 events (the process-creation events most rules target); {@code sysmon}: every Sysmon event and
     * the Security 4688 events; {@code all}: every event.
     */
    static List<CanonicalEvent> events(String which, Catalog catalog) {
        List<CanonicalEvent> out = new ArrayList<>();
        new InputReader(new RunSummary(), p -> { }).derive(catalog.fieldsUsed())
                .read(List.of(CORPUS.resolve("sbousseaden-EVTX-ATTACK-SAMPLES").toString()), e -> {
                    if (which.equals("all") || "process_creation".equals(e.eventClass().category())
                            || which.equals("sysmon") && "sysmon".equals(e.eventClass().service())) {
                        out.add(e);
                    }
                });
        if (out.isEmpty()) {
            throw new IllegalStateException("no events read from the corpus at " + CORPUS);
        }
        return out;
    }
}
