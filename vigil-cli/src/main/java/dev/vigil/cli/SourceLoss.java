package dev.vigil.cli;

import dev.vigil.core.analytic.Query;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.ImplementationStatus;
import dev.vigil.dialects.catalog.LoadedAnalytic;
import dev.vigil.dialects.catalog.LoadedImplementation;
import dev.vigil.dialects.sigma.DeclaredLoss;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code vigil lint --sources}: what each runnable query loses on each event source, so that a rule that
 * can never fire on 4688 (it needs {@code OriginalFileName}) is said, not silently quiet.
 */
final class SourceLoss {

    private SourceLoss() {
    }

    /** Prints findings and counts; false when a source name is unknown (the message lists the known ones). */
    static boolean print(PrintStream out, Catalog c, List<String> sources) {
        DeclaredLoss loss = DeclaredLoss.standard();
        for (String s : sources) {
            if (!loss.sourceNames().contains(s)) {
                Vigil.err().println("vigil: error: unknown source '" + s + "'; known: " + String.join(", ", loss.sourceNames()));
                return false;
            }
        }
        Map<String, Map<DeclaredLoss.Level, Long>> counts = new TreeMap<>();
        out.println();
        out.println("declared loss per source:");
        for (LoadedAnalytic a : c.analytics()) {
            for (LoadedImplementation i : a.implementations()) {
                if (i.status() != ImplementationStatus.RUNS) {
                    continue;
                }
                for (Query q : i.queries()) {
                    for (String s : sources) {
                        DeclaredLoss.Verdict v = loss.classify(q, s);
                        counts.computeIfAbsent(s, k -> new TreeMap<>()).merge(v.level(), 1L, Long::sum);
                        if (v.level() != DeclaredLoss.Level.EXACT && q.scope().selectors().stream()
                                .anyMatch(sel -> sel.category() != null)) {
                            out.printf("%s: %s[loss/%s]: %s on %s: %s%n", i.implementation().source().at(1, 1),
                                    v.level() == DeclaredLoss.Level.IMPOSSIBLE ? "warning" : "note",
                                    v.level().name().toLowerCase(Locale.ROOT), a.analytic().id(), s, v.reason());
                        }
                    }
                }
            }
        }
        counts.forEach((s, m) -> out.printf(Locale.ROOT, "  %-10s exact %,d, degraded %,d, impossible %,d%n", s,
                m.getOrDefault(DeclaredLoss.Level.EXACT, 0L), m.getOrDefault(DeclaredLoss.Level.DEGRADED, 0L),
                m.getOrDefault(DeclaredLoss.Level.IMPOSSIBLE, 0L)));
        return true;
    }
}
