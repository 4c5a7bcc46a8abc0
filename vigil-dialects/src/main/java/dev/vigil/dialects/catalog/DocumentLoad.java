package dev.vigil.dialects.catalog;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.TestCase;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.dialects.AnalyticLoader;
import dev.vigil.dialects.CorrelationDraft;
import dev.vigil.dialects.DialectSettings;
import dev.vigil.dialects.LoaderKind;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One document read, loaded and compiled, not yet added to a {@link Catalog}. Building one touches no
 * shared state, so a catalog prepares many documents at once and then adds them in their given order:
 * what a run loads, and what it reports, does not depend on how many threads loaded it.
 *
 * @param file the document's name as shown in diagnostics
 * @param counted whether it counts as a document read (not for unreadable or non-text files)
 * @param unrecognised whether it was skipped as not an analytic document (non-text files included)
 * @param analytics the analytics it defines, each compiled
 * @param diagnostics the document's diagnostics, in order
 */
record DocumentLoad(String file, boolean counted, boolean unrecognised, List<Compiled> analytics, List<TestCase> tests,
        List<CorrelationDraft> drafts, Map<String, String> names, List<Diagnostic> diagnostics) {

    /** An analytic as loaded and as compiled (duplicates are found when the catalog adds it). */
    record Compiled(Analytic analytic, LoadedAnalytic loaded) {}

    /** Reads a file as UTF-8 and prepares it; unreadable or non-text files become a diagnostic. */
    static DocumentLoad ofFile(String shown, Path path, boolean named, DialectSettings settings) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return skipped(shown, false, false, Diagnostic.error("catalog/unreadable", new SourceSpan(shown, 0, 0),
                    "cannot read: " + e.getMessage()));
        }
        return ofBytes(shown, bytes, named, settings);
    }

    /** Prepares a file's bytes, read as UTF-8; non-text files become a diagnostic. */
    static DocumentLoad ofBytes(String shown, byte[] bytes, boolean named, DialectSettings settings) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return skipped(shown, false, true, new Diagnostic(named ? Severity.ERROR : Severity.NOTE, "catalog/not-text",
                    "not a UTF-8 text document; skipped", new SourceSpan(shown, 0, 0), "", ""));
        }
        return of(shown, text, named, settings);
    }

    /** Loads one document's text; {@code named} says the user named this file (so unrecognised is an error). */
    static DocumentLoad of(String file, String text, boolean named, DialectSettings settings) {
        Optional<AnalyticLoader> loader = LoaderKind.forDocument(file, text);
        if (loader.isEmpty()) {
            return skipped(file, true, true, new Diagnostic(named ? Severity.ERROR : Severity.NOTE, "catalog/unrecognised",
                    "not an analytic document Vigil knows; skipped", new SourceSpan(file, 0, 0), "",
                    "Vigil reads these analytic documents: " + LoaderKind.kinds()));
        }
        Diagnostics d = new Diagnostics();
        List<Analytic> loaded;
        List<TestCase> tests = List.of();
        List<CorrelationDraft> drafts = List.of();
        Map<String, String> names = Map.of();
        try {
            loaded = loader.get().load(file, text, d);
            tests = loader.get().tests(file, text, d);
            drafts = loader.get().correlations(file, text);
            names = loader.get().names(file, text);
        } catch (RuntimeException e) {
            // A loader bug must not stop the other documents; it is reported with the file it happened on.
            d.report(Diagnostic.error("catalog/loader-failure", new SourceSpan(file, 0, 0),
                    loader.get().kind() + " loader failed: " + e));
            loaded = List.of();
        }
        List<Compiled> compiled = new ArrayList<>(loaded.size());
        for (Analytic a : loaded) {
            compiled.add(new Compiled(a, Catalog.compile(a, settings)));
        }
        return new DocumentLoad(file, true, false, compiled, tests, drafts, names, d.all());
    }

    /** A document that defines nothing, with the reason. */
    static DocumentLoad skipped(String file, boolean counted, boolean unrecognised, Diagnostic why) {
        return new DocumentLoad(file, counted, unrecognised, List.of(), List.of(), List.of(), Map.of(), List.of(why));
    }
}
