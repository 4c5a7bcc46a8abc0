package dev.vigil.dialects.sigma;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;

/**
 * A problem that rejects one Sigma rule. Thrown inside the dialect and always caught at the rule
 * boundary, where it becomes the diagnostic it carries; no other rule is affected.
 */
public final class SigmaRuleException extends Exception {

    private final transient Diagnostic diagnostic;

    public SigmaRuleException(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public static SigmaRuleException of(String code, SourceSpan span, String message, String quote, String hint) {
        return new SigmaRuleException(new Diagnostic(Severity.ERROR, code, message, span, quote, hint));
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
