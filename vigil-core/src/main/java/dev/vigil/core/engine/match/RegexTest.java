package dev.vigil.core.engine.match;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vigil.core.event.Field;
import dev.vigil.core.ir.Expr;

/** An unanchored regular-expression search, in linear time (RE2 semantics: no backreferences). */
public final class RegexTest extends FieldTest {

    private final Pattern pattern;
    /** Literal runs every match holds in order, checked first: most values fail them without the machine. */
    private final RegexRuns runs;

    private RegexTest(Field field, Pattern pattern, RegexRuns runs) {
        super(field);
        this.pattern = pattern;
        this.runs = runs.any() ? runs : null;
    }

    /** @throws PatternSyntaxException when the pattern is not valid RE2 syntax; dialects check this first */
    public static RegexTest of(Expr.Match m) {
        int flags = m.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE;
        return new RegexTest(Field.of(m.field()), Pattern.compile(m.needle(), flags),
                RegexRuns.of(m.needle(), m.caseSensitive()));
    }

    @Override
    protected boolean accept(String value) {
        if (runs != null) {
            RegexRuns.Verdict v = runs.test(value);
            if (v != RegexRuns.Verdict.MAYBE) {
                return v == RegexRuns.Verdict.YES;
            }
        }
        return pattern.matcher(value).find();
    }

    @Override
    public int cost() {
        return 20;
    }
}
