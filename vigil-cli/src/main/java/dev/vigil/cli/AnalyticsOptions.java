package dev.vigil.cli;

import dev.vigil.dialects.catalog.Catalog;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The options every command that loads analytics shares. */
public final class AnalyticsOptions {

    @Option(names = {"-r", "--rules"}, paramLabel = "PATH", arity = "1",
            description = "an analytic file or directory (CAR pages and YAML, ...); repeat for more")
    List<String> rules = new ArrayList<>();

    @Option(names = "--no-builtin", description = "do not load the built-in analytics")
    boolean noBuiltin;

    @picocli.CommandLine.Mixin
    DialectOptions dialects;

    public Catalog load() {
        return load(1);
    }

    /** Loads the analytics, reading and compiling up to {@code threads} documents at once. */
    public Catalog load(int threads) {
        Catalog c = dialects.newCatalog();
        if (!noBuiltin) {
            c.loadBuiltin(AnalyticsOptions.class.getClassLoader());
        }
        return c.loadPaths(rules, threads);
    }
}
