package dev.vigil.core.stage;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Computes columns ({@code | eval a=..., b=...}); assignments run left to right, each seeing the last. */
public record Eval(List<Assignment> assignments) implements Stage {

    public record Assignment(String column, EvalTerm term) {
    }

    public Eval {
        assignments = List.copyOf(assignments);
    }

    @Override
    public String describe() {
        return "eval " + assignments.stream().map(a -> a.column() + "=" + a.term()).collect(Collectors.joining(", "));
    }

    @Override
    public void accept(Row row, StageState state, Consumer<Row> out) {
        Row copy = row.copy();
        for (Assignment a : assignments) {
            Object v = a.term().value(copy);
            if (v instanceof Boolean) {
                v = null; // a bare comparison is not a value in SPL eval
            }
            if (v == null) {
                copy.values().remove(a.column());
            } else {
                copy.values().put(a.column(), v);
            }
        }
        out.accept(copy);
    }
}
