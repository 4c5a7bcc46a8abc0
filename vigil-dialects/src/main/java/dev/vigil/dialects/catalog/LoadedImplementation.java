package dev.vigil.dialects.catalog;

import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostic;

import java.util.List;

/** An implementation with what its dialect made of it: queries to run, or why not, and every finding. */
public record LoadedImplementation(Implementation implementation, ImplementationStatus status, List<Query> queries,
                                   List<Diagnostic> diagnostics) {

    public LoadedImplementation {
        queries = List.copyOf(queries);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasWarnings() {
        return diagnostics.stream().anyMatch(d -> d.severity() == dev.vigil.core.diag.Severity.WARNING);
    }
}
