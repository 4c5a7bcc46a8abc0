package dev.vigil.core.stage;

import java.util.List;
import java.util.function.Consumer;

/** Gives absent columns a value ({@code | fillnull value=0 a b}); with no columns, every known column. */
public record FillNull(String value, List<String> columns) implements Stage {

    public FillNull {
        columns = List.copyOf(columns);
    }

    @Override
    public String describe() {
        return "fillnull value=" + value + " " + String.join(" ", columns);
    }

    @Override
    public void accept(Row row, StageState state, Consumer<Row> out) {
        Row copy = row.copy();
        for (String c : columns) {
            copy.values().putIfAbsent(c, value);
        }
        out.accept(copy);
    }
}
