package dev.vigil.dialects.catalog;

import dev.vigil.core.correlate.Correlation;
import dev.vigil.core.correlate.CorrelationSet;
import dev.vigil.dialects.CorrelationDraft;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.analytic.TestCase;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.dialects.AnalyticLoader;
import dev.vigil.dialects.DialectKind;
import dev.vigil.dialects.DialectSettings;
import dev.vigil.dialects.LoaderKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every analytic of a run: the built-in pack and the user's files, each loaded by the loader its content
 * calls for and each implementation compiled by its dialect. One bad document never stops the others;
 * every problem is a diagnostic.
 */
public final class Catalog {

    /** Where the built-in analytics are packed, with an index because jars cannot be listed portably. */
    public static final String BUILTIN_ROOT = "vigil/analytics/";

    private final DialectSettings settings;
    private final List<LoadedAnalytic> analytics = new ArrayList<>();
    private final List<TestCase> tests = new ArrayList<>();
    private final Diagnostics documentDiagnostics = new Diagnostics();
    private final Set<String> ids = new HashSet<>();
    private final List<CorrelationDraft> drafts = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private CorrelationSet correlations;
    private int documentsRead;
    private int documentsUnrecognised;

    public Catalog() {
        this(DialectSettings.DEFAULT);
    }

    public Catalog(DialectSettings settings) {
        this.settings = settings;
    }

    public DialectSettings settings() {
        return settings;
    }

    public List<LoadedAnalytic> analytics() {
        return analytics;
    }

    /** Every field the runnable queries read; readers use it to compute opt-in derived fields. */
    public Set<String> fieldsUsed() {
        Set<String> out = new java.util.TreeSet<>();
        for (LoadedAnalytic a : analytics) {
            for (LoadedImplementation i : a.implementations()) {
                i.queries().forEach(q -> out.addAll(dev.vigil.core.ir.FieldsUsed.of(q.filter())));
            }
        }
        return out;
    }

    /**
     * The correlations of every loaded document, their references resolved against every loaded analytic (so a
     * correlation may name rules from other files). Resolved once, on first call; problems are added to the
     * {@link #documentDiagnostics}.
     */
    public CorrelationSet correlations() {
        if (correlations != null) {
            return correlations;
        }
        Map<String, String> idOf = new HashMap<>(names);
        analytics.forEach(a -> idOf.put(a.analytic().id(), a.analytic().id()));
        for (CorrelationDraft c : drafts) {
            c.names().forEach(n -> idOf.put(n, c.analyticId()));
        }
        List<Correlation> out = new ArrayList<>();
        for (CorrelationDraft c : drafts) {
            Correlation r = c.resolve(idOf::get, documentDiagnostics);
            if (r != null) {
                out.add(r);
            }
        }
        correlations = new CorrelationSet(out);
        return correlations;
    }

    /** Records a diagnostic about the run's inputs (an unreadable settings file, ...). */
    public void report(Diagnostic d) {
        documentDiagnostics.report(d);
    }

    /** Offline tests the documents carry, for their own analytics or for analytics loaded elsewhere. */
    public List<TestCase> tests() {
        return tests;
    }

    /** Diagnostics about whole documents (unreadable, unrecognised, duplicate ids). */
    public List<Diagnostic> documentDiagnostics() {
        return documentDiagnostics.all();
    }

    public int documentsRead() {
        return documentsRead;
    }

    public int documentsUnrecognised() {
        return documentsUnrecognised;
    }

    /** Loads the built-in pack from the classpath. */
    public Catalog loadBuiltin(ClassLoader cl) {
        try (InputStream index = cl.getResourceAsStream(BUILTIN_ROOT + "index.txt")) {
            if (index == null) {
                return this;
            }
            List<String> names = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
            for (String name : names) {
                try (InputStream in = cl.getResourceAsStream(BUILTIN_ROOT + name)) {
                    if (in == null) {
                        throw new IllegalStateException("built-in analytic '" + name + "' is listed but not packed");
                    }
                    loadDocument("builtin:analytics/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return this;
    }

    /** Loads files and directories (walked in sorted order) as the user gave them. */
    public Catalog loadPaths(List<String> paths) {
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    List<Path> files = walk.filter(Files::isRegularFile).filter(f -> !hidden(path, f)).sorted().toList();
                    for (Path f : files) {
                        loadFile(f.toString(), f, false);
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    documentDiagnostics.report(Diagnostic.error("catalog/unreadable", new SourceSpan(p, 0, 0),
                            "cannot read directory: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(path)) {
                loadFile(p, path, true);
            } else {
                documentDiagnostics.report(Diagnostic.error("catalog/not-found", new SourceSpan(p, 0, 0),
                        "no such file or directory").withHint("--rules takes analytic files or directories"));
            }
        }
        return this;
    }

    private static boolean hidden(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void loadFile(String shown, Path path, boolean named) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            documentDiagnostics.report(new Diagnostic(named ? Severity.ERROR : Severity.NOTE, "catalog/not-text",
                    "not a UTF-8 text document; skipped", new SourceSpan(shown, 0, 0), "", ""));
            documentsUnrecognised++;
            return;
        } catch (IOException e) {
            documentDiagnostics.report(Diagnostic.error("catalog/unreadable", new SourceSpan(shown, 0, 0),
                    "cannot read: " + e.getMessage()));
            return;
        }
        loadDocument(shown, text, named);
    }

    /** Loads one document's text; {@code named} says the user named this file (so unrecognised is an error). */
    public Catalog loadDocument(String file, String text, boolean named) {
        documentsRead++;
        Optional<AnalyticLoader> loader = LoaderKind.forDocument(file, text);
        if (loader.isEmpty()) {
            documentsUnrecognised++;
            documentDiagnostics.report(new Diagnostic(named ? Severity.ERROR : Severity.NOTE, "catalog/unrecognised",
                    "not an analytic document Vigil knows; skipped", new SourceSpan(file, 0, 0), "",
                    "Vigil reads these analytic documents: " + LoaderKind.kinds()));
            return this;
        }
        Diagnostics d = new Diagnostics();
        List<Analytic> loaded;
        try {
            loaded = loader.get().load(file, text, d);
            tests.addAll(loader.get().tests(file, text, d));
            drafts.addAll(loader.get().correlations(file, text));
            names.putAll(loader.get().names(file, text));
        } catch (RuntimeException e) {
            // A loader bug must not stop the other documents; it is reported with the file it happened on.
            d.report(Diagnostic.error("catalog/loader-failure", new SourceSpan(file, 0, 0),
                    loader.get().kind() + " loader failed: " + e));
            loaded = List.of();
        }
        d.all().forEach(documentDiagnostics::report);
        for (Analytic a : loaded) {
            if (a.id() != null && !ids.add(a.id())) {
                documentDiagnostics.report(Diagnostic.warning("catalog/duplicate-id", new SourceSpan(file, 0, 0),
                        "analytic " + a.id() + " is already loaded; this copy is skipped")
                        .withHint("use --no-builtin to run your own copy of a built-in analytic"));
                continue;
            }
            analytics.add(compile(a, settings));
        }
        return this;
    }

    /** Compiles each implementation by its dialect; unknown dialects are reported as unsupported. */
    public static LoadedAnalytic compile(Analytic a) {
        return compile(a, DialectSettings.DEFAULT);
    }

    /** Compiles each implementation by its dialect, configured by {@code settings}. */
    public static LoadedAnalytic compile(Analytic a, DialectSettings settings) {
        List<LoadedImplementation> out = new ArrayList<>();
        for (Implementation impl : a.implementations()) {
            Diagnostics d = new Diagnostics();
            Optional<DialectKind> kind = DialectKind.byKey(impl.dialect());
            if (kind.isEmpty()) {
                d.report(new Diagnostic(Severity.NOTE, "analytic/dialect-not-supported",
                        "implementation '" + impl.name() + "' is written in '" + impl.dialect()
                                + "', which Vigil does not run yet", impl.source().at(1, 1), "",
                        "supported dialects: " + DialectKind.keys()));
                out.add(new LoadedImplementation(impl, ImplementationStatus.UNSUPPORTED, List.of(), d.all()));
                continue;
            }
            List<Query> queries;
            try {
                queries = kind.get().create(settings).compile(impl, d);
            } catch (RuntimeException e) {
                d.report(Diagnostic.error(impl.dialect() + "/internal", impl.source().at(1, 1),
                        "the " + impl.dialect() + " dialect failed on this implementation: " + e));
                queries = List.of();
            }
            ImplementationStatus status = !queries.isEmpty() && !d.hasErrors() ? ImplementationStatus.RUNS
                    : d.all().stream().anyMatch(x -> x.isError() && x.code().contains("unsupported"))
                    ? ImplementationStatus.UNSUPPORTED : ImplementationStatus.INVALID;
            out.add(new LoadedImplementation(impl, status, status == ImplementationStatus.RUNS ? queries : List.of(),
                    d.all()));
        }
        return new LoadedAnalytic(a, out);
    }
}
