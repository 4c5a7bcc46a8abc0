package dev.vigil.dialects;

import dev.vigil.core.correlate.Correlation;
import dev.vigil.core.diag.Diagnostics;

import java.util.function.Function;

/**
 * A correlation as its document declares it, referring to other analytics by the author's names. It becomes a
 * {@link Correlation} once every document is loaded, because the rules it names may live in other files.
 */
public interface CorrelationDraft {

    /** The id its detections carry. */
    String analyticId();

    /** The names others may use to refer to this correlation (its id, its name). */
    java.util.List<String> names();

    /**
     * The runnable correlation, or null when it cannot run (the reasons go to {@code diags}).
     *
     * @param idOf a reference as written to the analytic id it names, or null when nothing has that name
     */
    Correlation resolve(Function<String, String> idOf, Diagnostics diags);
}
