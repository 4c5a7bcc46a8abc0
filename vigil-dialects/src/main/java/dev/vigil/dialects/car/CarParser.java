package dev.vigil.dialects.car;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.ir.Expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses MITRE CAR pseudocode into queries. CAR gives no formal grammar; this is the subset its
 * analytics use, and everything outside it is reported as unsupported, never dropped:
 * <pre>
 * program    := (statement NEWLINE*)*
 * statement  := NAME '=' 'search' OBJECT ':' ACTION
 *             | NAME '=' 'filter' [NAME] ['where'] expr
 *             | 'output' NAME (',' NAME)*
 * expr       := and ('OR' and)*                       -- AND binds tighter than OR
 * and        := unary ('AND' unary)*
 * unary      := 'NOT' unary | '(' expr ')' | predicate
 * predicate  := FIELD ('=' | '==') value              -- case-insensitive, whole value, '*' a wildcard
 *             | FIELD '!=' value                       -- present and different
 *             | FIELD ('<' | '<=' | '>' | '>=') NUMBER
 *             | FIELD ['NOT'] 'IN' ('[' | '(') value (',' value)* (']' | ')')
 *             | FIELD 'match' STRING                   -- regular expression, case-sensitive, unanchored
 *             | FIELD 'contains' ['('] value [')']     -- substring, case-insensitive
 *             | FIELD 'exists'
 * value      := STRING | NUMBER | WORD
 * </pre>
 * Keywords are case-insensitive. Outside brackets a statement ends at the end of its line.
 * Strings: {@code \\} is one backslash, every other backslash is literal, {@code *} is always a wildcard.
 * Fields are the CAR data model's, resolved onto canonical event fields by {@link CarDataModel}; an
 * unknown field is a warning and evaluates as absent. {@code exe}/{@code parent_exe} are basenames by the
 * data model: compared with a value that contains {@code \}, they are tested against the image path,
 * with a warning.
 */
final class CarParser {

    private final Implementation impl;
    private final Diagnostics diagnostics;
    private final QuerySource source;
    private final List<CarToken> tokens;
    private int pos;
    private final Map<String, Binding> vars = new LinkedHashMap<>();
    /** Variables whose statement failed: later uses are not reported again. */
    private final java.util.Set<String> failedVars = new java.util.HashSet<>();
    private final CarField.Reporter reporter;
    private String object = "process";

    /** What a variable holds: the events it searches, the object they are, and the condition so far. */
    private record Binding(EventScope scope, String object, Expr filter) {
    }

    CarParser(Implementation impl, Diagnostics diagnostics) {
        this.impl = impl;
        this.diagnostics = diagnostics;
        this.source = impl.source();
        this.tokens = new CarLexer(impl.query()).tokens();
        this.reporter = new CarField.Reporter(diagnostics);
    }

    List<Query> parse() {
        List<Query> outputs = new ArrayList<>();
        String lastAssigned = null;
        boolean failed = false;
        while (!at(CarToken.Kind.EOF)) {
            if (at(CarToken.Kind.NEWLINE)) {
                pos++;
                continue;
            }
            CarToken start = peek();
            try {
                if (start.isWord("output")) {
                    pos++;
                    do {
                        CarToken name = expect(CarToken.Kind.WORD, "a variable name after 'output'");
                        Binding b = vars.get(name.text());
                        if (b == null && failedVars.contains(name.text())) {
                            throw new CarSyntaxError(null);
                        }
                        if (b == null) {
                            throw error("car/undefined-variable", name, "'" + name.text() + "' is not assigned before "
                                    + "'output'", "assign it with '" + name.text() + " = search ...' or 'filter'");
                        }
                        outputs.add(new Query(name.text(), b.scope(), b.filter()));
                    } while (acceptSymbol(","));
                    endOfStatement();
                } else if (start.kind() == CarToken.Kind.WORD && peekAt(1).isSymbol("=")) {
                    pos += 2;
                    failedVars.add(start.text());
                    vars.put(start.text(), assignment(start));
                    failedVars.remove(start.text());
                    lastAssigned = start.text();
                } else {
                    throw unsupported(start, "statement");
                }
            } catch (CarSyntaxError e) {
                if (e.diagnostic != null) {
                    diagnostics.report(e.diagnostic);
                }
                failed = true;
                skipStatement();
            }
        }
        if (failed) {
            return List.of();
        }
        if (outputs.isEmpty() && lastAssigned != null) {
            diagnostics.report(new Diagnostic(dev.vigil.core.diag.Severity.WARNING, "car/no-output",
                    "the pseudocode has no 'output' statement; running its last assignment '" + lastAssigned + "'",
                    source.at(1, 1), "", "add 'output " + lastAssigned + "'"));
            Binding b = vars.get(lastAssigned);
            outputs.add(new Query(lastAssigned, b.scope(), b.filter()));
        }
        if (outputs.isEmpty()) {
            diagnostics.report(Diagnostic.error("car/empty", source.at(1, 1), "no search in the pseudocode")
                    .withHint("start with '<name> = search Process:Create'"));
        }
        return outputs;
    }

    private Binding assignment(CarToken name) {
        CarToken verb = peek();
        if (verb.isWord("search")) {
            pos++;
            CarToken oa = expect(CarToken.Kind.WORD, "Object:Action after 'search'");
            int colon = oa.text().indexOf(':');
            if (colon <= 0 || colon == oa.text().length() - 1) {
                throw error("car/bad-search", oa, "expected Object:Action after 'search', found '" + oa.raw() + "'",
                        "for example 'search Process:Create'");
            }
            String obj = oa.text().substring(0, colon);
            String action = oa.text().substring(colon + 1);
            if (!CarDataModel.get().knowsObject(obj)) {
                throw new CarSyntaxError(new Diagnostic(dev.vigil.core.diag.Severity.ERROR, "car/unsupported-object",
                        "data-model object '" + obj + "' is not supported", span(oa), oa.raw(),
                        "supported objects: process, file, registry, flow, module, driver, thread"));
            }
            EventScope scope = CarDataModel.get().scope(obj, action).orElseThrow(() -> new CarSyntaxError(
                    new Diagnostic(dev.vigil.core.diag.Severity.ERROR, "car/unsupported-action",
                            "action '" + action + "' of '" + obj + "' is not supported", span(oa), oa.raw(),
                            "Vigil maps the actions Windows sources log, e.g. Process:Create, File:Create")));
            endOfStatement();
            return new Binding(scope, obj, Expr.Const.TRUE);
        }
        if (verb.isWord("filter")) {
            pos++;
            Binding base = null;
            if (peek().kind() == CarToken.Kind.WORD && vars.containsKey(peek().text())) {
                base = vars.get(next().text());
            } else if (peek().kind() == CarToken.Kind.WORD && failedVars.contains(peek().text())) {
                throw new CarSyntaxError(null);
            } else if (peek().kind() == CarToken.Kind.WORD && !peek().isWord("where") && !peekAt(1).isSymbol("=")
                    && !peekAt(1).isSymbol("==")) {
                CarToken v = next();
                throw error("car/undefined-variable", v, "'" + v.text() + "' is not assigned before 'filter'",
                        "assign it with '" + v.text() + " = search Process:Create'");
            }
            if (base == null) {
                base = vars.values().stream().reduce((a, b) -> b).orElseThrow(() -> error("car/bad-filter", verb,
                        "'filter' has nothing to filter", "search first: 'events = search Process:Create'"));
            }
            if (peek().isWord("where")) {
                pos++;
            }
            object = base.object();
            Expr cond = expression();
            endOfStatement();
            return new Binding(base.scope(), base.object(), Expr.and(List.of(base.filter(), cond)));
        }
        throw unsupported(verb, "command");
    }

    private Expr expression() {
        List<Expr> terms = new ArrayList<>();
        terms.add(conjunction());
        while (skipNewlinesIfNested() && peek().isWord("or")) {
            pos++;
            skipNewlines(); // a line that ends in OR continues on the next
            terms.add(conjunction());
        }
        return Expr.or(terms);
    }

    private Expr conjunction() {
        List<Expr> terms = new ArrayList<>();
        terms.add(unary());
        while (skipNewlinesIfNested() && peek().isWord("and")) {
            pos++;
            skipNewlines();
            terms.add(unary());
        }
        return Expr.and(terms);
    }

    private int depth;

    // Inside brackets a newline is only whitespace; outside, it ends the statement.
    private boolean skipNewlinesIfNested() {
        while (depth > 0 && at(CarToken.Kind.NEWLINE)) {
            pos++;
        }
        return true;
    }

    private void skipNewlines() {
        while (at(CarToken.Kind.NEWLINE)) {
            pos++;
        }
    }

    private Expr unary() {
        skipNewlinesIfNested();
        CarToken t = peek();
        if (t.isWord("not")) {
            pos++;
            return Expr.not(unary());
        }
        if (t.isSymbol("(")) {
            pos++;
            depth++;
            Expr e = expression();
            skipNewlinesIfNested();
            expectSymbol(")", "')' to close the '(' at " + span(t));
            depth--;
            return e;
        }
        return predicate();
    }

    private Expr predicate() {
        CarToken field = peek();
        if (field.kind() != CarToken.Kind.WORD) {
            throw error("car/bad-expression", field, "expected a field name, found '" + shown(field) + "'",
                    "write a comparison such as command_line=\"*delete*\"");
        }
        pos++;
        CarToken op = peek();
        if (op.isSymbol("=") || op.isSymbol("==") || op.isSymbol("!=")) {
            pos++;
            CarToken value = value();
            if (value.isWord("null")) {
                Expr exists = new Expr.Exists(fieldName(field, value), span(field));
                return op.isSymbol("!=") ? exists : Expr.not(exists);
            }
            Expr eq = CarValues.equality(resolve(field, value), value, span(field));
            return op.isSymbol("!=") ? presentAndDifferent(eq) : eq;
        }
        if (op.isSymbol("<") || op.isSymbol("<=") || op.isSymbol(">") || op.isSymbol(">=")) {
            pos++;
            CarToken value = value();
            return CarValues.comparison(resolve(field, value), op, value, span(value));
        }
        boolean negated = false;
        if (op.isWord("not") && peekAt(1).isWord("in")) {
            pos++;
            negated = true;
            op = peek();
        }
        if (op.isWord("in")) {
            pos++;
            Expr any = Expr.or(list(field));
            return negated ? Expr.not(any) : any;
        }
        if (op.isWord("match") || op.isWord("matches")) {
            pos++;
            CarToken re = expect(CarToken.Kind.STRING, "a quoted regular expression after 'match'");
            try {
                Pattern.compile(re.text());
            } catch (PatternSyntaxException e) {
                throw error("car/bad-regex", re, "regular expression " + re.raw() + " is not valid: "
                        + e.getDescription(), "Vigil runs regular expressions in linear time (RE2 syntax): "
                        + "no backreferences or lookaround");
            }
            return CarValues.regex(resolve(field, re), re.text(), span(field));
        }
        if (op.isWord("contains")) {
            // 'field CONTAINS("text")', as some CAR analytics write it: a substring test.
            pos++;
            boolean paren = acceptSymbol("(");
            CarToken v = value();
            if (paren) {
                expectSymbol(")", "')' after the CONTAINS value");
            }
            return CarValues.contains(resolve(field, v), v, span(field));
        }
        if (op.isWord("exists")) {
            pos++;
            return CarValues.exists(resolve(field, op), span(field));
        }
        throw unsupported(op, "operator");
    }

    private List<Expr> list(CarToken field) {
        CarToken open = peek();
        String close;
        if (open.isSymbol("[")) {
            close = "]";
        } else if (open.isSymbol("(")) {
            close = ")";
        } else {
            throw error("car/bad-expression", open, "expected '[' or '(' after 'in', found '" + shown(open) + "'",
                    "write field IN [\"a\", \"b\"]");
        }
        pos++;
        depth++;
        List<Expr> items = new ArrayList<>();
        do {
            skipNewlinesIfNested();
            CarToken v = value();
            items.add(CarValues.equality(resolve(field, v), v, span(v)));
            skipNewlinesIfNested();
        } while (acceptSymbol(","));
        expectSymbol(close, "'" + close + "' to close the list");
        depth--;
        return items;
    }

    private CarToken value() {
        CarToken v = peek();
        if (v.kind() == CarToken.Kind.STRING || v.kind() == CarToken.Kind.NUMBER || v.kind() == CarToken.Kind.WORD) {
            pos++;
            return v;
        }
        if (v.raw().startsWith("\"") || v.raw().startsWith("'")) {
            throw error("car/unterminated-string", v, "string " + v.raw() + " has no closing quote",
                    "close it on the same line");
        }
        throw error("car/bad-expression", v, "expected a value, found '" + shown(v) + "'",
                "values are quoted strings, numbers or bare words");
    }

    /** Where the field's values live, or a reason it has none. */
    private CarField resolve(CarToken field, CarToken value) {
        String q = impl.query();
        int end = Math.max(value.offset() + value.raw().length(), field.offset() + field.raw().length());
        String quote = q.substring(field.offset(), Math.min(end, q.length()));
        return CarField.resolve(object, field.text(), value.kind() == CarToken.Kind.EOF ? "" : value.text(), quote,
                span(field), reporter);
    }

    private String fieldName(CarToken field, CarToken value) {
        CarField f = resolve(field, value);
        return f.canonical() == null ? field.text() : f.canonical();
    }

    // As in the Splunk searches CAR pseudocode stands for, '!=' is true only when the field is present
    // with another value.
    private static Expr presentAndDifferent(Expr eq) {
        if (eq instanceof Expr.Const c) {
            return c;
        }
        String f = eq instanceof Expr.Match m ? m.field() : eq instanceof Expr.Cidr c ? c.field() : null;
        return f == null ? Expr.not(eq) : Expr.and(List.of(new Expr.Exists(f, SourceSpan.NONE), Expr.not(eq)));
    }

    private void endOfStatement() {
        if (!at(CarToken.Kind.NEWLINE) && !at(CarToken.Kind.EOF)) {
            CarToken t = peek();
            throw error("car/bad-expression", t, "unexpected '" + shown(t) + "' after the end of the statement",
                    "CAR statements end at the line end; join expressions with AND/OR inside parentheses");
        }
    }

    // After an error, skips to the next line that starts a statement, so one mistake is reported once.
    private void skipStatement() {
        while (!at(CarToken.Kind.EOF)) {
            CarToken t = next();
            if (t.kind() == CarToken.Kind.NEWLINE && startsStatement()) {
                return;
            }
        }
    }

    private boolean startsStatement() {
        int i = pos;
        while (tokens.get(i).kind() == CarToken.Kind.NEWLINE) {
            i++;
        }
        CarToken t = tokens.get(i);
        return t.kind() == CarToken.Kind.EOF || t.isWord("output")
                || (t.kind() == CarToken.Kind.WORD && tokens.get(Math.min(i + 1, tokens.size() - 1)).isSymbol("="));
    }

    private CarSyntaxError unsupported(CarToken t, String what) {
        String line = lineOf(t);
        return new CarSyntaxError(new Diagnostic(dev.vigil.core.diag.Severity.ERROR, "car/unsupported-" + what,
                "unsupported CAR " + what + " '" + shown(t) + "' in '" + line + "'", span(t), line,
                "Vigil runs search, filter ... where, output with =, ==, !=, <, >, IN, match, contains, exists, AND, OR, NOT"));
    }

    private String lineOf(CarToken t) {
        String q = impl.query();
        int s = q.lastIndexOf('\n', Math.max(0, t.offset() - 1)) + 1;
        int e = q.indexOf('\n', t.offset());
        return q.substring(s, e < 0 ? q.length() : e).trim();
    }

    private CarSyntaxError error(String code, CarToken t, String message, String hint) {
        return new CarSyntaxError(new Diagnostic(dev.vigil.core.diag.Severity.ERROR, code, message, span(t), t.raw(),
                hint));
    }

    private SourceSpan span(CarToken t) {
        return source.at(t.line(), t.column());
    }

    private static String shown(CarToken t) {
        return t.kind() == CarToken.Kind.EOF ? "end of text" : t.kind() == CarToken.Kind.NEWLINE ? "end of line" : t.raw();
    }

    private CarToken expect(CarToken.Kind kind, String what) {
        CarToken t = peek();
        if (t.kind() != kind) {
            throw error("car/bad-expression", t, "expected " + what + ", found '" + shown(t) + "'", "");
        }
        pos++;
        return t;
    }

    private void expectSymbol(String s, String what) {
        CarToken t = peek();
        if (!t.isSymbol(s)) {
            throw error("car/bad-expression", t, "expected " + what + ", found '" + shown(t) + "'", "");
        }
        pos++;
    }

    private boolean acceptSymbol(String s) {
        if (peek().isSymbol(s)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean at(CarToken.Kind k) {
        return peek().kind() == k;
    }

    private CarToken peek() {
        return tokens.get(pos);
    }

    private CarToken peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private CarToken next() {
        return tokens.get(pos++);
    }

    /** Carries a diagnostic out of a failed statement. */
    static final class CarSyntaxError extends RuntimeException {
        final transient Diagnostic diagnostic;

        /** {@code d} is null when the cause was already reported (a use of a variable whose statement failed). */
        CarSyntaxError(Diagnostic d) {
            super(d == null ? "already reported" : d.message(), null, false, false);
            this.diagnostic = d;
        }
    }

}
