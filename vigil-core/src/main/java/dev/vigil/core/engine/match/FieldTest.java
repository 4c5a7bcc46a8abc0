package dev.vigil.core.engine.match;

import dev.vigil.core.engine.MatchContext;
import dev.vigil.core.engine.Matcher;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Field;

/**
 * A test on the values of one field: false when absent, true when any value of a multi-valued field passes.
 * On the {@link Field#ANY_NAME} pseudo-field it tests the values of every present field. A case-insensitive
 * test run inside a {@link MatchContext} reads the values already folded, so a value is folded once per
 * event, not once per test.
 */
public abstract class FieldTest extends Matcher {

    protected final Field field;

    protected FieldTest(Field field) {
        this.field = field;
    }

    @Override
    public final boolean test(Event event) {
        if (foldsCase() && event instanceof MatchContext ctx) {
            if (field.isAny()) {
                for (Field f : ctx.fields()) {
                    if (test(ctx.folded(f), true)) {
                        return true;
                    }
                }
                return false;
            }
            return test(ctx.folded(field), true);
        }
        if (field.isAny()) {
            for (Field f : event.fields()) {
                if (test(event.get(f), false)) {
                    return true;
                }
            }
            return false;
        }
        return test(event.get(field), false);
    }

    private boolean test(Object v, boolean folded) {
        if (v instanceof String s) {
            return folded ? acceptFolded(s) : accept(s);
        }
        if (v instanceof String[] values) {
            for (String s : values) {
                if (s != null && (folded ? acceptFolded(s) : accept(s))) {
                    return true;
                }
            }
        }
        return false;
    }

    protected abstract boolean accept(String value);

    /** True when the test lower-cases the value first: it can then take the context's folded copy. */
    protected boolean foldsCase() {
        return false;
    }

    /** The test on a value already lower-cased with {@code Locale.ROOT}. */
    protected boolean acceptFolded(String folded) {
        return accept(folded);
    }

    public Field field() {
        return field;
    }
}
