package dev.vigil.cli;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Severity;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.LoadedAnalytic;
import dev.vigil.dialects.catalog.LoadedImplementation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Prints analytics' diagnostics the way compilers do, sorted by file and position. */
final class DiagnosticPrinter {

    private DiagnosticPrinter() {
    }

    /** Every diagnostic of a catalog at or above {@code min} severity (ERROR is highest). */
    static List<Diagnostic> collect(Catalog c, Severity min) {
        List<Diagnostic> all = new ArrayList<>();
        for (Diagnostic d : c.documentDiagnostics()) {
            if (d.severity().ordinal() <= min.ordinal()) {
                all.add(d);
            }
        }
        for (LoadedAnalytic a : c.analytics()) {
            for (LoadedImplementation i : a.implementations()) {
                for (Diagnostic d : i.diagnostics()) {
                    if (d.severity().ordinal() <= min.ordinal()) {
                        all.add(d);
                    }
                }
            }
        }
        all.sort(Comparator.comparing((Diagnostic d) -> d.span().file()).thenComparingInt(d -> d.span().line())
                .thenComparingInt(d -> d.span().column()));
        return all;
    }

    static void print(PrintStream err, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            err.println(d.render());
        }
    }
}
