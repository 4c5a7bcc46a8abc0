package dev.vigil.cli;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Severity;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.ImplementationStatus;
import dev.vigil.dialects.catalog.LoadedAnalytic;
import dev.vigil.dialects.catalog.LoadedImplementation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code vigil lint}: loads analytics, prints every finding and counts each outcome. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Checks analytics without running them: unknown fields (with did-you-mean), unsupported "
                + "constructs, brittle patterns, syntax errors. Prints file:line:col diagnostics and the count of each "
                + "outcome.", "With no PATH, lints the built-in analytics."})
public final class LintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "analytic files or directories")
    List<String> paths = new ArrayList<>();

    @Option(names = "--no-builtin", description = "do not lint the built-in analytics (implied when PATHs are given)")
    boolean noBuiltin;

    @Option(names = "--strict", description = "exit with 2 when any implementation is invalid or unsupported")
    boolean strict;

    @Option(names = "--notes", description = "also print notes (unsupported dialects, unrecognised documents)")
    boolean notes;

    @Option(names = "--sources", paramLabel = "SOURCE", split = ",",
            description = "classify each runnable query per event source (e.g. sysmon,security): exact, degraded (a "
                    + "branch can never be true there) or impossible (it can never fire there)")
    List<String> sources = new ArrayList<>();

    @picocli.CommandLine.Mixin
    DialectOptions dialects;

    @Override
    public Integer call() {
        PrintStream out = Vigil.out();
        Catalog c = dialects.newCatalog();
        if (paths.isEmpty() && !noBuiltin) {
            c.loadBuiltin(LintCommand.class.getClassLoader());
        }
        c.loadPaths(paths);
        List<Diagnostic> ds = DiagnosticPrinter.collect(c, notes ? Severity.NOTE : Severity.WARNING);
        DiagnosticPrinter.print(out, ds);
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Long> codes = new TreeMap<>();
        for (LoadedAnalytic a : c.analytics()) {
            for (LoadedImplementation i : a.implementations()) {
                outcomes.merge(i.implementation().dialect() + " " + i.status().label(), 1L, Long::sum);
            }
        }
        for (Diagnostic d : DiagnosticPrinter.collect(c, Severity.NOTE)) {
            codes.merge(d.severity().label() + "[" + d.code() + "]", 1L, Long::sum);
        }
        out.println();
        out.printf(Locale.ROOT, "%,d documents read, %,d not analytics; %,d analytics loaded%n", c.documentsRead(),
                c.documentsUnrecognised(), c.analytics().size());
        out.println("implementations by dialect and outcome:");
        outcomes.forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %,d%n", k, v));
        out.println("diagnostics by code:");
        if (codes.isEmpty()) {
            out.println("  none");
        }
        codes.forEach((k, v) -> out.printf(Locale.ROOT, "  %-44s %,d%n", k, v));
        if (!sources.isEmpty() && !SourceLoss.print(out, c, sources)) {
            return Vigil.USAGE;
        }
        boolean bad = c.analytics().stream().flatMap(a -> a.implementations().stream())
                .anyMatch(i -> i.status() != ImplementationStatus.RUNS)
                || c.documentDiagnostics().stream().anyMatch(Diagnostic::isError);
        return strict && bad ? Vigil.USAGE : Vigil.OK;
    }
}
