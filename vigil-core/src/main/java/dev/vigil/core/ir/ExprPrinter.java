package dev.vigil.core.ir;

import java.util.stream.Collectors;

/**
 * Prints an {@link Expr} as a canonical s-expression, the form used by golden tests and
 * {@code vigil explain}:
 * <pre>
 * (or (and (match Image equals i "C:\Windows\System32\net.exe") (match CommandLine glob i "*delete*"))
 *     (false "unknown field 'comman_line'"))
 * </pre>
 * Strings are quoted with {@code "} and {@code \} escaped. {@code i} marks a case-insensitive test,
 * {@code c} a case-sensitive one.
 */
public final class ExprPrinter {

    private ExprPrinter() {
    }

    public static String print(Expr e) {
        if (e instanceof Expr.And a) {
            return a.terms().isEmpty() ? "(true)" : "(and " + join(a.terms()) + ")";
        }
        if (e instanceof Expr.Or o) {
            return o.terms().isEmpty() ? "(false)" : "(or " + join(o.terms()) + ")";
        }
        if (e instanceof Expr.Not n) {
            return "(not " + print(n.term()) + ")";
        }
        if (e instanceof Expr.Const c) {
            return "(" + c.value() + (c.why().isEmpty() ? "" : " " + quote(c.why())) + ")";
        }
        if (e instanceof Expr.Match m) {
            return "(match " + m.field() + " " + m.op().keyword() + " " + (m.caseSensitive() ? "c" : "i") + " "
                    + quote(m.needle()) + ")";
        }
        if (e instanceof Expr.Exists x) {
            return "(exists " + x.field() + ")";
        }
        if (e instanceof Expr.Compare c) {
            return "(compare " + c.field() + " " + c.op().symbol() + " " + number(c.value()) + ")";
        }
        if (e instanceof Expr.Cidr c) {
            return "(cidr " + c.field() + " " + quote(c.cidr()) + ")";
        }
        Expr.FieldCompare f = (Expr.FieldCompare) e;
        return "(fieldref " + f.field() + " " + f.op().keyword() + " " + (f.caseSensitive() ? "c" : "i") + " "
                + f.other() + ")";
    }

    private static String join(java.util.List<Expr> terms) {
        return terms.stream().map(ExprPrinter::print).collect(Collectors.joining(" "));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
