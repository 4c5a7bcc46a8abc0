package dev.vigil.core.stage;

import dev.vigil.core.event.Event;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.event.Field;
import dev.vigil.core.event.Origin;

import java.util.ArrayList;
import java.util.List;

/** A row seen through the event view, so the one compiler and matcher also filter rows. */
final class RowEvent implements Event {

    private final Row row;

    RowEvent(Row row) {
        this.row = row;
    }

    @Override
    public Object get(Field field) {
        Object v = row.get(field.name());
        if (v == null) {
            return null;
        }
        if (v instanceof List<?>) {
            return Row.texts(v).toArray(new String[0]);
        }
        return Row.text(v);
    }

    @Override
    public EventClass eventClass() {
        return EventClass.UNKNOWN;
    }

    @Override
    public long timeMillis() {
        return row.timeMillis();
    }

    @Override
    public String host() {
        return row.host();
    }

    @Override
    public Origin origin() {
        return row.sources().isEmpty() ? null : row.sources().get(0);
    }

    @Override
    public Iterable<Field> fields() {
        List<Field> out = new ArrayList<>();
        row.values().keySet().forEach(k -> out.add(Field.of(k)));
        return out;
    }
}
