package dev.vigil.flink;

import dev.vigil.core.analytic.Query;
import dev.vigil.core.correlate.CorrelationSet;
import dev.vigil.core.engine.CompiledQuery;
import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.ImplementationStatus;
import dev.vigil.dialects.catalog.LoadedAnalytic;
import dev.vigil.dialects.catalog.LoadedImplementation;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The analytic documents a job runs, read once by the client and shipped with the job graph, so every task
 * manager compiles exactly the same rules in the same order (query and correlation indexes agree across
 * operators) without needing the rule files itself.
 */
record RuleDocuments(boolean builtin, List<Document> documents) implements Serializable {

    record Document(String name, String text) implements Serializable {
    }

    /** What every operator builds in {@code open()}: the catalog and its compiled forms. */
    record Loaded(Catalog catalog, CompiledRuleSet rules, CorrelationSet correlations) {

        CompiledQuery query(int index) {
            return rules.queries().get(index);
        }
    }

    static RuleDocuments read(boolean builtin, List<String> paths) throws IOException {
        List<Document> docs = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(path);
            }
            for (Path f : files) {
                docs.add(new Document(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        return new RuleDocuments(builtin, docs);
    }

    Loaded load() {
        Catalog c = new Catalog();
        if (builtin) {
            c.loadBuiltin(RuleDocuments.class.getClassLoader());
        }
        for (Document d : documents) {
            c.loadDocument(d.name(), d.text(), true);
        }
        CorrelationSet correlations = c.correlations();
        CompiledRuleSet.Builder b = CompiledRuleSet.builder();
        for (LoadedAnalytic a : c.analytics()) {
            for (LoadedImplementation i : a.implementations()) {
                if (i.status() == ImplementationStatus.RUNS) {
                    for (Query q : i.queries()) {
                        b.add(a.analytic(), i.implementation(), q);
                    }
                }
            }
        }
        return new Loaded(c, b.build(), correlations);
    }
}
