package dev.vigil.core.stage;

import dev.vigil.core.engine.NumericText;

import java.util.function.Consumer;

/** Rounds a numeric column down to a multiple of {@code span} ({@code | bin _time span=1h}). */
public record Bin(String column, double span) implements Stage {

    @Override
    public String describe() {
        return "bin " + column + " span=" + Row.text(span);
    }

    @Override
    public void accept(Row row, StageState state, Consumer<Row> out) {
        Object v = row.get(column);
        double d = v instanceof Number n ? n.doubleValue() : NumericText.parse(v == null ? null : Row.text(v));
        if (Double.isNaN(d) || span <= 0) {
            out.accept(row);
            return;
        }
        Row copy = row.copy();
        copy.values().put(column, AggregateFunction.number(Math.floor(d / span) * span));
        out.accept(copy);
    }
}
