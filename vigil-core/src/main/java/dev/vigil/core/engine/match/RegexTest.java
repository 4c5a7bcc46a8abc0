package dev.vigil.core.engine.match;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vigil.core.event.Field;
import dev.vigil.core.ir.Expr;

/** An unanchored regular-expression search, in linear time (RE2 semantics: no backreferences). */
public final class RegexTest extends FieldTest {

    private final Pattern pattern;

    private RegexTest(Field field, Pattern pattern) {
        super(field);
        this.pattern = pattern;
    }

    /** @throws PatternSyntaxException when the pattern is not valid RE2 syntax; dialects check this first */
    public static RegexTest of(Expr.Match m) {
        int flags = m.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE;
        return new RegexTest(Field.of(m.field()), Pattern.compile(m.needle(), flags));
    }

    @Override
    protected boolean accept(String value) {
        return pattern.matcher(value).find();
    }

    @Override
    public int cost() {
        return 20;
    }
}
