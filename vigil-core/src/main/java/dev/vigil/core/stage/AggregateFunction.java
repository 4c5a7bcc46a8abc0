package dev.vigil.core.stage;

import dev.vigil.core.engine.NumericText;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The statistical functions of an aggregation ({@code count}, {@code values}, {@code dc}, {@code min},
 * ...), each a factory of accumulators. Semantics follow Splunk's stats: {@code values} is the distinct
 * values sorted lexicographically, {@code min}/{@code max} compare numerically when every value is a
 * number and as text otherwise, {@code count(f)} counts rows where {@code f} is present.
 */
public enum AggregateFunction {
    COUNT(Count::new), DC(DistinctCount::new), VALUES(Values::new), LIST(ListOf::new), MIN(() -> new Extreme(-1)),
    MAX(() -> new Extreme(1)), SUM(Sum::new), AVG(Average::new), EARLIEST(First::new), LATEST(Last::new);

    private final Supplier<Accumulator> factory;

    AggregateFunction(Supplier<Accumulator> factory) {
        this.factory = factory;
    }

    public Accumulator newAccumulator() {
        return factory.get();
    }

    /** Collects the values of one column for one group. */
    public interface Accumulator extends java.io.Serializable {
        /** Called once per row; {@code values} is empty when the column is absent. */
        void add(List<String> values);

        /** The result, or null when there is none (e.g. {@code min} of nothing). */
        Object result();
    }

    private static final class Count implements Accumulator {
        private long n;
        private final boolean everyRow;

        Count() {
            this(false);
        }

        Count(boolean everyRow) {
            this.everyRow = everyRow;
        }

        @Override
        public void add(List<String> values) {
            n += everyRow ? 1 : values.size();
        }

        @Override
        public Object result() {
            return n;
        }
    }

    /** {@code count} with no field counts rows, not values. */
    public static Accumulator rowCount() {
        return new Count(true);
    }

    private static final class DistinctCount implements Accumulator {
        private final TreeSet<String> seen = new TreeSet<>();

        @Override
        public void add(List<String> values) {
            seen.addAll(values);
        }

        @Override
        public Object result() {
            return (long) seen.size();
        }
    }

    private static final class Values implements Accumulator {
        private final TreeSet<String> seen = new TreeSet<>();

        @Override
        public void add(List<String> values) {
            seen.addAll(values);
        }

        @Override
        public Object result() {
            return seen.isEmpty() ? null : new ArrayList<>(seen);
        }
    }

    private static final class ListOf implements Accumulator {
        private static final int LIMIT = 100;
        private final List<String> all = new ArrayList<>();

        @Override
        public void add(List<String> values) {
            for (String v : values) {
                if (all.size() < LIMIT) {
                    all.add(v);
                }
            }
        }

        @Override
        public Object result() {
            return all.isEmpty() ? null : new ArrayList<>(all);
        }
    }

    private static final class Extreme implements Accumulator {
        private final int sign;
        private double number = Double.NaN;
        private String text;
        private boolean allNumeric = true;
        private boolean any;

        Extreme(int sign) {
            this.sign = sign;
        }

        @Override
        public void add(List<String> values) {
            for (String v : values) {
                any = true;
                double d = NumericText.parse(v);
                if (Double.isNaN(d)) {
                    allNumeric = false;
                } else if (Double.isNaN(number) || Double.compare(d, number) * sign > 0) {
                    number = d;
                }
                if (text == null || v.compareTo(text) * sign > 0) {
                    text = v;
                }
            }
        }

        @Override
        public Object result() {
            if (!any) {
                return null;
            }
            return allNumeric ? number(number) : text;
        }
    }

    private static final class Sum implements Accumulator {
        private double total;
        private boolean any;

        @Override
        public void add(List<String> values) {
            for (String v : values) {
                double d = NumericText.parse(v);
                if (!Double.isNaN(d)) {
                    total += d;
                    any = true;
                }
            }
        }

        @Override
        public Object result() {
            return any ? number(total) : null;
        }
    }

    private static final class Average implements Accumulator {
        private double total;
        private long n;

        @Override
        public void add(List<String> values) {
            for (String v : values) {
                double d = NumericText.parse(v);
                if (!Double.isNaN(d)) {
                    total += d;
                    n++;
                }
            }
        }

        @Override
        public Object result() {
            return n == 0 ? null : total / n;
        }
    }

    private static final class First implements Accumulator {
        private String value;

        @Override
        public void add(List<String> values) {
            if (value == null && !values.isEmpty()) {
                value = values.get(0);
            }
        }

        @Override
        public Object result() {
            return value;
        }
    }

    private static final class Last implements Accumulator {
        private String value;

        @Override
        public void add(List<String> values) {
            if (!values.isEmpty()) {
                value = values.get(values.size() - 1);
            }
        }

        @Override
        public Object result() {
            return value;
        }
    }

    /** Integral results stay integers ({@code 3}, not {@code 3.0}), as Splunk prints them. */
    static Object number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d;
        }
        return d;
    }
}
