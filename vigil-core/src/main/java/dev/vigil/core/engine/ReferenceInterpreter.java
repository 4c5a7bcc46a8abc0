package dev.vigil.core.engine;

import com.google.re2j.Pattern;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Field;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.Glob;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The naive meaning of the IR, written as plainly as possible and kept apart from the compiled
 * matchers: tests check that the optimised engine gives the same verdicts as this on any event.
 */
public final class ReferenceInterpreter {

    private ReferenceInterpreter() {
    }

    public static boolean eval(Expr e, Event event) {
        if (e instanceof Expr.And a) {
            return a.terms().stream().allMatch(t -> eval(t, event));
        }
        if (e instanceof Expr.Or o) {
            return o.terms().stream().anyMatch(t -> eval(t, event));
        }
        if (e instanceof Expr.Not n) {
            return !eval(n.term(), event);
        }
        if (e instanceof Expr.Const c) {
            return c.value();
        }
        if (e instanceof Expr.Exists x) {
            return event.get(Field.of(x.field())) != null;
        }
        if (e instanceof Expr.Match m) {
            return values(event, m.field()).stream().anyMatch(v -> match(m, v));
        }
        if (e instanceof Expr.Compare c) {
            return values(event, c.field()).stream().anyMatch(v -> {
                double d = NumericText.parse(v);
                return !Double.isNaN(d) && c.op().test(d, c.value());
            });
        }
        if (e instanceof Expr.Cidr c) {
            IpNetwork net = IpNetwork.parse(c.cidr());
            return values(event, c.field()).stream().anyMatch(net::contains);
        }
        Expr.FieldCompare f = (Expr.FieldCompare) e;
        String a = event.text(Field.of(f.field()));
        String b = event.text(Field.of(f.other()));
        if (a == null || b == null) {
            return false;
        }
        return match(new Expr.Match(f.field(), f.op(), b, f.caseSensitive(), null), a);
    }

    private static List<String> values(Event event, String field) {
        List<String> out = new ArrayList<>();
        if (Field.ANY_NAME.equals(field)) {
            for (Field f : event.fields()) {
                add(event.get(f), out);
            }
            return out;
        }
        add(event.get(Field.of(field)), out);
        return out;
    }

    private static void add(Object v, List<String> out) {
        if (v instanceof String s) {
            out.add(s);
        } else if (v instanceof String[] arr) {
            for (String s : arr) {
                if (s != null) {
                    out.add(s);
                }
            }
        }
    }

    private static boolean match(Expr.Match m, String value) {
        boolean cs = m.caseSensitive();
        String v = cs ? value : value.toLowerCase(Locale.ROOT);
        String n = cs ? m.needle() : m.needle().toLowerCase(Locale.ROOT);
        return switch (m.op()) {
            case EQUALS -> v.equals(n);
            case CONTAINS -> v.indexOf(n) >= 0;
            case STARTS_WITH -> v.regionMatches(0, n, 0, n.length());
            case ENDS_WITH -> v.length() >= n.length() && v.regionMatches(v.length() - n.length(), n, 0, n.length());
            case GLOB -> globRecursive(Glob.parse(n), v);
            case REGEX -> Pattern.compile(m.needle(), cs ? 0 : Pattern.CASE_INSENSITIVE).matcher(value).find();
        };
    }

    // Plain recursive matching, deliberately a different algorithm from Glob.matches.
    private static boolean globRecursive(Glob g, String text) {
        StringBuilder pat = new StringBuilder();
        List<Boolean> wild = new ArrayList<>();
        for (int i = 0; i < g.literals().size(); i++) {
            for (char c : g.literals().get(i).toCharArray()) {
                pat.append(c);
                wild.add(false);
            }
            if (i < g.wildcards().size()) {
                pat.append(g.wildcards().get(i).charValue());
                wild.add(true);
            }
        }
        return rec(pat.toString(), wild, 0, text, 0);
    }

    private static boolean rec(String p, List<Boolean> wild, int i, String t, int j) {
        if (i == p.length()) {
            return j == t.length();
        }
        if (wild.get(i) && p.charAt(i) == '*') {
            for (int k = j; k <= t.length(); k++) {
                if (rec(p, wild, i + 1, t, k)) {
                    return true;
                }
            }
            return false;
        }
        if (j == t.length()) {
            return false;
        }
        if ((wild.get(i) && p.charAt(i) == '?') || p.charAt(i) == t.charAt(j)) {
            return rec(p, wild, i + 1, t, j + 1);
        }
        return false;
    }
}
