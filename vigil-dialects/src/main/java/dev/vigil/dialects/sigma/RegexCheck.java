package dev.vigil.dialects.sigma;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;

/**
 * Checks a {@code re} value against RE2 syntax before it reaches the engine. A pattern Java's backtracking
 * engine reads but RE2 refuses (look-around, back-references, possessive quantifiers) is valid Sigma that
 * Vigil does not run: {@code sigma/unsupported-regex}. A pattern neither reads is {@code sigma/bad-regex}.
 */
final class RegexCheck {

    private RegexCheck() {
    }

    static Expr match(String field, SigmaValue.Regex r, SourceSpan span, String quote) throws SigmaRuleException {
        StringBuilder flags = new StringBuilder();
        if (r.flags().contains('m')) {
            flags.append('m');
        }
        if (r.flags().contains('s')) {
            flags.append('s');
        }
        String pattern = flags.length() == 0 ? r.pattern() : "(?" + flags + ")" + r.pattern();
        boolean cased = !r.flags().contains('i');
        try {
            Pattern.compile(pattern, cased ? 0 : Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            boolean javaReads;
            try {
                java.util.regex.Pattern.compile(pattern);
                javaReads = true;
            } catch (java.util.regex.PatternSyntaxException j) {
                javaReads = false;
            }
            String why = e.getDescription() == null ? "not a valid pattern" : e.getDescription();
            if (javaReads) {
                throw SigmaRuleException.of("sigma/unsupported-regex", span, "regex '" + r.pattern()
                        + "' uses a feature linear-time matching does not have (" + why + ")", quote,
                        "rewrite without look-around or back-references; Vigil runs every regex in linear time");
            }
            throw SigmaRuleException.of("sigma/bad-regex", span, "invalid regex '" + r.pattern() + "': " + why, quote,
                    "Sigma 're' values are regular expressions; escape literal metacharacters with '\\'");
        }
        return new Expr.Match(field, StringOp.REGEX, pattern, cased, span);
    }
}
