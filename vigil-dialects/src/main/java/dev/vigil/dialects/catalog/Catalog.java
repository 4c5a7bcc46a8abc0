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
import dev.vigil.dialects.DialectKind;
import dev.vigil.dialects.DialectSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

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
    private Path cacheDirectory;
    private String cacheBuild;
    private RuleCache ruleCache;
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

    /**
     * Keeps the documents {@link #loadPaths} loads in a {@link RuleCache} in {@code directory}, written by
     * {@code build}, and takes unchanged ones from it. Has no effect with dialect settings other than the
     * defaults.
     */
    public Catalog withRuleCache(Path directory, String build) {
        this.cacheDirectory = directory;
        this.cacheBuild = build;
        return this;
    }

    /** The rule cache the last {@link #loadPaths} used, if it used one. */
    public Optional<RuleCache> ruleCache() {
        return Optional.ofNullable(ruleCache);
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
        return loadPaths(paths, 1);
    }

    /**
     * Loads files and directories (walked in sorted order) as the user gave them, reading and compiling up to
     * {@code threads} documents at once. Documents are added in the same order whatever the thread count.
     */
    public Catalog loadPaths(List<String> paths, int threads) {
        RuleCache cache = cacheDirectory != null && !paths.isEmpty() && settings.equals(DialectSettings.DEFAULT)
                ? RuleCache.open(cacheDirectory, cacheBuild, paths) : null;
        ruleCache = cache;
        FileLoad fileLoad = cache != null ? cache::load : DocumentLoad::ofFile;
        List<Supplier<DocumentLoad>> work = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try {
                    for (Path f : ruleFiles(path)) {
                        work.add(() -> fileLoad.load(f.toString(), f, false, settings));
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    Diagnostic d = Diagnostic.error("catalog/unreadable", new SourceSpan(p, 0, 0),
                            "cannot read directory: " + e.getMessage());
                    work.add(() -> DocumentLoad.skipped(p, false, false, d));
                }
            } else if (Files.isRegularFile(path)) {
                work.add(() -> fileLoad.load(p, path, true, settings));
            } else {
                Diagnostic d = Diagnostic.error("catalog/not-found", new SourceSpan(p, 0, 0),
                        "no such file or directory").withHint("--rules takes analytic files or directories");
                work.add(() -> DocumentLoad.skipped(p, false, false, d));
            }
        }
        if (threads <= 1 || work.size() < 2) {
            work.forEach(w -> add(w.get()));
        } else {
            loadInParallel(work, threads);
        }
        if (cache != null) {
            cache.save().ifPresent(why -> report(new Diagnostic(Severity.NOTE, "catalog/rule-cache",
                    "could not write the rule cache: " + why, new SourceSpan(cache.file().toString(), 0, 0), "",
                    "--rule-cache DIR puts it elsewhere; --no-rule-cache turns it off")));
        }
        return this;
    }

    /** How a file becomes a prepared document: read and compiled, or taken from a rule cache. */
    private interface FileLoad {
        DocumentLoad load(String shown, Path path, boolean named, DialectSettings settings);
    }

    private void loadInParallel(List<Supplier<DocumentLoad>> work, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, work.size()), r -> {
            Thread t = new Thread(r, "vigil-load");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<DocumentLoad>> loads = new ArrayList<>(work.size());
            for (Supplier<DocumentLoad> w : work) {
                loads.add(pool.submit(w::get));
            }
            for (Future<DocumentLoad> f : loads) {
                add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading analytics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading analytics failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The files under a rule directory, sorted by path: regular files and symbolic links to them or to
     * nothing (loading one reports it as unreadable), leaving out hidden files and never entering hidden
     * directories (a rule repository's {@code .git} holds thousands of files). A directory named through a
     * symbolic link is walked as the directory. One {@code stat} per file: a walk filtered by
     * {@link Files#isRegularFile} made two, and took 101-115 ms against 70 ms for SigmaHQ's 2,407 Windows
     * rules, on the thread that loads them, before any was read.
     */
    private static List<Path> ruleFiles(Path root) throws IOException {
        Path start = Files.isSymbolicLink(root) ? root.toRealPath() : root;
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(start) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // A link to nothing is kept too, so that loading it reports the file it cannot read.
                if (!hidden(file) && (attrs.isRegularFile()
                        || attrs.isSymbolicLink() && (Files.isRegularFile(file) || !Files.exists(file)))) {
                    files.add(start == root ? file : root.resolve(start.relativize(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(files);
        return files;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Loads one document's text; {@code named} says the user named this file (so unrecognised is an error). */
    public Catalog loadDocument(String file, String text, boolean named) {
        return add(DocumentLoad.of(file, text, named, settings));
    }

    /** Adds a prepared document: counts it, keeps its diagnostics, and skips analytics already loaded. */
    private Catalog add(DocumentLoad doc) {
        if (doc.counted()) {
            documentsRead++;
        }
        if (doc.unrecognised()) {
            documentsUnrecognised++;
        }
        tests.addAll(doc.tests());
        drafts.addAll(doc.drafts());
        names.putAll(doc.names());
        doc.diagnostics().forEach(documentDiagnostics::report);
        for (DocumentLoad.Compiled c : doc.analytics()) {
            Analytic a = c.analytic();
            if (a.id() != null && !ids.add(a.id())) {
                documentDiagnostics.report(Diagnostic.warning("catalog/duplicate-id", new SourceSpan(doc.file(), 0, 0),
                        "analytic " + a.id() + " is already loaded; this copy is skipped")
                        .withHint("use --no-builtin to run your own copy of a built-in analytic"));
                continue;
            }
            analytics.add(c.loaded());
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
