package dev.vigil.dialects;

import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostics;

import java.util.List;

/**
 * A query language Vigil runs as written. One entry per language; registered in {@link DialectKind}.
 * Field names are resolved onto canonical event fields through the dialect's alias table.
 */
public interface Dialect {

    /** The key detections carry as {@code implementation}: {@code car}, {@code spl}, {@code logpoint}, {@code sigma}. */
    String key();

    /**
     * Compiles one implementation. Problems go to {@code diagnostics} with the file position of the
     * author's text; an implementation that cannot run reports an error (or an {@code unsupported}
     * diagnostic) and returns no query.
     */
    List<Query> compile(Implementation implementation, Diagnostics diagnostics);
}
