package dev.vigil.core.stage;

import dev.vigil.core.event.Event;
import dev.vigil.core.event.Field;
import dev.vigil.core.event.Origin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One result row flowing through a query's stages: named values, plus the events that formed it. A value
 * is a {@code String}, a {@code Long} or {@code Double}, or a {@code List<String>} (a multivalue); an
 * absent column is simply not in the map. Rows are mutable while a stage builds them, then passed on.
 *
 * @param timeMillis the latest event time in the row (epoch ms), or {@link Long#MIN_VALUE}
 */
public record Row(Map<String, Object> values, List<Origin> sources, long timeMillis, String host) {

    /** The column of an event row that holds its time, in epoch seconds (SPL's {@code _time}). */
    public static final String TIME = "_time";

    /** A row holding every field of an event under its canonical name, plus {@code _time}. */
    public static Row of(Event event) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : event.fields()) {
            Object v = event.get(f);
            if (v instanceof String[] a) {
                values.put(f.name(), new ArrayList<>(Arrays.asList(a)));
            } else if (v != null) {
                values.put(f.name(), v);
            }
        }
        if (event.timeMillis() != Long.MIN_VALUE) {
            values.put(TIME, Math.floorDiv(event.timeMillis(), 1000L));
        }
        List<Origin> sources = event.origin() == null ? List.of() : List.of(event.origin());
        return new Row(values, sources, event.timeMillis(), event.host());
    }

    public Object get(String column) {
        return values.get(column);
    }

    /** The values of a column as text: none when absent, one for a single value, all of a multivalue. */
    public List<String> texts(String column) {
        return texts(values.get(column));
    }

    static List<String> texts(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        return List.of(text(v));
    }

    /** SPL's text form of a value: integral numbers print without a fraction. */
    public static String text(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    /** A copy with its own value map, so a stage can change it without touching the input. */
    public Row copy() {
        return new Row(new LinkedHashMap<>(values), sources, timeMillis, host);
    }
}
