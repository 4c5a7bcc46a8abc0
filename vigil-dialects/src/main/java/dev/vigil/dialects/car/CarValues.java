package dev.vigil.dialects.car;

import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.ir.CompareOp;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.Glob;
import dev.vigil.core.ir.StringOp;

import java.util.Map;

/** Turns CAR values into IR leaves, applying CAR's string rule and case-insensitivity. */
final class CarValues {

    private static final Map<String, CompareOp> COMPARISONS = Map.of(
            "<", CompareOp.LT, "<=", CompareOp.LE, ">", CompareOp.GT, ">=", CompareOp.GE);

    private CarValues() {
    }

    /**
     * CAR's string rule: {@code \\} is one backslash, any other backslash is itself, and {@code *} is always
     * a wildcard (so {@code C:\Windows\Tasks\*} keeps its final wildcard). The result is a Vigil glob.
     */
    static String toGlob(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                    i++;
                } else if (i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\'')) {
                    c = text.charAt(++i);
                    sb.append(c);
                    continue;
                }
                sb.append("\\\\");
            } else if (c == '*') {
                sb.append('*');
            } else if (c == '?') {
                sb.append("\\?");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static Expr equality(CarField f, CarToken value, SourceSpan span) {
        if (f.canonical() == null) {
            return new Expr.Const(false, f.why(), span);
        }
        if (value.kind() == CarToken.Kind.NUMBER) {
            return new Expr.Compare(f.canonical(), CompareOp.EQ, Double.parseDouble(value.text()), span);
        }
        String glob = toGlob(value.text());
        if (value.kind() == CarToken.Kind.WORD && looksLikeCidr(value.text())) {
            return new Expr.Cidr(f.canonical(), value.text(), span);
        }
        return Glob.hasWildcard(glob)
                ? new Expr.Match(f.canonical(), StringOp.GLOB, glob, false, span)
                : new Expr.Match(f.canonical(), StringOp.EQUALS, Glob.unescape(glob), false, span);
    }

    static Expr contains(CarField f, CarToken value, SourceSpan span) {
        if (f.canonical() == null) {
            return new Expr.Const(false, f.why(), span);
        }
        return new Expr.Match(f.canonical(), StringOp.GLOB, "*" + toGlob(value.text()) + "*", false, span);
    }

    static Expr comparison(CarField f, CarToken op, CarToken value, SourceSpan span) {
        if (value.kind() != CarToken.Kind.NUMBER) {
            throw new CarParser.CarSyntaxError(dev.vigil.core.diag.Diagnostic.error("car/bad-expression", span,
                    "'" + op.text() + "' needs a number, found '" + value.raw() + "'").withQuote(value.raw()));
        }
        if (f.canonical() == null) {
            return new Expr.Const(false, f.why(), span);
        }
        return new Expr.Compare(f.canonical(), COMPARISONS.get(op.text()), Double.parseDouble(value.text()), span);
    }

    static Expr regex(CarField f, String pattern, SourceSpan span) {
        return f.canonical() == null ? new Expr.Const(false, f.why(), span)
                : new Expr.Match(f.canonical(), StringOp.REGEX, pattern, true, span);
    }

    static Expr exists(CarField f, SourceSpan span) {
        return f.canonical() == null ? new Expr.Const(false, f.why(), span) : new Expr.Exists(f.canonical(), span);
    }

    private static boolean looksLikeCidr(String s) {
        int slash = s.indexOf('/');
        return slash > 0 && s.substring(slash + 1).chars().allMatch(Character::isDigit)
                && (s.indexOf('.') > 0 || s.indexOf(':') >= 0) && slash < s.length() - 1;
    }
}
