package dev.vigil.core.stage;

import dev.vigil.core.engine.Compiler;
import dev.vigil.core.engine.Matcher;
import dev.vigil.core.ir.Expr;

import java.util.function.Consumer;

/**
 * Keeps the rows that satisfy a condition (SPL {@code | search} and {@code | where} after the first
 * command). The condition is ordinary IR over column names, compiled by the one compiler.
 *
 * @param command what the author wrote it as ({@code search}, {@code where}), for explain output
 */
public record RowFilter(String command, Expr condition, Matcher matcher) implements Stage {

    public static RowFilter of(String command, Expr condition) {
        return new RowFilter(command, condition, new Compiler().compile(condition));
    }

    @Override
    public String describe() {
        return command + " " + condition;
    }

    @Override
    public void accept(Row row, StageState state, Consumer<Row> out) {
        if (matcher.test(new RowEvent(row))) {
            out.accept(row);
        }
    }
}
