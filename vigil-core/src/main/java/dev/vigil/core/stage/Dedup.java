package dev.vigil.core.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Passes the first row for each combination of values of {@code columns} ({@code | dedup}). */
public record Dedup(List<String> columns) implements Stage {

    public Dedup {
        columns = List.copyOf(columns);
    }

    @Override
    public String describe() {
        return "dedup " + String.join(" ", columns);
    }

    @Override
    public void accept(Row row, StageState state, Consumer<Row> out) {
        List<List<String>> key = new ArrayList<>();
        for (String c : columns) {
            List<String> v = row.texts(c);
            if (v.isEmpty()) {
                return; // Splunk's dedup drops rows that lack a dedup field
            }
            key.add(v);
        }
        boolean[] fresh = {false};
        state.computeIfAbsent(key, () -> {
            fresh[0] = true;
            return Boolean.TRUE;
        });
        if (fresh[0]) {
            out.accept(row);
        }
    }
}
