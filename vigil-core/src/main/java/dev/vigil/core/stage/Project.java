package dev.vigil.core.stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps (SPL {@code table}, {@code fields}) or drops ({@code fields -}) columns; names may hold {@code *}.
 */
public record Project(List<String> columns, boolean keep) implements Stage {

    public Project {
        columns = List.copyOf(columns);
    }

    @Override
    public String describe() {
        return (keep ? "fields " : "fields - ") + String.join(", ", columns);
    }

    private boolean named(String column) {
        for (String c : columns) {
            if (new Rename.Rule(c, c).apply(column) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void accept(Row row, StageState state, Consumer<Row> out) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (keep) {
            for (String c : columns) {
                row.values().forEach((k, v) -> {
                    if (!values.containsKey(k) && new Rename.Rule(c, c).apply(k) != null) {
                        values.put(k, v);
                    }
                });
            }
        } else {
            row.values().forEach((k, v) -> {
                if (!named(k)) {
                    values.put(k, v);
                }
            });
        }
        out.accept(new Row(values, row.sources(), row.timeMillis(), row.host()));
    }
}
