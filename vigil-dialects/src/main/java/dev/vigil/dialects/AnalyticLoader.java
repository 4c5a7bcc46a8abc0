package dev.vigil.dialects;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.TestCase;
import dev.vigil.core.diag.Diagnostics;

import java.util.List;

/**
 * Reads one kind of analytic document (a CAR page, CAR YAML, an ESCU page or YAML, a Sigma rule, a Vigil
 * analytic) into analytics. Chosen by content, never by file name alone.
 */
public interface AnalyticLoader {

    /** A short name for this document kind, for diagnostics and the load summary. */
    String kind();

    /** True when {@code text} looks like this kind of document. */
    boolean accepts(String fileName, String text);

    /** The analytics in the document; problems go to {@code diagnostics} with file positions. */
    List<Analytic> load(String file, String text, Diagnostics diagnostics);

    /** The offline tests the document carries for its analytics (or for analytics loaded elsewhere). */
    default List<TestCase> tests(String file, String text, Diagnostics diagnostics) {
        return List.of();
    }

    /** Correlations the document declares over other analytics, resolved once every document is loaded. */
    default List<CorrelationDraft> correlations(String file, String text) {
        return List.of();
    }

    /** Other names the document gives its analytics (a Sigma rule's {@code name}), each to the analytic id. */
    default java.util.Map<String, String> names(String file, String text) {
        return java.util.Map.of();
    }
}
