package dev.vigil.core.engine.match;

import dev.vigil.core.event.Field;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.Glob;
import dev.vigil.core.ir.StringOp;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The literal string tests (equals, contains, startswith, endswith, glob), one small class each,
 * registered by operator. Case-insensitive tests fold the needle once here and the value per test.
 */
public abstract class StringTest extends FieldTest {

    private static final Map<StringOp, BiFunction<Field, String, StringTest>> BY_OP = new EnumMap<>(StringOp.class);

    static {
        BY_OP.put(StringOp.EQUALS, EqualsTest::new);
        BY_OP.put(StringOp.CONTAINS, ContainsTest::new);
        BY_OP.put(StringOp.STARTS_WITH, StartsWithTest::new);
        BY_OP.put(StringOp.ENDS_WITH, EndsWithTest::new);
        BY_OP.put(StringOp.GLOB, GlobTest::new);
    }

    protected final String needle;
    private final boolean caseSensitive;

    protected StringTest(Field field, String needle) {
        super(field);
        this.needle = needle;
        this.caseSensitive = true;
    }

    private StringTest(StringTest inner, boolean caseSensitive) {
        super(inner.field);
        this.needle = inner.needle;
        this.caseSensitive = caseSensitive;
    }

    /** The compiled test for a literal match (not regex). */
    public static FieldTest of(Expr.Match m) {
        Field f = Field.of(m.field());
        String needle = m.caseSensitive() || m.op() == StringOp.GLOB ? m.needle() : m.needle().toLowerCase(Locale.ROOT);
        StringTest t = BY_OP.get(m.op()).apply(f, needle);
        if (m.op() == StringOp.GLOB && !m.caseSensitive()) {
            t = new GlobTest(f, Glob.parse(m.needle()).lowerCase());
        }
        return m.caseSensitive() ? t : new FoldCase(t);
    }

    public String needle() {
        return needle;
    }

    public boolean caseSensitive() {
        return caseSensitive;
    }

    @Override
    public int cost() {
        return 2;
    }

    /** Folds the value before the wrapped test, whose needle is already folded. */
    static final class FoldCase extends FieldTest {
        private final StringTest inner;

        FoldCase(StringTest inner) {
            super(inner.field);
            this.inner = inner;
        }

        @Override
        protected boolean accept(String value) {
            return inner.accept(value.toLowerCase(Locale.ROOT));
        }

        @Override
        protected boolean foldsCase() {
            return true;
        }

        @Override
        protected boolean acceptFolded(String folded) {
            return inner.accept(folded);
        }

        @Override
        public int cost() {
            return 3;
        }
    }

    static final class EqualsTest extends StringTest {
        EqualsTest(Field f, String needle) {
            super(f, needle);
        }

        @Override
        protected boolean accept(String v) {
            return v.equals(needle);
        }
    }

    static final class ContainsTest extends StringTest {
        ContainsTest(Field f, String needle) {
            super(f, needle);
        }

        @Override
        protected boolean accept(String v) {
            return v.contains(needle);
        }
    }

    static final class StartsWithTest extends StringTest {
        StartsWithTest(Field f, String needle) {
            super(f, needle);
        }

        @Override
        protected boolean accept(String v) {
            return v.startsWith(needle);
        }
    }

    static final class EndsWithTest extends StringTest {
        EndsWithTest(Field f, String needle) {
            super(f, needle);
        }

        @Override
        protected boolean accept(String v) {
            return v.endsWith(needle);
        }
    }

    static final class GlobTest extends StringTest {
        private final Glob glob;

        GlobTest(Field f, String pattern) {
            this(f, Glob.parse(pattern));
        }

        GlobTest(Field f, Glob glob) {
            super(f, "");
            this.glob = glob;
        }

        @Override
        protected boolean accept(String v) {
            return glob.matches(v);
        }

        @Override
        public int cost() {
            return 4;
        }
    }
}
