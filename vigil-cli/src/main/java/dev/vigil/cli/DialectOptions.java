package dev.vigil.cli;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.dialects.DialectSettings;
import dev.vigil.dialects.sigma.SigmaFilter;
import dev.vigil.dialects.sigma.SigmaPlaceholders;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Options that configure dialects: Sigma placeholder values and Sigma meta filters. */
public final class DialectOptions {

    @Option(names = "--sigma-placeholders", paramLabel = "FILE",
            description = "YAML file of values for Sigma placeholders (%%name%% with |expand): name: [value, ...]")
    Path placeholders;

    @Option(names = "--sigma-filters", paramLabel = "PATH",
            description = "Sigma filter file or directory (meta filters, applied to the rules they name); repeatable")
    List<Path> filters = new ArrayList<>();

    /** An empty catalog configured by these options; problems reading their files are its diagnostics. */
    dev.vigil.dialects.catalog.Catalog newCatalog() {
        Diagnostics problems = new Diagnostics();
        dev.vigil.dialects.catalog.Catalog c = new dev.vigil.dialects.catalog.Catalog(settings(problems));
        problems.all().forEach(c::report);
        return c;
    }

    /** The settings; problems reading the files go to {@code diagnostics}. */
    DialectSettings settings(Diagnostics diagnostics) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (placeholders != null) {
            String text = read(placeholders, diagnostics);
            if (text != null) {
                values.putAll(SigmaPlaceholders.parse(placeholders.toString(), text, diagnostics));
            }
        }
        List<SigmaFilter> parsed = new ArrayList<>();
        for (Path p : filters) {
            for (Path f : files(p, diagnostics)) {
                String text = read(f, diagnostics);
                if (text != null) {
                    parsed.addAll(SigmaFilter.parse(f.toString(), text, diagnostics));
                }
            }
        }
        return new DialectSettings(values, parsed);
    }

    private static List<Path> files(Path p, Diagnostics diagnostics) {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            diagnostics.report(Diagnostic.error("catalog/unreadable", new SourceSpan(p.toString(), 0, 0),
                    "cannot read directory: " + e.getMessage()));
            return List.of();
        }
    }

    private static String read(Path p, Diagnostics diagnostics) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            diagnostics.report(Diagnostic.error("catalog/unreadable", new SourceSpan(p.toString(), 0, 0),
                    "cannot read: " + e.getMessage()));
            return null;
        }
    }
}
