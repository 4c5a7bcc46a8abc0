package dev.vigil.dialects.logpoint;

import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.engine.NumericText;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.ir.CompareOp;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a LogPoint search (the part before the first {@code |}) into IR.
 * <pre>
 * expr    := conj
 * conj    := disj ( ["AND"] disj )*          a space is AND
 * disj    := unary ( "OR" unary )*           OR binds tighter than the implicit AND
 * unary   := "-" term | "NOT" unary | primary
 * primary := "(" expr ")" | term
 * term    := field ("=" | "!=" | "<" | "<=" | ">" | ">=") value
 *          | field "IN" ( "[" value ("," value)* "]" | value )
 *          | value                            a bare keyword
 * value   := "double-quoted" | 'single-quoted' | word
 * </pre>
 * Values: backslash is a literal character (no escapes), {@code *} and {@code ?} are wildcards, matching is
 * case-insensitive and whole-value. {@code -f=v} is {@code (not f=v)}; {@code f!=v} is
 * {@code (and (exists f) (not f=v))}; {@code f=*} is "f exists". {@code norm_id} is a source binding.
 * Keywords are accepted in either case ({@code OR}, {@code or}, {@code IN}, {@code in}).
 */
final class LogPointParser {

    record Token(String kind, String text, int start, boolean quoted) {
        boolean is(String k) {
            return kind.equals(k);
        }

        boolean word(String w) {
            return kind.equals("word") && !quoted && text.equalsIgnoreCase(w);
        }
    }

    private final String text;
    private final QuerySource source;
    private final Diagnostics diagnostics;
    private final Map<String, String> fields;
    private final Map<String, EventScope> normIds;
    private final List<Token> tokens;
    private final List<EventScope> bindings = new ArrayList<>();
    private int pos;
    private boolean broken;

    LogPointParser(String text, int base, QuerySource source, Diagnostics diagnostics, Map<String, String> fields,
                   Map<String, EventScope> normIds) {
        this.text = text;
        this.source = source;
        this.diagnostics = diagnostics;
        this.fields = fields;
        this.normIds = normIds;
        this.tokens = lex(text, base);
    }

    String fullText;

    List<EventScope> bindings() {
        return bindings;
    }

    boolean broken() {
        return broken;
    }

    SourceSpan span(int offset) {
        return source == null ? SourceSpan.NONE : source.atOffset(fullText == null ? text : fullText, offset);
    }

    private void report(Severity s, String code, int at, String message, String hint) {
        diagnostics.report(new Diagnostic(s, code, message, span(at), "", hint));
        if (s == Severity.ERROR) {
            broken = true;
        }
    }

    private List<Token> lex(String s, int base) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else if ("()[],".indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), String.valueOf(c), base + i, false));
                i++;
            } else if (c == '"' || c == '\'') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    report(Severity.ERROR, "logpoint/syntax", base + i, "unterminated string", "close it with " + c);
                    end = s.length();
                }
                out.add(new Token("word", s.substring(i + 1, end), base + i, true));
                i = Math.min(s.length(), end + 1);
            } else if (c == '=' || c == '<' || c == '>' || (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '=')) {
                int len = i + 1 < s.length() && s.charAt(i + 1) == '=' && c != '=' ? 2 : 1;
                out.add(new Token("op", s.substring(i, i + len), base + i, false));
                i += len;
            } else if (c == '-' && (out.isEmpty() || !out.get(out.size() - 1).is("op"))) {
                out.add(new Token("-", "-", base + i, false));
                i++;
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()[],\"=<>".indexOf(s.charAt(i)) < 0
                        && !(s.charAt(i) == '!' && i + 1 < s.length() && s.charAt(i + 1) == '=')) {
                    i++;
                }
                out.add(new Token("word", s.substring(start, i), base + start, false));
            }
        }
        out.add(new Token("eof", "", base + s.length(), false));
        return out;
    }

    private Token peek() {
        return tokens.get(Math.min(pos, tokens.size() - 1));
    }

    private Token next() {
        Token t = peek();
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }

    private void syntax(Token at, String message) {
        if (!broken) {
            report(Severity.ERROR, "logpoint/syntax", at.start(), message, "");
        }
        broken = true;
    }

    /** The condition, or null after a syntax error (reported). */
    Expr parse() {
        if (peek().is("eof")) {
            return Expr.Const.TRUE;
        }
        Expr e = conj();
        if (!broken && !peek().is("eof")) {
            syntax(peek(), "unexpected '" + peek().text() + "'");
        }
        return broken ? null : e;
    }

    private Expr conj() {
        List<Expr> terms = new ArrayList<>();
        terms.add(disj());
        while (!broken) {
            Token t = peek();
            if (t.word("AND")) {
                next();
                terms.add(disj());
            } else if (!t.is("eof") && !t.is(")") && !t.word("OR") && !t.is("op") && !t.is("]") && !t.is(",")) {
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
        while (!broken && peek().word("OR")) {
            next();
            terms.add(unary());
        }
        return Expr.or(terms);
    }

    private Expr unary() {
        if (peek().is("-") || peek().word("NOT")) {
            next();
            return Expr.not(unary());
        }
        return primary();
    }

    private Expr primary() {
        Token t = next();
        if (t.is("(")) {
            Expr e = conj();
            if (peek().is(")")) {
                next();
            } else {
                syntax(peek(), "missing ')'");
            }
            return e;
        }
        if (!t.is("word")) {
            syntax(t, "expected a search term, found '" + (t.is("eof") ? "end of query" : t.text()) + "'");
            return Expr.Const.FALSE;
        }
        Token op = peek();
        if (op.is("op")) {
            next();
            Token v = next();
            if (!v.is("word")) {
                syntax(v, "missing value after '" + t.text() + op.text() + "'");
                return Expr.Const.FALSE;
            }
            return term(t, op.text(), v);
        }
        if (op.word("IN")) {
            next();
            List<Expr> alts = new ArrayList<>();
            if (peek().is("[")) {
                next();
                while (!broken && !peek().is("]")) {
                    Token v = next();
                    if (v.is(",")) {
                        continue;
                    }
                    if (!v.is("word")) {
                        syntax(v, "expected a value in IN list, found '" + (v.is("eof") ? "end of query" : v.text())
                                + "'");
                        break;
                    }
                    alts.add(term(t, "=", v));
                }
                next();
            } else if (peek().is("word") && peek().quoted()) {
                alts.add(term(t, "=", next()));
            } else {
                Token list = next();
                report(Severity.ERROR, "logpoint/unsupported-list", list.start(), "IN with a named list ('"
                        + list.text() + "') is not supported", "write the values: " + t.text() + " IN [\"a\", \"b\"]");
                return Expr.Const.FALSE;
            }
            return alts.isEmpty() ? Expr.Const.FALSE : Expr.or(alts);
        }
        if (t.quoted() || !t.text().equals("*")) {
            report(Severity.WARNING, "logpoint/bare-keyword", t.start(), "bare search term '" + t.text()
                    + "' is matched as a substring of _raw", "name the field: command=\"*" + t.text() + "*\"");
            return new Expr.Match("_raw", StringOp.GLOB, "*" + glob(t.text()) + "*", false, span(t.start()));
        }
        return Expr.Const.TRUE;
    }

    private Expr term(Token field, String op, Token v) {
        SourceSpan at = span(field.start());
        if (field.text().equals("norm_id")) {
            EventScope s = normIds.get(v.text());
            bindings.add(s == null ? EventScope.ANY : s);
            return new Expr.Const(true, "source binding norm_id=" + v.text(), at);
        }
        if (field.text().equals("label") || field.text().equals("col_type")) {
            return new Expr.Const(true, "source label " + field.text() + "=" + v.text(), at);
        }
        String f = fields.getOrDefault(field.text(), field.text());
        lint(field, f, op, v);
        Expr eq;
        if (v.text().equals("*")) {
            eq = new Expr.Exists(f, at);
        } else if (v.text().indexOf('*') >= 0 || v.text().indexOf('?') >= 0) {
            eq = new Expr.Match(f, StringOp.GLOB, glob(v.text()), false, at);
        } else {
            eq = new Expr.Match(f, StringOp.EQUALS, v.text(), false, at);
        }
        switch (op) {
            case "=":
                return eq;
            case "!=":
                return Expr.and(List.of(new Expr.Exists(f, at), Expr.not(eq)));
            default:
                double d = NumericText.parse(v.text());
                if (Double.isNaN(d)) {
                    report(Severity.ERROR, "logpoint/unsupported-comparison", v.start(), "comparison '" + op + " "
                            + v.text() + "' with a non-numeric value is not supported", "");
                    return Expr.Const.FALSE;
                }
                CompareOp c = op.equals("<") ? CompareOp.LT : op.equals("<=") ? CompareOp.LE
                        : op.equals(">") ? CompareOp.GT : CompareOp.GE;
                return new Expr.Compare(f, c, d, at);
        }
    }

    private void lint(Token field, String canonical, String op, Token v) {
        String val = v.text();
        if ((canonical.equals("Image") || canonical.equals("ParentImage")) && op.equals("=")
                && val.matches("(?i)^[a-z]:\\\\.*") && val.indexOf('*') < 0 && val.indexOf('?') < 0) {
            String name = val.substring(val.lastIndexOf('\\') + 1);
            report(Severity.WARNING, "logpoint/brittle-path", field.start(), "full path compared in '"
                    + field.text() + "=\"" + val + "\"': a copy elsewhere (SysWOW64, a renamed or moved binary) evades it",
                    "match the name: " + field.text() + "=\"*\\" + name + "\"");
        }
        if (val.contains("\\\\")) {
            report(Severity.WARNING, "logpoint/doubled-backslash", v.start(), "doubled backslash in '" + val
                    + "': LogPoint backslashes are literal, so this needs two backslashes in the value",
                    "write single backslashes: " + val.replace("\\\\", "\\"));
        }
    }

    /** LogPoint value to Vigil glob: {@code *} and {@code ?} are wildcards, backslash is literal. */
    static String glob(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static EventScope union(List<EventScope> scopes) {
        List<EventClass> out = new ArrayList<>();
        for (EventScope s : scopes) {
            if (!s.equals(EventScope.ANY)) {
                out.addAll(s.selectors());
            }
        }
        return out.isEmpty() ? EventScope.ANY : new EventScope(out);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
