package dev.vigil.cli;

import dev.vigil.cli.output.DetectionWriter;
import dev.vigil.cli.output.OutputFormat;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.correlate.CorrelationRunner;
import dev.vigil.core.correlate.CorrelationSet;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.engine.Detection;
import dev.vigil.core.engine.Hit;
import dev.vigil.core.engine.PendingEvents;
import dev.vigil.core.run.RunSummary;
import dev.vigil.core.stage.StageRunner;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.ImplementationStatus;
import dev.vigil.dialects.catalog.LoadedAnalytic;
import dev.vigil.dialects.catalog.LoadedImplementation;
import dev.vigil.formats.InputProblem;
import dev.vigil.formats.InputReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code vigil hunt}: runs the analytics over event logs and reports what fired. */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = {"Runs analytics over event logs (EVTX, Windows event XML, JSON lines from Winlogbeat/NXLog/OTRF, "
                + "evtx_dump JSON; .gz/.zip/.tar.gz read transparently; directories walked) and prints each detection.",
                "With no PATH, hunts the bundled sample data."},
        footer = {"", "Detections go to stdout (or -o FILE); diagnostics, input problems, progress and the summary go "
                + "to stderr.", "Exit codes: 0 clean, 1 detections with --fail-on-detection, 2 usage or --strict "
                + "analytics problems, 3 input errors beyond --max-input-errors."})
public final class HuntCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "event files, archives or directories")
    List<String> paths = new ArrayList<>();

    @Mixin
    AnalyticsOptions analytics;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "table, jsonl or csv (default: ${DEFAULT-VALUE})",
            defaultValue = "table", converter = FormatConverter.class)
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write detections to FILE instead of stdout")
    Path output;

    @Option(names = "--summary", paramLabel = "FILE", description = "also write the run summary as JSON to FILE")
    Path summaryFile;

    @Option(names = "--fail-on-detection", description = "exit with 1 when anything fired")
    boolean failOnDetection;

    @Option(names = "--strict", description = "exit with 2 when an analytic has errors or unsupported implementations")
    boolean strict;

    @picocli.CommandLine.Mixin
    InputProblemOptions inputProblems;

    @Option(names = "--no-progress", description = "no progress line on stderr")
    boolean noProgress;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads, each compiling analytics or hunting one file at a time "
            + "(default: 0 = all cores); the output does not depend on it", defaultValue = "0")
    int threads;

    @Option(names = "--decode-only", hidden = true,
            description = "read and normalize every event but load and match no analytics: the baseline vigil-bench "
                    + "compares hunts against")
    boolean decodeOnly;

    @Option(names = {"-q", "--quiet"}, description = "print only detections and errors")
    boolean quiet;

    @Override
    public Integer call() {
        PrintStream err = Vigil.err();
        List<String> inputs = paths.isEmpty() ? samples(err) : paths;
        if (inputs == null) {
            return Vigil.USAGE;
        }
        long started = System.nanoTime();
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        // The input is listed and cut into tasks while the rules load, on another core where there is one.
        Background<HuntTasks> tasks = workers > 1 ? HuntTasks.cut(inputs, workers) : null;
        Catalog catalog = decodeOnly ? new Catalog() : analytics.load(workers);
        CorrelationSet correlations = catalog.correlations();
        DiagnosticPrinter.print(err, DiagnosticPrinter.collect(catalog, quiet ? Severity.ERROR : Severity.WARNING));
        CompiledRuleSet.Builder rules = CompiledRuleSet.builder();
        int queries = 0;
        for (LoadedAnalytic a : catalog.analytics()) {
            for (LoadedImplementation i : a.implementations()) {
                if (i.status() == ImplementationStatus.RUNS) {
                    for (Query q : i.queries()) {
                        rules.add(a.analytic(), i.implementation(), q);
                        queries++;
                    }
                }
            }
        }
        if (queries == 0 && !decodeOnly) {
            err.println("vigil: error: no analytic implementation can run (see the diagnostics above)");
            return Vigil.USAGE;
        }
        CompiledRuleSet ruleSet = rules.build();
        RunSummary summary = new RunSummary();
        Map<String, Long> byAnalytic = new TreeMap<>();
        try (OutputStream os = output == null ? new NonClosing(Vigil.out()) : new BufferedOutputStream(Files.newOutputStream(output));
             DetectionWriter writer = format.open(os);
             Progress progress = Progress.start(summary, err, !noProgress && !quiet)) {
            Consumer<Detection> detections = d -> {
                summary.detection();
                byAnalytic.merge(d.analytic().id(), 1L, Long::sum);
                try {
                    writer.write(d);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            // Queries with stages (stats, tstats, ...) turn hits into rows; the rest are detections at once.
            StageRunner stages = new StageRunner();
            // Correlations see hits of the rules they reference, in event time once the input is read.
            CorrelationRunner correlate = new CorrelationRunner(correlations);
            Consumer<Hit> hits = hit -> correlate.accept(hit, h -> stages.accept(h, detections));
            Consumer<InputProblem> problemSink = p -> inputProblems.report(err, p, quiet);
            if (workers == 1) {
                // Events are matched in slices; a problem waits until the events read before it are matched.
                PendingEvents pending = new PendingEvents(ruleSet, hits);
                InputReader reader = new InputReader(summary, p -> {
                    pending.flush();
                    problemSink.accept(p);
                }).derive(catalog.fieldsUsed());
                reader.read(inputs, event -> {
                    summary.eventEvaluated();
                    pending.add(event);
                });
                pending.flush();
            } else {
                // Hits reach correlations and stages on this thread, in input order, as with one thread.
                new ParallelHunt(ruleSet, summary, catalog.fieldsUsed(), workers).run(tasks, hits, problemSink);
            }
            stages.finish(detections);
            correlate.finish(detections);
            if (correlate.untimed() > 0) {
                err.printf("vigil: warning: %d events of correlated rules had no time and entered no window%n",
                        correlate.untimed());
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("vigil: error: cannot write detections: " + e.getMessage());
            return Vigil.USAGE;
        }
        inputProblems.printHidden(err, quiet);
        RunReport report = new RunReport(summary, catalog, byAnalytic, (System.nanoTime() - started) / 1e9);
        if (!quiet) {
            report.print(err);
        }
        if (summaryFile != null) {
            try {
                Files.writeString(summaryFile, report.json() + "\n");
            } catch (IOException e) {
                err.println("vigil: error: cannot write the summary: " + e.getMessage());
                return Vigil.USAGE;
            }
        }
        if (strict && (report.implementations(ImplementationStatus.INVALID) > 0
                || report.implementations(ImplementationStatus.UNSUPPORTED) > 0)) {
            return Vigil.USAGE;
        }
        if (inputProblems.tooMany(summary)) {
            return Vigil.INPUT_ERRORS;
        }
        return failOnDetection && summary.detections() > 0 ? Vigil.DETECTIONS : Vigil.OK;
    }



    /** The bundled sample data: {@code samples/} beside the launcher that set {@code vigil.home}. */
    static List<String> samples(PrintStream err) {
        String home = System.getProperty("vigil.home");
        if (home == null || !Files.isDirectory(Path.of(home, "samples"))) {
            err.println("vigil: error: no PATH given and no bundled samples found; try 'vigil hunt PATH'");
            return null;
        }
        Path samples = Path.of(home, "samples").toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return List.of(samples.startsWith(cwd) ? cwd.relativize(samples).toString() : samples.toString());
    }
}
