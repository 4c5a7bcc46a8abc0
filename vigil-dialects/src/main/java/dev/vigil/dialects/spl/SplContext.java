package dev.vigil.dialects.spl;

import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one compile of one SPL implementation shares: the author's text, its macro expansion, where
 * it sits in its file, the diagnostics collector, and the source bindings met so far.
 */
final class SplContext {

    final String query;
    final ExpandedText expanded;
    final QuerySource source;
    final Diagnostics diagnostics;
    final List<EventScope> bindings = new ArrayList<>();
    private boolean failed;

    SplContext(String query, ExpandedText expanded, QuerySource source, Diagnostics diagnostics) {
        this.query = query;
        this.expanded = expanded;
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** The file position of an offset into the expanded text. */
    SourceSpan span(int expandedOffset) {
        return spanOfAuthorOffset(expanded.originOf(expandedOffset));
    }

    SourceSpan spanOfAuthorOffset(int offset) {
        if (source == null) {
            return SourceSpan.NONE;
        }
        return source.atOffset(query, offset);
    }

    /** The author's text around an expanded-text range, for quoting. */
    String quote(int start, int end) {
        int s = Math.max(0, Math.min(start, expanded.text().length()));
        int e = Math.max(s, Math.min(end, expanded.text().length()));
        String q = expanded.text().substring(s, e).strip();
        return q.length() > 120 ? q.substring(0, 117) + "..." : q;
    }

    void report(Severity severity, String code, int offset, String message, String hint) {
        if (severity == Severity.ERROR) {
            failed = true;
        }
        diagnostics.report(new Diagnostic(severity, code, message, span(offset), "", hint));
    }

    void error(String code, int offset, String message, String hint) {
        report(Severity.ERROR, code, offset, message, hint);
    }

    void warning(String code, int offset, String message, String hint) {
        report(Severity.WARNING, code, offset, message, hint);
    }

    /** Marks the compile as failed for an error reported elsewhere (e.g. by the macro expander). */
    void fail() {
        failed = true;
    }

    boolean failed() {
        return failed;
    }
}
