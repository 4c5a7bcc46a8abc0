package dev.vigil.dialects.spl;

import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.engine.NumericText;
import dev.vigil.core.ir.CompareOp;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.Glob;
import dev.vigil.core.ir.StringOp;
import dev.vigil.core.stage.EvalFunction;
import dev.vigil.core.stage.EvalTerm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses SPL eval expressions ({@code | where} conditions, {@code | eval} right-hand sides).
 * <pre>
 * or      := and ( ("OR" | "XOR") and )*        AND binds tighter than OR here, unlike search
 * and     := not ( "AND" not )*
 * not     := ("NOT" | "!") not | cmp
 * cmp     := sum ( ("=" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "LIKE") sum | "IN" "(" sum ("," sum)* ")" )?
 * sum     := product ( ("+" | "-" | ".") product )*
 * product := atom ( ("*" | "/" | "%") atom )*
 * atom    := number | "string" | 'field' | field | name "(" args ")" | "(" or ")"
 * </pre>
 * As a condition it becomes IR with {@code where}'s semantics: string comparisons are case-sensitive,
 * {@code like} uses {@code %}/{@code _}, {@code match} is an unanchored RE2 search, a comparison with a
 * number is numeric. Anything the IR cannot say (arithmetic inside a comparison) is reported as
 * unsupported rather than guessed.
 */
final class EvalParser {

    /** The parse tree: small, private, turned into IR or an {@link EvalTerm} right after parsing. */
    sealed interface Node permits Lit, Ref, Call, Bin, Neg, In {
    }

    record Lit(Object value, int at) implements Node {
    }

    record Ref(String name, int at) implements Node {
    }

    record Call(String name, List<Node> args, int at) implements Node {
    }

    record Bin(String op, Node left, Node right, int at) implements Node {
    }

    record Neg(Node term, int at) implements Node {
    }

    record In(Node subject, List<Node> values, int at) implements Node {
    }

    private final List<SplToken> tokens;
    private final SplContext ctx;
    private int pos;
    private boolean broken;

    EvalParser(List<SplToken> tokens, SplContext ctx) {
        this.tokens = tokens;
        this.ctx = ctx;
    }

    /** The tree, or null after a syntax error (reported). */
    Node parse() {
        Node n = or();
        if (!broken && !peek().is(SplToken.Type.EOF)) {
            syntax(peek(), "unexpected '" + peek().raw() + "'");
        }
        return broken ? null : n;
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

    private void syntax(SplToken at, String message) {
        if (!broken) {
            ctx.error("spl/syntax", at.start(), message, "");
        }
        broken = true;
    }

    private boolean word(String w) {
        return peek().is(SplToken.Type.WORD) && peek().text().toUpperCase(Locale.ROOT).equals(w)
                && !peek().raw().startsWith("'");
    }

    private Node or() {
        Node left = and();
        while (!broken && (word("OR") || word("XOR"))) {
            SplToken op = next();
            left = new Bin(op.text().toUpperCase(Locale.ROOT), left, and(), op.start());
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (!broken && word("AND")) {
            SplToken op = next();
            left = new Bin("AND", left, not(), op.start());
        }
        return left;
    }

    private Node not() {
        if (word("NOT") || peek().isOp("!")) {
            SplToken t = next();
            return new Neg(not(), t.start());
        }
        return cmp();
    }

    private Node cmp() {
        Node left = sum();
        SplToken t = peek();
        if (t.is(SplToken.Type.OP) && List.of("=", "==", "!=", "<", "<=", ">", ">=").contains(t.text())) {
            next();
            return new Bin(t.text().equals("==") ? "=" : t.text(), left, sum(), t.start());
        }
        if (word("LIKE")) {
            next();
            return new Call("like", List.of(left, sum()), t.start());
        }
        if (word("IN") && tokens.get(Math.min(pos + 1, tokens.size() - 1)).is(SplToken.Type.LPAREN)) {
            next();
            next();
            List<Node> values = new ArrayList<>();
            while (!broken && !peek().is(SplToken.Type.RPAREN) && !peek().is(SplToken.Type.EOF)) {
                if (peek().is(SplToken.Type.COMMA)) {
                    next();
                    continue;
                }
                values.add(sum());
            }
            expect(SplToken.Type.RPAREN, "')'");
            return new In(left, values, t.start());
        }
        return left;
    }

    private Node sum() {
        Node left = product();
        while (!broken && (peek().isOp("+") || peek().isOp("-") || peek().isOp("."))) {
            SplToken op = next();
            left = new Bin(op.text(), left, product(), op.start());
        }
        return left;
    }

    private Node product() {
        Node left = atom();
        while (!broken && (peek().isOp("*") || peek().isOp("/") || peek().isOp("%"))) {
            SplToken op = next();
            left = new Bin(op.text(), left, atom(), op.start());
        }
        return left;
    }

    private void expect(SplToken.Type type, String what) {
        if (peek().is(type)) {
            next();
        } else {
            syntax(peek(), "expected " + what + ", found '" + peek().raw() + "'");
        }
    }

    private Node atom() {
        SplToken t = next();
        if (t.is(SplToken.Type.LPAREN)) {
            Node n = or();
            expect(SplToken.Type.RPAREN, "')'");
            return n;
        }
        if (t.is(SplToken.Type.STRING)) {
            return new Lit(t.text(), t.start());
        }
        if (t.isOp("-") && peek().is(SplToken.Type.WORD) && !Double.isNaN(NumericText.parse(peek().text()))) {
            SplToken n = next();
            return new Lit(-NumericText.parse(n.text()), t.start());
        }
        if (!t.is(SplToken.Type.WORD)) {
            syntax(t, "expected a value, found '" + (t.is(SplToken.Type.EOF) ? "end of command" : t.raw()) + "'");
            return new Lit("", t.start());
        }
        if (t.raw().startsWith("'")) {
            return new Ref(t.text(), t.start());
        }
        if (peek().is(SplToken.Type.LPAREN) && !peek().spaceBefore()) {
            next();
            List<Node> args = new ArrayList<>();
            while (!broken && !peek().is(SplToken.Type.RPAREN) && !peek().is(SplToken.Type.EOF)) {
                if (peek().is(SplToken.Type.COMMA)) {
                    next();
                    continue;
                }
                args.add(or());
            }
            expect(SplToken.Type.RPAREN, "')'");
            return new Call(t.text().toLowerCase(Locale.ROOT), args, t.start());
        }
        double d = NumericText.parse(t.text());
        if (!Double.isNaN(d) && !t.text().startsWith("0x")) {
            return new Lit(d, t.start());
        }
        if (t.text().equalsIgnoreCase("true") || t.text().equalsIgnoreCase("false")) {
            return new Lit(Boolean.parseBoolean(t.text().toLowerCase(Locale.ROOT)), t.start());
        }
        return new Ref(t.text(), t.start());
    }

    // ---- conversion to IR (conditions) ----

    /** The condition as IR over columns resolved by {@code scope}, or null when unsupported (reported). */
    static Expr condition(Node n, SplContext ctx, FieldScope scope) {
        return new Conditions(ctx, scope).of(n);
    }

    private record Conditions(SplContext ctx, FieldScope scope) {

        Expr of(Node n) {
            if (n instanceof Bin b && (b.op().equals("AND") || b.op().equals("OR"))) {
                Expr l = of(b.left());
                Expr r = of(b.right());
                if (l == null || r == null) {
                    return null;
                }
                return b.op().equals("AND") ? Expr.and(List.of(l, r)) : Expr.or(List.of(l, r));
            }
            if (n instanceof Neg g) {
                Expr e = of(g.term());
                return e == null ? null : Expr.not(e);
            }
            if (n instanceof Bin b && List.of("=", "!=", "<", "<=", ">", ">=").contains(b.op())) {
                return comparison(b);
            }
            if (n instanceof In in) {
                List<Expr> alts = new ArrayList<>();
                for (Node v : in.values()) {
                    Expr e = comparison(new Bin("=", in.subject(), v, in.at()));
                    if (e == null) {
                        return null;
                    }
                    alts.add(e);
                }
                return alts.isEmpty() ? Expr.Const.FALSE : Expr.or(alts);
            }
            if (n instanceof Call c) {
                return function(c);
            }
            if (n instanceof Lit l && l.value() instanceof Boolean bool) {
                return bool ? Expr.Const.TRUE : Expr.Const.FALSE;
            }
            return unsupported(at(n), "'" + describe(n) + "' is not a condition Vigil can evaluate");
        }

        private Expr unsupported(int at, String message) {
            ctx.error("spl/unsupported-expression", at, message,
                    "supported in where: comparisons of a field with a literal or another field, AND/OR/NOT, "
                            + "like, match, isnull, isnotnull, cidrmatch, in, searchmatch-free conditions");
            return null;
        }

        private FieldScope.Resolved field(Ref r) {
            return scope.resolve(r.name(), r.at());
        }

        private Expr comparison(Bin b) {
            Node l = b.left();
            Node r = b.right();
            if (l instanceof Lit && r instanceof Ref) {
                Node t = l;
                l = r;
                r = t;
                b = new Bin(flip(b.op()), l, r, b.at());
            }
            SourceSpan span = ctx.span(b.at());
            if (l instanceof Ref ref && r instanceof Lit lit) {
                FieldScope.Resolved f = field(ref);
                if (f.field() == null || f.basenameOf() != null) {
                    return new Expr.Const(false, f.why() == null ? "field " + ref.name() + " is derived" : f.why(), span);
                }
                Expr test;
                if (lit.value() instanceof Double d) {
                    test = new Expr.Compare(f.field(), compareOp(b.op()), d, span);
                    return test;
                }
                String s = String.valueOf(lit.value());
                test = new Expr.Match(f.field(), StringOp.EQUALS, s, true, span);
                return switch (b.op()) {
                    case "=" -> test;
                    case "!=" -> Expr.and(List.of(new Expr.Exists(f.field(), span), Expr.not(test)));
                    default -> unsupported(b.at(), "comparison '" + b.op() + "' between a field and text");
                };
            }
            if (l instanceof Ref a && r instanceof Ref c && (b.op().equals("=") || b.op().equals("!="))) {
                FieldScope.Resolved fa = field(a);
                FieldScope.Resolved fc = field(c);
                if (fa.field() == null || fc.field() == null) {
                    return new Expr.Const(false, fa.field() == null ? fa.why() : fc.why(), span);
                }
                Expr eq = new Expr.FieldCompare(fa.field(), StringOp.EQUALS, fc.field(), true, span);
                return b.op().equals("=") ? eq : Expr.and(List.of(new Expr.Exists(fa.field(), span),
                        new Expr.Exists(fc.field(), span), Expr.not(eq)));
            }
            return unsupported(b.at(), "comparison '" + describe(b) + "' needs arithmetic or functions inside it");
        }

        private Expr function(Call c) {
            SourceSpan span = ctx.span(c.at());
            List<Node> a = c.args();
            switch (c.name()) {
                case "like", "match" -> {
                    if (a.size() == 2 && a.get(0) instanceof Ref ref && a.get(1) instanceof Lit lit) {
                        FieldScope.Resolved f = field(ref);
                        if (f.field() == null) {
                            return new Expr.Const(false, f.why(), span);
                        }
                        String p = String.valueOf(lit.value());
                        return c.name().equals("like")
                                ? new Expr.Match(f.field(), StringOp.GLOB, likeToGlob(p), true, span)
                                : new Expr.Match(f.field(), StringOp.REGEX, p, true, span);
                    }
                }
                case "isnull", "isnotnull" -> {
                    if (a.size() == 1 && a.get(0) instanceof Ref ref) {
                        FieldScope.Resolved f = field(ref);
                        Expr e = f.field() == null ? new Expr.Const(false, f.why(), span)
                                : new Expr.Exists(f.field(), span);
                        return c.name().equals("isnull") ? Expr.not(e) : e;
                    }
                }
                case "cidrmatch" -> {
                    if (a.size() == 2 && a.get(0) instanceof Lit lit && a.get(1) instanceof Ref ref) {
                        FieldScope.Resolved f = field(ref);
                        return f.field() == null ? new Expr.Const(false, f.why(), span)
                                : new Expr.Cidr(f.field(), String.valueOf(lit.value()), span);
                    }
                }
                case "in" -> {
                    if (!a.isEmpty()) {
                        return of(new In(a.get(0), a.subList(1, a.size()), c.at()));
                    }
                }
                default -> {
                    return unsupported(c.at(), "eval function '" + c.name() + "' is not supported as a condition");
                }
            }
            return unsupported(c.at(), "'" + describe(c) + "' has arguments Vigil cannot evaluate");
        }
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private static CompareOp compareOp(String op) {
        return switch (op) {
            case "<" -> CompareOp.LT;
            case "<=" -> CompareOp.LE;
            case ">" -> CompareOp.GT;
            case ">=" -> CompareOp.GE;
            case "!=" -> CompareOp.NE;
            default -> CompareOp.EQ;
        };
    }

    /** SQL LIKE to Vigil glob: {@code %} any run, {@code _} one character; everything else literal. */
    static String likeToGlob(String like) {
        StringBuilder sb = new StringBuilder();
        for (char ch : like.toCharArray()) {
            if (ch == '%') {
                sb.append('*');
            } else if (ch == '_') {
                sb.append('?');
            } else {
                sb.append(Glob.escape(String.valueOf(ch)));
            }
        }
        return sb.toString();
    }

    static int at(Node n) {
        if (n instanceof Lit l) {
            return l.at();
        }
        if (n instanceof Ref r) {
            return r.at();
        }
        if (n instanceof Call c) {
            return c.at();
        }
        if (n instanceof Bin b) {
            return b.at();
        }
        if (n instanceof Neg g) {
            return g.at();
        }
        return ((In) n).at();
    }

    static String describe(Node n) {
        if (n instanceof Lit l) {
            return l.value() instanceof String s ? "\"" + s + "\"" : String.valueOf(l.value());
        }
        if (n instanceof Ref r) {
            return r.name();
        }
        if (n instanceof Call c) {
            return c.name() + "(" + String.join(", ", c.args().stream().map(EvalParser::describe).toList()) + ")";
        }
        if (n instanceof Bin b) {
            return describe(b.left()) + " " + b.op() + " " + describe(b.right());
        }
        if (n instanceof Neg g) {
            return "NOT " + describe(g.term());
        }
        In in = (In) n;
        return describe(in.subject()) + " IN (...)";
    }

    // ---- conversion to eval terms (values) ----

    /** The value expression, or null when it uses something unsupported (reported). */
    static EvalTerm term(Node n, SplContext ctx, FieldScope scope) {
        if (n instanceof Lit l) {
            Object v = l.value() instanceof Double d && d == Math.rint(d) ? (Object) d.longValue() : l.value();
            return new EvalTerm.Literal(v);
        }
        if (n instanceof Ref r) {
            FieldScope.Resolved f = scope.resolve(r.name(), r.at());
            return new EvalTerm.Column(f.field() == null ? r.name() : f.field());
        }
        if (n instanceof Bin b && EvalFunction.BY_NAME.containsKey(b.op())) {
            EvalTerm l = term(b.left(), ctx, scope);
            EvalTerm r = term(b.right(), ctx, scope);
            return l == null || r == null ? null
                    : new EvalTerm.Call(b.op(), EvalFunction.BY_NAME.get(b.op()), List.of(l, r));
        }
        if (n instanceof Call c && EvalFunction.BY_NAME.containsKey(c.name())
                && !List.of("isnull", "isnotnull", "match").contains(c.name())) {
            int[] arity = EvalFunction.ARITY.get(c.name());
            if (c.args().size() < arity[0] || (arity[1] >= 0 && c.args().size() > arity[1])) {
                ctx.error("spl/syntax", c.at(), "eval function '" + c.name() + "' takes " + arity[0]
                        + (arity[1] == arity[0] ? "" : ".." + (arity[1] < 0 ? "n" : arity[1])) + " arguments, not "
                        + c.args().size(), "");
                return null;
            }
            List<EvalTerm> args = new ArrayList<>();
            for (int i = 0; i < c.args().size(); i++) {
                Node a = c.args().get(i);
                EvalTerm t = c.name().equals("if") && i == 0 ? conditionTerm(a, ctx, scope) : term(a, ctx, scope);
                if (t == null) {
                    return null;
                }
                args.add(t);
            }
            return new EvalTerm.Call(c.name(), EvalFunction.BY_NAME.get(c.name()), args);
        }
        if (n instanceof Call || n instanceof Neg || n instanceof In || n instanceof Bin) {
            return conditionTerm(n, ctx, scope, n instanceof Call c ? c.name() : null);
        }
        return null;
    }

    private static EvalTerm conditionTerm(Node n, SplContext ctx, FieldScope scope) {
        Expr e = condition(n, ctx, scope);
        return e == null ? null : EvalTerm.Condition.of(e);
    }

    private static EvalTerm conditionTerm(Node n, SplContext ctx, FieldScope scope, String function) {
        if (function != null && !List.of("like", "match", "isnull", "isnotnull", "cidrmatch", "in")
                .contains(function)) {
            ctx.error("spl/unsupported-function", at(n), "eval function '" + function + "' is not supported",
                    "supported: " + String.join(", ", EvalFunction.BY_NAME.keySet().stream()
                            .filter(k -> Character.isLetter(k.charAt(0))).toList()));
            return null;
        }
        return conditionTerm(n, ctx, scope);
    }
}
