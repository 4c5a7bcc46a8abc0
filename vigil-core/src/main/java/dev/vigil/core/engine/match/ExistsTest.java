package dev.vigil.core.engine.match;

import dev.vigil.core.engine.Matcher;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Field;

/** True when the field is present. */
public final class ExistsTest extends Matcher {

    private final Field field;

    public ExistsTest(Field field) {
        this.field = field;
    }

    @Override
    public boolean test(Event event) {
        return event.get(field) != null;
    }

    @Override
    public int cost() {
        return 1;
    }
}
