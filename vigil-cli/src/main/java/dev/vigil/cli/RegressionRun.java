package dev.vigil.cli;

import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.event.Event;
import dev.vigil.core.run.RunSummary;
import dev.vigil.dialects.DialectSettings;
import dev.vigil.dialects.sigma.SigmaDialect;
import dev.vigil.dialects.sigma.regression.RegressionCase;
import dev.vigil.dialects.sigma.regression.RegressionSuite;
import dev.vigil.formats.InputReader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * SigmaHQ's regression layout in {@code vigil test}: folders of {@code info.yml} naming a rule, with the
 * logs ({@code .evtx}, or the {@code .json} rendering) on which that rule must fire.
 */
final class RegressionRun {

    private RegressionRun() {
    }

    /** True when {@code dir} holds regression cases (an {@code info.yml} with {@code rule_metadata} below it). */
    static boolean isRegressionData(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(dir, 8)) {
            return s.filter(p -> p.getFileName().toString().equals("info.yml")).limit(1).anyMatch(p -> {
                try {
                    return Files.readString(p).contains("rule_metadata:");
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Where the rules are when not given: SigmaHQ keeps regression_data beside its rule folders. */
    static Path defaultRules(Path regressionData) {
        Path abs = regressionData.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            // A SigmaHQ checkout keeps rules/ beside regression_data/ (never inside the cases themselves).
            if (!p.equals(abs) && Files.isDirectory(p.resolve("rules")) && !abs.startsWith(p.resolve("rules"))) {
                return p.resolve("rules");
            }
            Path sibling = p.resolveSibling("rules").resolve(p.getFileName() == null ? "" : p.getFileName().toString());
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        return null;
    }

    /** Runs every case; returns {passed, failed}. */
    static long[] run(PrintStream out, Path data, Path rules, DialectSettings settings, boolean verbose) {
        Diagnostics d = new Diagnostics();
        List<RegressionCase> cases = RegressionCase.find(data, d);
        d.all().forEach(x -> out.println(x.render()));
        InputReader reader = new InputReader(new RunSummary(), p -> out.println("          " + p.render()));
        RegressionSuite suite = new RegressionSuite(RegressionSuite.indexRules(rules),
                new SigmaDialect(settings.sigmaPlaceholders(), settings.sigmaFilters()), log -> {
                    List<Event> events = new ArrayList<>();
                    reader.read(List.of(log.toString()), events::add);
                    return events;
                });
        out.printf("SigmaHQ regression cases in %s (rules from %s)%n", data, rules);
        long passed = 0;
        long failed = d.all().size();
        for (RegressionCase c : cases) {
            RegressionSuite.Result r = suite.run(c);
            if (r.outcome() == RegressionSuite.Outcome.PASS) {
                passed++;
                if (verbose) {
                    out.printf("    pass  %s  %s (%d of %d events)%n", c.ruleId(), c.ruleTitle(), r.matched(), r.events());
                }
            } else {
                failed++;
                out.printf("    FAIL  %s  %s: %s — %s%n", c.ruleId(), c.ruleTitle(), r.outcome(), r.why());
                out.printf("          case %s%n", c.folder());
            }
        }
        out.printf("  %d/%d regression cases passed%n", passed, cases.size());
        return new long[] {passed, failed};
    }

}
