package dev.vigil.core.engine.match;

import dev.vigil.core.engine.Matcher;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Field;

/**
 * A test on the values of one field: false when absent, true when any value of a multi-valued field passes.
 * On the {@link Field#ANY_NAME} pseudo-field it tests the values of every present field.
 */
public abstract class FieldTest extends Matcher {

    protected final Field field;

    protected FieldTest(Field field) {
        this.field = field;
    }

    @Override
    public final boolean test(Event event) {
        if (field.isAny()) {
            for (Field f : event.fields()) {
                if (test(event.get(f))) {
                    return true;
                }
            }
            return false;
        }
        return test(event.get(field));
    }

    private boolean test(Object v) {
        if (v instanceof String s) {
            return accept(s);
        }
        if (v instanceof String[] values) {
            for (String s : values) {
                if (s != null && accept(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    protected abstract boolean accept(String value);

    public Field field() {
        return field;
    }
}
