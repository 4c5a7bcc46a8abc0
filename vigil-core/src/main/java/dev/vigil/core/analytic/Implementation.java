package dev.vigil.core.analytic;

/**
 * One way of writing an analytic: the query text in a dialect, as the author wrote it.
 *
 * @param dialect the dialect key ({@code car}, {@code spl}, {@code logpoint}, {@code sigma}, ...) or, for a
 *                language Vigil does not know, the document's own name for it, lower-cased
 * @param source  where the query text sits in its file, for diagnostics
 */
public record Implementation(String name, String dialect, String description, String dataModel, String query,
                             QuerySource source) {
}
