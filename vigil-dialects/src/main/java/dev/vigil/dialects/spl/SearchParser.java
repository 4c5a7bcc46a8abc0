package dev.vigil.dialects.spl;

import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.engine.NumericText;
import dev.vigil.core.ir.CompareOp;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the boolean expression of the {@code search} command (also {@code tstats ... where}) into IR.
 * <pre>
 * expr    := conj
 * conj    := disj ( ["AND"] disj )*          implied AND: juxtaposed terms
 * disj    := unary ( "OR" unary )*           OR binds tighter than AND in search
 * unary   := "NOT" unary | primary           NOT applies to the next term or group only
 * primary := "(" expr ")" | term
 * term    := field ("=" | "!=" | "<" | "<=" | ">" | ">=") value
 *          | field "IN" "(" value ("," | value)* ")"
 *          | value                           a bare keyword
 * value   := word | "string" (adjacent pieces without whitespace glue into one value)
 * </pre>
 * Operators are uppercase only: lowercase {@code or} is a search term. Semantics: {@code f=v} is a
 * case-insensitive whole-value match where {@code *} is the only wildcard ({@code ?} and backslash are
 * literal); {@code f=*} is "f exists"; {@code f!=v} is {@code (and (exists f) (not f=v))} while
 * {@code NOT f=v} is {@code (not f=v)}; {@code index}/{@code source}/{@code sourcetype}/{@code eventtype}
 * are source bindings (true in the filter, recorded in the context's scope). A bare keyword is
 * approximated as a case-insensitive substring of the event's {@code _raw} text (Splunk matches indexed
 * terms); readers that keep no raw text make it false, and a warning says so.
 */
final class SearchParser {

    private final List<SplToken> tokens;
    private final SplContext ctx;
    private final FieldScope scope;
    private int pos;
    private boolean broken;

    SearchParser(List<SplToken> tokens, SplContext ctx, FieldScope scope) {
        this.tokens = tokens;
        this.ctx = ctx;
        this.scope = scope;
    }

    /** The expression, or null after a syntax error (reported). An empty search is true. */
    Expr parse() {
        if (peek().is(SplToken.Type.EOF)) {
            return Expr.Const.TRUE;
        }
        Expr e = conj();
        if (!broken && !peek().is(SplToken.Type.EOF)) {
            SplToken t = peek();
            syntax(t, "unexpected '" + t.raw() + "'", t.is(SplToken.Type.RPAREN) ? "unbalanced parentheses" : "");
        }
        return broken ? null : e;
    }

    private SplToken peek() {
        return tokens.get(Math.min(pos, tokens.size() - 1));
    }

    private SplToken next() {
        SplToken t = peek();
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }

    private void syntax(SplToken at, String message, String hint) {
        if (!broken) {
            ctx.error("spl/syntax", at.start(), message, hint);
        }
        broken = true;
    }

    private boolean startsTerm(SplToken t) {
        if (t.is(SplToken.Type.EOF) || t.is(SplToken.Type.RPAREN) || t.isKeyword("OR")) {
            return false;
        }
        return !t.is(SplToken.Type.OP) && !t.is(SplToken.Type.COMMA) && !t.is(SplToken.Type.RBRACKET);
    }

    private Expr conj() {
        List<Expr> terms = new ArrayList<>();
        terms.add(disj());
        while (!broken) {
            if (peek().isKeyword("AND")) {
                next();
                terms.add(disj());
            } else if (startsTerm(peek())) {
                terms.add(disj());
            } else {
                break;
            }
        }
        return Expr.and(terms);
    }

    private Expr disj() {
        List<Expr> terms = new ArrayList<>();
        terms.add(unary());
        while (!broken && peek().isKeyword("OR")) {
            next();
            terms.add(unary());
        }
        return Expr.or(terms);
    }

    private Expr unary() {
        if (peek().isKeyword("NOT")) {
            next();
            return Expr.not(unary());
        }
        return primary();
    }

    private Expr primary() {
        SplToken t = peek();
        if (t.is(SplToken.Type.LPAREN)) {
            next();
            if (peek().is(SplToken.Type.RPAREN)) {
                syntax(peek(), "empty parentheses", "");
                return Expr.Const.FALSE;
            }
            Expr e = conj();
            if (!peek().is(SplToken.Type.RPAREN)) {
                syntax(peek(), "missing ')'", "the '(' at this group is never closed");
            } else {
                next();
            }
            return e;
        }
        if (t.is(SplToken.Type.LBRACKET)) {
            ctx.error("spl/unsupported-subsearch", t.start(), "subsearches ('[ ... ]') are not supported",
                    "Vigil evaluates one search over one event stream; run the subsearch separately");
            broken = true;
            return Expr.Const.FALSE;
        }
        if (!(t.is(SplToken.Type.WORD) || t.is(SplToken.Type.STRING))) {
            syntax(t, "expected a search term, found '" + t.raw() + "'", "");
            next();
            return Expr.Const.FALSE;
        }
        next();
        SplToken after = peek();
        if (t.is(SplToken.Type.WORD) && after.is(SplToken.Type.OP) && !after.isOp("!")) {
            next();
            Value v = value();
            if (v == null) {
                syntax(after, "missing value after '" + t.raw() + after.raw() + "'", "quote an empty value: \"\"");
                return Expr.Const.FALSE;
            }
            return term(t, after.text(), v);
        }
        if (t.is(SplToken.Type.WORD) && after.isKeyword("IN") && tokens.get(pos + 1).is(SplToken.Type.LPAREN)) {
            next();
            next();
            List<Expr> alts = new ArrayList<>();
            while (!broken && !peek().is(SplToken.Type.RPAREN)) {
                if (peek().is(SplToken.Type.COMMA)) {
                    next();
                    continue;
                }
                Value v = value();
                if (v == null) {
                    syntax(peek(), "expected a value in IN list, found '" + peek().raw() + "'", "");
                    break;
                }
                alts.add(term(t, "=", v));
            }
            if (!broken) {
                next();
            }
            return alts.isEmpty() ? Expr.Const.FALSE : Expr.or(alts);
        }
        if (t.is(SplToken.Type.WORD) && after.is(SplToken.Type.LPAREN) && !after.spaceBefore()) {
            ctx.error("spl/unsupported-function", t.start(), "search function '" + t.text() + "(...)' is not supported",
                    "supported in search: field=value, field!=value, comparisons, IN, AND/OR/NOT, keywords");
            broken = true;
            return Expr.Const.FALSE;
        }
        pos--;
        Value v = value();
        return keyword(v == null ? new Value(t.text(), t.raw(), t.start(), t.end(), t.is(SplToken.Type.STRING)) : v);
    }

    /** A value, SPL-unescaped, with adjacent pieces glued ({@code "\"c:\\x\""*".xml"}). */
    private Value value() {
        SplToken t = peek();
        if (!(t.is(SplToken.Type.WORD) || t.is(SplToken.Type.STRING))) {
            return null;
        }
        next();
        StringBuilder text = new StringBuilder(t.text());
        StringBuilder raw = new StringBuilder(t.raw());
        boolean quoted = t.is(SplToken.Type.STRING);
        int end = t.end();
        while ((peek().is(SplToken.Type.WORD) || peek().is(SplToken.Type.STRING) || peek().isOp("="))
                && !peek().spaceBefore()) {
            SplToken g = next();
            text.append(g.text());
            raw.append(g.raw());
            end = g.end();
        }
        return new Value(text.toString(), raw.toString(), t.start(), end, quoted);
    }

    record Value(String text, String raw, int start, int end, boolean quoted) {
    }

    private Expr keyword(Value v) {
        if (v.text().equals("*") && !v.quoted()) {
            return Expr.Const.TRUE;
        }
        ctx.warning("spl/bare-keyword", v.start(), "bare search term '" + v.raw() + "' is matched as a substring of _raw",
                "Splunk matches indexed terms of the raw event; events without raw text never match it. "
                        + "Name the field: CommandLine=\"*" + v.text() + "*\"");
        return new Expr.Match("_raw", StringOp.GLOB, "*" + globOf(v.text()) + "*", false, ctx.span(v.start()));
    }

    private Expr term(SplToken fieldToken, String op, Value v) {
        String name = fieldToken.text();
        SourceSpan span = ctx.span(fieldToken.start());
        if (name.equals("earliest") || name.equals("latest") || name.equals("_index_earliest")
                || name.equals("_index_latest")) {
            return new Expr.Const(true, "time range " + name + "=" + v.raw() + " is not applied: Vigil searches "
                    + "whatever input it is given", span);
        }
        FieldScope.Resolved r = scope.resolve(name, fieldToken.start());
        if (r.isBinding()) {
            EventScope bound = scope.bind(r.bindingKind(), v.text());
            if (op.equals("=")) {
                ctx.bindings.add(bound);
            }
            return new Expr.Const(true, "source binding " + name + "=" + v.raw(), span);
        }
        if (r.field() == null) {
            return new Expr.Const(false, r.why(), span);
        }
        if (op.equals("=") && (r.field().equals("Image") || r.field().equals("ParentImage"))
                && v.text().matches("(?i)^[a-z]:\\\\.*") && v.text().indexOf('*') < 0) {
            String base = v.text().substring(v.text().lastIndexOf('\\') + 1);
            ctx.warning("spl/brittle-path", fieldToken.start(), "full path compared in '" + name + "=" + v.raw()
                    + "': a copy elsewhere (SysWOW64, a renamed or moved binary) evades it",
                    "match the name: " + name + "=\"*\\\\" + base + "\"");
        }
        return switch (op) {
            case "=", "==" -> equal(r, v, span);
            case "!=" -> Expr.and(List.of(exists(r, span), Expr.not(equal(r, v, span))));
            case "<", "<=", ">", ">=" -> compare(r, op, v, span);
            default -> {
                syntax(fieldToken, "unknown operator '" + op + "'", "");
                yield Expr.Const.FALSE;
            }
        };
    }

    private Expr exists(FieldScope.Resolved r, SourceSpan span) {
        return new Expr.Exists(r.basenameOf() != null ? r.basenameOf() : r.field(), span);
    }

    private Expr equal(FieldScope.Resolved r, Value v, SourceSpan span) {
        if (v.text().equals("*")) {
            return exists(r, span);
        }
        boolean wild = v.text().indexOf('*') >= 0;
        String needle = wild ? globOf(v.text()) : v.text();
        StringOp op = wild ? StringOp.GLOB : StringOp.EQUALS;
        if (r.basenameOf() != null) {
            String f = r.basenameOf();
            Expr tail = wild ? new Expr.Match(f, StringOp.GLOB, "*\\\\" + needle, false, span)
                    : new Expr.Match(f, StringOp.ENDS_WITH, "\\" + needle, false, span);
            return Expr.or(List.of(new Expr.Match(f, op, needle, false, span), tail));
        }
        return new Expr.Match(r.field(), op, needle, false, span);
    }

    private Expr compare(FieldScope.Resolved r, String op, Value v, SourceSpan span) {
        double d = NumericText.parse(v.text());
        if (Double.isNaN(d) || r.basenameOf() != null) {
            ctx.error("spl/unsupported-comparison", v.start(), "comparison '" + op + " " + v.raw()
                    + "' with a non-numeric value is not supported", "Vigil compares numbers only");
            return Expr.Const.FALSE;
        }
        CompareOp c = switch (op) {
            case "<" -> CompareOp.LT;
            case "<=" -> CompareOp.LE;
            case ">" -> CompareOp.GT;
            default -> CompareOp.GE;
        };
        return new Expr.Compare(r.field(), c, d, span);
    }

    /** SPL value to Vigil glob: {@code *} stays a wildcard, {@code ?} and {@code \} are literal. */
    static String globOf(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '?' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
