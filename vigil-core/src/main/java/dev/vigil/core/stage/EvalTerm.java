package dev.vigil.core.stage;

import dev.vigil.core.engine.Compiler;
import dev.vigil.core.engine.Matcher;
import dev.vigil.core.ir.Expr;

import java.util.ArrayList;
import java.util.List;

/** An expression computing one value from a row ({@code | eval}). Null means "no value" (SPL null). */
public interface EvalTerm {

    Object value(Row row);

    record Literal(Object value) implements EvalTerm {
        @Override
        public Object value(Row row) {
            return value;
        }

        @Override
        public String toString() {
            return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        }
    }

    record Column(String name) implements EvalTerm {
        @Override
        public Object value(Row row) {
            return row.get(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A boolean condition, in IR, evaluated on the row (the first argument of {@code if}, {@code case}). */
    record Condition(Expr expr, Matcher matcher) implements EvalTerm {
        public static Condition of(Expr expr) {
            return new Condition(expr, new Compiler().compile(expr));
        }

        @Override
        public Object value(Row row) {
            return matcher.test(new RowEvent(row));
        }

        @Override
        public String toString() {
            return expr.toString();
        }
    }

    record Call(String name, EvalFunction function, List<EvalTerm> args) implements EvalTerm {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public Object value(Row row) {
            List<Object> values = new ArrayList<>(args.size());
            for (EvalTerm a : args) {
                values.add(a.value(row));
            }
            return function.apply(values);
        }

        @Override
        public String toString() {
            return name + args;
        }
    }
}
