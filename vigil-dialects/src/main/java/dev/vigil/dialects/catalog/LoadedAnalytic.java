package dev.vigil.dialects.catalog;

import dev.vigil.core.analytic.Analytic;

import java.util.List;

/** An analytic and what became of each of its implementations. */
public record LoadedAnalytic(Analytic analytic, List<LoadedImplementation> implementations) {

    public LoadedAnalytic {
        implementations = List.copyOf(implementations);
    }

    public boolean runs() {
        return implementations.stream().anyMatch(i -> i.status() == ImplementationStatus.RUNS);
    }

    public boolean hasWarnings() {
        return implementations.stream().anyMatch(LoadedImplementation::hasWarnings);
    }
}
