package dev.vigil.core.diag;

import java.util.Objects;

/**
 * One finding about an author's text, printed the way compilers print them:
 * <pre>
 * file:line:col: warning[car/unknown-field]: unknown field 'comman_line' in 'comman_line="*Remove-FileShare*"'
 *     hint: did you mean 'command_line'? ...
 * </pre>
 * Codes are stable ({@code dialect/what}); tools and tests match on them, never on the message.
 *
 * @param quote the author's text the finding is about, verbatim (may be empty)
 * @param hint  what to do about it (may be empty)
 */
public record Diagnostic(Severity severity, String code, String message, SourceSpan span, String quote, String hint) {

    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(code);
        Objects.requireNonNull(message);
        span = span == null ? SourceSpan.NONE : span;
        quote = quote == null ? "" : quote;
        hint = hint == null ? "" : hint;
    }

    public static Diagnostic error(String code, SourceSpan span, String message) {
        return new Diagnostic(Severity.ERROR, code, message, span, "", "");
    }

    public static Diagnostic warning(String code, SourceSpan span, String message) {
        return new Diagnostic(Severity.WARNING, code, message, span, "", "");
    }

    public Diagnostic withHint(String newHint) {
        return new Diagnostic(severity, code, message, span, quote, newHint);
    }

    public Diagnostic withQuote(String newQuote) {
        return new Diagnostic(severity, code, message, span, newQuote, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line head, {@code file:line:col: severity[code]: message}. */
    public String headline() {
        return span + ": " + severity.label() + "[" + code + "]: " + message;
    }

    /** Headline, then the hint on its own indented line. */
    public String render() {
        return hint.isEmpty() ? headline() : headline() + System.lineSeparator() + "    hint: " + hint;
    }

    @Override
    public String toString() {
        return render();
    }
}
