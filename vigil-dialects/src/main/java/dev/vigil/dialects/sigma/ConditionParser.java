package dev.vigil.dialects.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a Sigma condition. Grammar (binding from loosest to tightest: {@code or < and < not < x of < ( )}):
 * <pre>
 * condition  := or-expr EOF
 * or-expr    := and-expr ( "or" and-expr )*
 * and-expr   := not-expr ( "and" not-expr )*
 * not-expr   := "not" not-expr | primary
 * primary    := "(" or-expr ")" | quantifier | IDENTIFIER
 * quantifier := ( "1" | "any" | "all" ) "of" ( PATTERN | "them" )
 * IDENTIFIER := [A-Za-z0-9_-]+      PATTERN := [A-Za-z0-9_*-]+ (a '*' matches any run of characters)
 * </pre>
 * Operators are lower-case, as in pySigma ({@code AND} is an identifier, and is reported as unknown with a
 * hint). Words are read whole, so {@code notable} is an identifier, not {@code not able}. {@code any of} is
 * pySigma's synonym for {@code 1 of}. A {@code |} (the aggregation syntax of Sigma 1) is unsupported: Sigma 2
 * expresses aggregation as correlation rules.
 */
public final class ConditionParser {

    /** A syntax error at {@code offset} in the condition text. */
    public static final class Error extends Exception {
        private final int offset;
        private final String code;

        Error(String code, String message, int offset) {
            super(message, null, false, false);
            this.code = code;
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }

        public String code() {
            return code;
        }
    }

    private record Token(String text, int offset) {
    }

    private static final int MAX_DEPTH = 200;

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int depth;

    private ConditionParser(String text) {
        this.text = text;
    }

    public static Condition parse(String text) throws Error {
        ConditionParser p = new ConditionParser(text);
        p.tokenize();
        if (p.tokens.isEmpty()) {
            throw new Error("sigma/bad-condition", "empty condition", 0);
        }
        Condition c = p.or();
        if (p.pos < p.tokens.size()) {
            Token t = p.tokens.get(p.pos);
            String lower = t.text.toLowerCase(java.util.Locale.ROOT);
            String why = List.of("and", "or", "not", "of").contains(lower) && !lower.equals(t.text)
                    ? " (operators are lower-case: write '" + lower + "')" : "";
            throw new Error("sigma/bad-condition", "unexpected '" + t.text + "' in condition '" + text + "'" + why,
                    t.offset);
        }
        return c;
    }

    private void tokenize() throws Error {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), i));
                i++;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), start));
            } else if (c == '|') {
                throw new Error("sigma/unsupported-aggregation", "the aggregation '" + text.substring(i).trim()
                        + "' is Sigma 1 syntax", i);
            } else {
                throw new Error("sigma/bad-condition", "unexpected character '" + c + "' in condition '" + text + "'", i);
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '*' || c == '.';
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean at(String word) {
        Token t = peek();
        return t != null && t.text.equals(word);
    }

    private int end() {
        return text.length();
    }

    private Condition or() throws Error {
        List<Condition> terms = new ArrayList<>();
        terms.add(and());
        while (at("or")) {
            pos++;
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Condition.Or(List.copyOf(terms));
    }

    private Condition and() throws Error {
        List<Condition> terms = new ArrayList<>();
        terms.add(not());
        while (at("and")) {
            pos++;
            terms.add(not());
        }
        return terms.size() == 1 ? terms.get(0) : new Condition.And(List.copyOf(terms));
    }

    private Condition not() throws Error {
        if (at("not")) {
            pos++;
            if (++depth > MAX_DEPTH) {
                throw new Error("sigma/bad-condition", "condition nested too deeply", tokens.get(pos - 1).offset);
            }
            Condition c = new Condition.Not(not());
            depth--;
            return c;
        }
        return primary();
    }

    private Condition primary() throws Error {
        Token t = peek();
        if (t == null) {
            throw new Error("sigma/bad-condition", "condition '" + text + "' ends where an identifier was expected", end());
        }
        if (t.text.equals("(")) {
            pos++;
            if (++depth > MAX_DEPTH) {
                throw new Error("sigma/bad-condition", "condition nested too deeply", t.offset);
            }
            Condition inner = or();
            depth--;
            if (!at(")")) {
                Token u = peek();
                throw new Error("sigma/bad-condition", "missing ')' for the '(' at offset " + t.offset + " in '" + text
                        + "'", u == null ? end() : u.offset);
            }
            pos++;
            return inner;
        }
        if (t.text.equals(")") || t.text.equals("and") || t.text.equals("or") || t.text.equals("of")) {
            throw new Error("sigma/bad-condition", "unexpected '" + t.text + "' in condition '" + text + "'", t.offset);
        }
        if ((t.text.equals("1") || t.text.equals("all") || t.text.equals("any")) && pos + 1 < tokens.size()
                && tokens.get(pos + 1).text.equals("of")) {
            pos += 2;
            Token target = peek();
            if (target == null || target.text.equals("(") || target.text.equals(")")) {
                throw new Error("sigma/bad-condition", "'" + t.text + " of' needs a pattern or 'them'",
                        target == null ? end() : target.offset);
            }
            pos++;
            return new Condition.Quantified(t.text.equals("all"), target.text.equals("them") ? null : target.text, t.offset);
        }
        if (digits(t.text) && pos + 1 < tokens.size() && tokens.get(pos + 1).text.equals("of")) {
            throw new Error("sigma/bad-condition", "'" + t.text + " of' is not Sigma: only '1 of' and 'all of' exist",
                    t.offset);
        }
        pos++;
        return new Condition.Ref(t.text, t.offset);
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
