package dev.vigil.core.stage;

import dev.vigil.core.engine.NumericText;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The eval functions Vigil implements, by SPL name. Arguments arrive evaluated; a function given null
 * where it needs a value returns null, as SPL's do. Regular expressions run on RE2 (linear time).
 */
@FunctionalInterface
public interface EvalFunction {

    Object apply(List<Object> args);

    /** Every function by name, with its arity range: {min, max} (max -1 = any). */
    Map<String, EvalFunction> BY_NAME = registry();

    Map<String, int[]> ARITY = arities();

    private static Map<String, EvalFunction> registry() {
        Map<String, EvalFunction> m = new TreeMap<>();
        m.put("lower", a -> text(a.get(0)) == null ? null : text(a.get(0)).toLowerCase(Locale.ROOT));
        m.put("upper", a -> text(a.get(0)) == null ? null : text(a.get(0)).toUpperCase(Locale.ROOT));
        m.put("len", a -> text(a.get(0)) == null ? null : (long) text(a.get(0)).length());
        m.put("trim", a -> text(a.get(0)) == null ? null : text(a.get(0)).strip());
        m.put("tostring", a -> text(a.get(0)));
        m.put("tonumber", a -> {
            double d = NumericText.parse(text(a.get(0)));
            return Double.isNaN(d) ? null : AggregateFunction.number(d);
        });
        m.put("coalesce", a -> a.stream().filter(v -> v != null).findFirst().orElse(null));
        m.put("if", a -> Boolean.TRUE.equals(a.get(0)) ? a.get(1) : a.get(2));
        m.put("null", a -> null);
        m.put("isnull", a -> a.get(0) == null);
        m.put("isnotnull", a -> a.get(0) != null);
        m.put("mvcount", a -> a.get(0) == null ? null : (long) Row.texts(a.get(0)).size());
        m.put("mvindex", a -> {
            List<String> v = Row.texts(a.get(0));
            double i = NumericText.parse(text(a.get(1)));
            if (v.isEmpty() || Double.isNaN(i)) {
                return null;
            }
            int idx = (int) i < 0 ? v.size() + (int) i : (int) i;
            return idx >= 0 && idx < v.size() ? v.get(idx) : null;
        });
        m.put("mvjoin", a -> a.get(0) == null ? null : String.join(String.valueOf(text(a.get(1))), Row.texts(a.get(0))));
        m.put("split", a -> {
            String s = text(a.get(0));
            String sep = text(a.get(1));
            if (s == null || sep == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            int from = 0;
            for (int i = s.indexOf(sep); i >= 0 && !sep.isEmpty(); i = s.indexOf(sep, from)) {
                out.add(s.substring(from, i));
                from = i + sep.length();
            }
            out.add(s.substring(from));
            return out;
        });
        m.put("substr", a -> {
            String s = text(a.get(0));
            double start = NumericText.parse(text(a.get(1)));
            if (s == null || Double.isNaN(start)) {
                return null;
            }
            // SPL substr is 1-based; a negative start counts from the end.
            int b = start > 0 ? (int) start - 1 : Math.max(0, s.length() + (int) start);
            b = Math.min(b, s.length());
            int e = s.length();
            if (a.size() > 2) {
                double len = NumericText.parse(text(a.get(2)));
                e = Double.isNaN(len) ? e : Math.min(s.length(), b + Math.max(0, (int) len));
            }
            return s.substring(b, e);
        });
        m.put("replace", a -> {
            String s = text(a.get(0));
            if (s == null || text(a.get(1)) == null || text(a.get(2)) == null) {
                return null;
            }
            // SPL writes back-references as \1; RE2/J's replacement syntax is $1.
            String repl = text(a.get(2)).replace("$", "\\$").replaceAll("\\\\(\\d)", "\\$$1");
            return Pattern.compile(text(a.get(1))).matcher(s).replaceAll(repl);
        });
        m.put("match", a -> text(a.get(0)) != null && text(a.get(1)) != null
                && Pattern.compile(text(a.get(1))).matcher(text(a.get(0))).find());
        m.put("abs", a -> arithmetic(a.get(0), a.get(0), (x, y) -> Math.abs(x)));
        m.put("round", a -> {
            double d = NumericText.parse(text(a.get(0)));
            double p = a.size() > 1 ? NumericText.parse(text(a.get(1))) : 0;
            if (Double.isNaN(d)) {
                return null;
            }
            double f = Math.pow(10, Double.isNaN(p) ? 0 : p);
            return AggregateFunction.number(Math.round(d * f) / f);
        });
        m.put("+", a -> {
            double x = NumericText.parse(text(a.get(0)));
            double y = NumericText.parse(text(a.get(1)));
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return text(a.get(0)) == null || text(a.get(1)) == null ? null : text(a.get(0)) + text(a.get(1));
            }
            return AggregateFunction.number(x + y);
        });
        m.put("-", a -> arithmetic(a.get(0), a.get(1), (x, y) -> x - y));
        m.put("*", a -> arithmetic(a.get(0), a.get(1), (x, y) -> x * y));
        m.put("/", a -> arithmetic(a.get(0), a.get(1), (x, y) -> y == 0 ? Double.NaN : x / y));
        m.put("%", a -> arithmetic(a.get(0), a.get(1), (x, y) -> y == 0 ? Double.NaN : x % y));
        m.put(".", a -> text(a.get(0)) == null || text(a.get(1)) == null ? null : text(a.get(0)) + text(a.get(1)));
        return Map.copyOf(m);
    }

    private static Map<String, int[]> arities() {
        Map<String, int[]> m = new TreeMap<>();
        for (String one : List.of("lower", "upper", "len", "trim", "tostring", "tonumber", "isnull", "isnotnull",
                "mvcount", "abs")) {
            m.put(one, new int[] {1, 1});
        }
        m.put("coalesce", new int[] {1, -1});
        m.put("if", new int[] {3, 3});
        m.put("null", new int[] {0, 0});
        m.put("mvindex", new int[] {2, 3});
        m.put("mvjoin", new int[] {2, 2});
        m.put("split", new int[] {2, 2});
        m.put("substr", new int[] {2, 3});
        m.put("replace", new int[] {3, 3});
        m.put("match", new int[] {2, 2});
        m.put("round", new int[] {1, 2});
        for (String op : List.of("+", "-", "*", "/", "%", ".")) {
            m.put(op, new int[] {2, 2});
        }
        return Map.copyOf(m);
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : String.valueOf(l.get(0));
        }
        return Row.text(v);
    }

    private static Object arithmetic(Object a, Object b, java.util.function.DoubleBinaryOperator op) {
        double x = NumericText.parse(text(a));
        double y = NumericText.parse(text(b));
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return null;
        }
        double r = op.applyAsDouble(x, y);
        return Double.isNaN(r) ? null : AggregateFunction.number(r);
    }
}
