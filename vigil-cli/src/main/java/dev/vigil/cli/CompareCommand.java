package dev.vigil.cli;

import dev.vigil.formats.detection.Times;
import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.engine.Detection;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Field;
import dev.vigil.core.run.RunSummary;
import dev.vigil.core.stage.StageRunner;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.ImplementationStatus;
import dev.vigil.dialects.catalog.LoadedAnalytic;
import dev.vigil.dialects.catalog.LoadedImplementation;
import dev.vigil.dialects.compare.Disagreements;
import dev.vigil.formats.InputReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code vigil compare}: do an analytic's implementations (CAR pseudocode, SPL, LogPoint, ...) catch the
 * same thing, and do two versions of one analytic (documents with the same title) give the same results?
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Runs every implementation of each analytic on the same events and prints the events on "
                + "which they disagree, with the reason where Vigil can tell (a field that does not exist, an event "
                + "outside an implementation's scope).",
                "Analytics loaded from several documents with the same title (e.g. two versions of an ESCU "
                        + "detection) are compared by their results: detections or rows only one version gives.",
                "With no PATH, uses the bundled sample data."})
public final class CompareCommand implements Callable<Integer> {

    private static final Field COMMAND_LINE = Field.of("CommandLine");
    private static final Field IMAGE = Field.of("Image");

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "event files, archives or directories")
    List<String> paths = new ArrayList<>();

    @Mixin
    AnalyticsOptions analytics;

    @Option(names = {"-a", "--analytic"}, paramLabel = "ID", description = "compare only these analytics (id or title)")
    List<String> only = new ArrayList<>();

    @Option(names = "--max-events", paramLabel = "N", defaultValue = "50",
            description = "print at most N disagreeing events per analytic (all are counted; default: ${DEFAULT-VALUE})")
    int maxEvents;

    @Override
    public Integer call() {
        PrintStream out = Vigil.out();
        PrintStream err = Vigil.err();
        List<String> inputs = paths.isEmpty() ? HuntCommand.samples(err) : paths;
        if (inputs == null) {
            return Vigil.USAGE;
        }
        Catalog catalog = analytics.load();
        List<LoadedAnalytic> selected = catalog.analytics().stream().filter(this::wanted).toList();
        Map<String, Disagreements> perAnalytic = new LinkedHashMap<>();
        for (LoadedAnalytic a : selected) {
            if (a.analytic().implementations().size() > 1) {
                perAnalytic.put(a.analytic().id(), new Disagreements(a.analytic(), new Diagnostics()));
            }
        }
        Map<String, List<LoadedAnalytic>> versions = selected.stream().collect(Collectors.groupingBy(
                a -> title(a.analytic()), LinkedHashMap::new, Collectors.toList()));
        versions.values().removeIf(v -> v.size() < 2);
        Map<String, VersionRun> runs = new LinkedHashMap<>();
        versions.values().forEach(v -> v.forEach(a -> runs.put(a.analytic().id(), new VersionRun(a))));

        Map<String, Tally> tallies = new LinkedHashMap<>();
        perAnalytic.keySet().forEach(id -> tallies.put(id, new Tally()));
        RunSummary summary = new RunSummary();
        new InputReader(summary, p -> err.println(p.render())).derive(catalog.fieldsUsed()).read(inputs, event -> {
            summary.eventEvaluated();
            perAnalytic.forEach((id, d) -> tallies.get(id).add(d.report(event)));
            runs.values().forEach(r -> r.accept(event));
        });

        for (LoadedAnalytic a : selected) {
            Disagreements d = perAnalytic.get(a.analytic().id());
            if (d != null) {
                printImplementations(out, a.analytic(), d, tallies.get(a.analytic().id()));
            }
        }
        versions.forEach((t, v) -> printVersions(out, v, runs));
        if (perAnalytic.isEmpty() && versions.isEmpty()) {
            out.println("nothing to compare: no analytic has two implementations, and no two documents share a title");
        }
        out.printf(Locale.ROOT, "%n%,d records read, %,d compared, %,d skipped%n", summary.recordsRead(),
                summary.eventsEvaluated(), summary.recordsSkippedTotal());
        return Vigil.OK;
    }

    private boolean wanted(LoadedAnalytic a) {
        return only.isEmpty() || only.stream().anyMatch(o -> o.equalsIgnoreCase(a.analytic().id())
                || o.equalsIgnoreCase(a.analytic().title()));
    }

    private static String title(Analytic a) {
        return a.title() == null ? a.id() : a.title().trim().toLowerCase(Locale.ROOT);
    }

    /** Counts agreement and keeps the first disagreeing events to print. */
    private final class Tally {
        long agree;
        long disagree;
        final List<Disagreements.EventReport> shown = new ArrayList<>();

        void add(Disagreements.EventReport r) {
            if (r.verdicts().stream().noneMatch(Disagreements.Verdict::matched)) {
                agree++;
            } else if (r.disagree()) {
                disagree++;
                if (shown.size() < maxEvents) {
                    shown.add(r);
                }
            } else {
                agree++;
            }
        }
    }

    private void printImplementations(PrintStream out, Analytic a, Disagreements d, Tally t) {
        out.printf(Locale.ROOT, "%s \"%s\": implementations disagree on %,d events, agree on %,d%n", a.id(), a.title(),
                t.disagree, t.agree);
        d.notCompared().forEach((impl, why) -> out.println("  not compared: " + impl + " (" + why + ")"));
        for (Disagreements.EventReport r : t.shown) {
            Event e = r.event();
            out.printf("  %s  %s  %s%n", e.origin().path() + "#" + e.origin().record(), orDash(Times.iso(e.timeMillis())),
                    oneLine(e));
            for (Disagreements.Verdict v : r.verdicts()) {
                out.printf("      %-5s %s%s%n", v.matched() ? "fires" : "quiet", v.implementation(),
                        v.why().isEmpty() ? "" : " — " + String.join("; ", v.why()));
            }
        }
        if (t.disagree > t.shown.size()) {
            out.printf(Locale.ROOT, "  ... and %,d more%n", t.disagree - t.shown.size());
        }
        out.println();
    }

    private static void printVersions(PrintStream out, List<LoadedAnalytic> versions, Map<String, VersionRun> runs) {
        out.printf("\"%s\": %d versions compared by their results%n", versions.get(0).analytic().title(), versions.size());
        List<Set<String>> results = new ArrayList<>();
        for (LoadedAnalytic v : versions) {
            VersionRun r = runs.get(v.analytic().id());
            r.finish();
            results.add(r.results);
            out.printf(Locale.ROOT, "  %s (%s): %,d results%n", v.analytic().id(), v.analytic().origin(), r.results.size());
        }
        for (int i = 0; i < versions.size(); i++) {
            Set<String> onlyHere = new LinkedHashSet<>(results.get(i));
            for (int j = 0; j < versions.size(); j++) {
                if (j != i) {
                    onlyHere.removeAll(results.get(j));
                }
            }
            out.printf(Locale.ROOT, "  only %s: %,d%n", versions.get(i).analytic().id(), onlyHere.size());
            onlyHere.forEach(s -> out.println("      " + s));
        }
        out.println();
    }

    private static String oneLine(Event e) {
        String cl = e.text(COMMAND_LINE);
        String s = cl != null ? cl : orDash(e.text(IMAGE));
        s = s.replace('\n', ' ').replace('\r', ' ');
        return s.length() > 100 ? s.substring(0, 99) + "…" : s;
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    /** Runs one analytic version fully (filters and stages) and keeps its results as comparable text. */
    private static final class VersionRun {
        private final CompiledRuleSet rules;
        private final StageRunner stages = new StageRunner();
        final Set<String> results = new LinkedHashSet<>();

        VersionRun(LoadedAnalytic a) {
            CompiledRuleSet.Builder b = CompiledRuleSet.builder();
            for (LoadedImplementation i : a.implementations()) {
                if (i.status() == ImplementationStatus.RUNS) {
                    for (Query q : i.queries()) {
                        b.add(a.analytic(), i.implementation(), q);
                    }
                }
            }
            rules = b.build();
        }

        void accept(Event e) {
            rules.match(e, hit -> stages.accept(hit, this::keep));
        }

        void finish() {
            stages.finish(this::keep);
        }

        private void keep(Detection d) {
            results.add(d.isRow() ? "row " + d.row()
                    : "event " + d.event().origin().path() + "#" + d.event().origin().record() + " " + oneLine(d.event()));
        }
    }
}
