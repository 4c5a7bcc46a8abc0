package dev.vigil.flink;

import dev.vigil.core.event.Origin;
import dev.vigil.core.stage.Aggregate;
import dev.vigil.core.stage.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Splits a row by the group it belongs to in an aggregation, so Flink can key by the group: a multivalue group
 * column puts a row in one group per value (as {@link Aggregate} itself does), and each copy carries just that
 * value. A row missing a group column goes nowhere, unless the aggregation fills it in.
 */
final class GroupRows {

    private GroupRows() {
    }

    static List<Row> split(Aggregate a, Row row) {
        List<Row> out = new ArrayList<>();
        out.add(row);
        for (Aggregate.Key k : a.keys()) {
            List<String> values = row.texts(k.source());
            if (values.isEmpty()) {
                if (a.fillNull() == null) {
                    return List.of();
                }
                values = List.of(a.fillNull());
            }
            List<Row> next = new ArrayList<>();
            for (Row r : out) {
                for (String v : values) {
                    Row copy = r.copy();
                    copy.values().put(k.source(), v);
                    next.add(copy);
                }
            }
            out = next;
        }
        return out;
    }

    /** The group a split row belongs to, as a key suffix. */
    static String key(Aggregate a, Row row) {
        StringBuilder b = new StringBuilder();
        for (Aggregate.Key k : a.keys()) {
            List<String> v = row.texts(k.source());
            b.append('\u0000').append(v.isEmpty() ? a.fillNull() : v.get(0));
        }
        return b.toString();
    }

    static byte[] bytes(Row row) {
        return StateBytes.of(new Object[] {new LinkedHashMap<>(row.values()), new ArrayList<>(row.sources()),
                row.timeMillis(), row.host()});
    }

    @SuppressWarnings("unchecked")
    static Row row(byte[] bytes) {
        Object[] parts = StateBytes.read(bytes);
        return new Row((LinkedHashMap<String, Object>) parts[0], (List<Origin>) parts[1], (Long) parts[2],
                (String) parts[3]);
    }
}
