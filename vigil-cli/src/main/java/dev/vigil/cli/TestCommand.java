package dev.vigil.cli;

import dev.vigil.core.analytic.Query;
import dev.vigil.core.analytic.TestCase;
import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.engine.Detection;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.stage.StageRunner;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.ImplementationStatus;
import dev.vigil.dialects.catalog.LoadedAnalytic;
import dev.vigil.dialects.catalog.LoadedImplementation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vigil test}: runs the offline tests analytics carry, per implementation, without a SIEM. Each
 * test × implementation is one check; the run ends with {@code N passed, M failed}.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs the tests of analytics (Vigil analytic files, and tests-only documents for analytics "
                + "loaded from elsewhere) against every implementation, and reports what passed and failed with the "
                + "event and the reason.", "With no PATH, tests the built-in analytics."},
        footer = {"", "Exit codes: 0 every check passed, 1 a check failed, 2 bad usage or no test found."})
public final class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "analytic files or directories")
    List<String> paths = new ArrayList<>();

    @Option(names = "--no-builtin", description = "do not test the built-in analytics (implied when PATHs are given)")
    boolean noBuiltin;

    @Option(names = "--builtin", description = "also test the built-in analytics when PATHs are given")
    boolean builtin;

    @Option(names = "--report", description = "print the quality table: per implementation, true and false "
            + "positives and misses on the tests")
    boolean report;

    @Option(names = {"-v", "--verbose"}, description = "list passing checks too")
    boolean verbose;

    @Option(names = {"-r", "--rules"}, paramLabel = "DIR",
            description = "Sigma rules for SigmaHQ regression cases (default: the rules folder of the SigmaHQ tree "
                    + "the cases sit in)")
    java.nio.file.Path sigmaRules;

    /** Made when the command runs: its reader's normalizers and mapping tables cost every vigil command. */
    private TestEvents testEvents;

    @picocli.CommandLine.Mixin
    DialectOptions dialects;

    @Override
    public Integer call() {
        PrintStream out = Vigil.out();
        Catalog c = dialects.newCatalog();
        if ((paths.isEmpty() && !noBuiltin) || builtin) {
            c.loadBuiltin(TestCommand.class.getClassLoader());
        }
        List<String> analyticPaths = new ArrayList<>();
        List<java.nio.file.Path> regression = new ArrayList<>();
        for (String p : paths) {
            if (RegressionRun.isRegressionData(java.nio.file.Path.of(p))) {
                regression.add(java.nio.file.Path.of(p));
            } else {
                analyticPaths.add(p);
            }
        }
        c.loadPaths(analyticPaths);
        testEvents = new TestEvents();
        testEvents.derive(c.fieldsUsed());
        DiagnosticPrinter.print(Vigil.err(), DiagnosticPrinter.collect(c, dev.vigil.core.diag.Severity.ERROR));
        Map<String, LoadedAnalytic> byId = new LinkedHashMap<>();
        c.analytics().forEach(a -> byId.put(a.analytic().id(), a));
        Map<String, List<TestCase>> tests = new LinkedHashMap<>();
        for (TestCase t : c.tests()) {
            tests.computeIfAbsent(t.analyticId(), k -> new ArrayList<>()).add(t);
        }
        if (tests.isEmpty() && regression.isEmpty()) {
            Vigil.err().println("vigil: error: no tests found" + (paths.isEmpty() ? " in the built-in analytics" : ""));
            return Vigil.USAGE;
        }
        long started = System.nanoTime();
        Tally total = new Tally();
        for (java.nio.file.Path data : regression) {
            java.nio.file.Path rules = sigmaRules != null ? sigmaRules : RegressionRun.defaultRules(data);
            if (rules == null || !java.nio.file.Files.isDirectory(rules)) {
                Vigil.err().println("vigil: error: no Sigma rules for the regression cases in " + data
                        + "; give them with --rules DIR");
                return Vigil.USAGE;
            }
            long[] r = RegressionRun.run(out, data, rules, c.settings(), verbose);
            total.passed += r[0];
            total.failed += r[1];
        }
        List<Quality> quality = new ArrayList<>();
        for (Map.Entry<String, List<TestCase>> e : tests.entrySet()) {
            LoadedAnalytic a = byId.get(e.getKey());
            if (a == null) {
                out.printf("%s: error: tests for '%s', which is not loaded%n", e.getValue().get(0).span(), e.getKey());
                total.failed += e.getValue().size();
                continue;
            }
            out.printf("%s  %s%n", a.analytic().id(), a.analytic().title());
            for (LoadedImplementation impl : a.implementations()) {
                Quality q = runImplementation(out, a, impl, e.getValue(), total);
                if (q != null) {
                    quality.add(q);
                }
            }
        }
        if (report) {
            printQuality(out, quality);
        }
        out.printf(Locale.ROOT, "%ntests ran in %.0f ms%n", (System.nanoTime() - started) / 1e6);
        out.println(total.passed + " passed, " + total.failed + " failed" + (total.skipped > 0 ? ", " + total.skipped
                + " skipped" : ""));
        return total.failed > 0 ? Vigil.DETECTIONS : Vigil.OK;
    }

    private static final class Tally {
        long passed;
        long failed;
        long skipped;
    }

    /** True/false positives and misses of one implementation against the tests' truth. */
    record Quality(String analytic, String implementation, int tp, int fp, int fn, int tn) {
    }

    private Quality runImplementation(PrintStream out, LoadedAnalytic a, LoadedImplementation impl, List<TestCase> cases,
                                      Tally total) {
        String label = cut(impl.implementation().dialect() + ": " + impl.implementation().name(), 44);
        if (impl.status() != ImplementationStatus.RUNS) {
            out.printf("  %-44s skipped: %s (%d tests)%n", label, impl.status().label(), cases.size());
            total.skipped += cases.size();
            return null;
        }
        CompiledRuleSet.Builder b = CompiledRuleSet.builder();
        for (Query q : impl.queries()) {
            b.add(a.analytic(), impl.implementation(), q);
        }
        CompiledRuleSet rules = b.build();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        int passed = 0;
        List<String> lines = new ArrayList<>();
        for (TestCase t : cases) {
            List<String> problems = new ArrayList<>();
            List<CanonicalEvent> events = testEvents.of(t, a.analytic().origin(), problems);
            List<Detection> results = new ArrayList<>();
            StageRunner stages = new StageRunner();
            for (CanonicalEvent ev : events) {
                rules.match(ev, hit -> stages.accept(hit, results::add));
            }
            stages.finish(results::add);
            TestCase.Outcome actual = TestCase.Outcome.of(!results.isEmpty());
            TestCase.Outcome expected = t.expected(impl.implementation());
            String missingRow = missingRow(t, results);
            boolean ok = problems.isEmpty() && actual == expected && missingRow == null;
            boolean truthMatch = t.truth() == TestCase.Outcome.MATCH;
            boolean fired = actual == TestCase.Outcome.MATCH;
            if (truthMatch && fired) {
                tp++;
            } else if (truthMatch) {
                fn++;
            } else if (fired) {
                fp++;
            } else {
                tn++;
            }
            String name = "'" + t.name() + "'" + (t.source() == null ? "" : " [" + t.source() + "]");
            if (ok) {
                passed++;
                total.passed++;
                if (verbose) {
                    lines.add("    pass  " + name + ": " + actual.label() + (expected != t.truth() ? " (known "
                            + (truthMatch ? "miss" : "false positive") + ")" : ""));
                }
            } else {
                total.failed++;
                lines.add("    FAIL  " + name + " at " + t.span() + ": expected " + expected.label() + ", got "
                        + actual.label() + (t.reason() == null ? "" : " — " + t.reason()));
                problems.forEach(p -> lines.add("          " + p));
                if (missingRow != null) {
                    lines.add("          no result row has " + missingRow);
                }
                for (CanonicalEvent ev : events) {
                    lines.add("          event: " + oneLine(ev));
                }
            }
        }
        out.printf("  %-44s %d/%d passed%n", label, passed, cases.size());
        lines.forEach(out::println);
        return new Quality(a.analytic().id(), label, tp, fp, fn, tn);
    }

    // Expected rows are column subsets that some result row must contain.
    private static String missingRow(TestCase t, List<Detection> results) {
        for (Map<String, String> want : t.rows()) {
            boolean found = results.stream().filter(Detection::isRow).anyMatch(d -> want.entrySet().stream()
                    .allMatch(w -> {
                        Object v = d.row().get(w.getKey());
                        return v != null && (v.toString().equals(w.getValue())
                                || (v instanceof List<?> l && l.stream().map(String::valueOf).anyMatch(w.getValue()::equals)));
                    }));
            if (!found) {
                return want.toString();
            }
        }
        return null;
    }

    private static String oneLine(CanonicalEvent e) {
        StringBuilder sb = new StringBuilder(e.eventClass().toString());
        for (String f : List.of("Image", "CommandLine", "OriginalFileName")) {
            String v = e.text(dev.vigil.core.event.Field.of(f));
            if (v != null) {
                sb.append(' ').append(f).append('=').append(v.replace('\n', ' '));
            }
        }
        return sb.toString();
    }

    private static void printQuality(PrintStream out, List<Quality> quality) {
        out.println();
        out.println("Quality on the tests (truth: what the analytic is meant to catch)");
        out.printf("  %-24s %-46s %4s %4s %4s %4s %9s %6s%n", "analytic", "implementation", "TP", "FP", "FN", "TN",
                "precision", "recall");
        for (Quality q : quality) {
            out.printf(Locale.ROOT, "  %-24s %-46s %4d %4d %4d %4d %9s %6s%n", cut(q.analytic(), 24),
                    cut(q.implementation(), 46), q.tp(), q.fp(), q.fn(), q.tn(), ratio(q.tp(), q.tp() + q.fp()),
                    ratio(q.tp(), q.tp() + q.fn()));
        }
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) a / b);
    }

    private static String cut(String s, int w) {
        return s.length() <= w ? s : s.substring(0, w - 1) + "…";
    }

}
