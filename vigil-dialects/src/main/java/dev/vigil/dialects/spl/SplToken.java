package dev.vigil.dialects.spl;

/**
 * One token of SPL text. {@code text} is the token as the parser reads it (a quoted string unescaped:
 * {@code \\} becomes {@code \}, {@code \"} becomes {@code "}, any other backslash stays), {@code raw} as
 * written; offsets are into the macro-expanded text.
 *
 * @param spaceBefore whether whitespace separates this token from the previous one (SPL glues
 *                    {@code "a"*"b"} into one value)
 */
record SplToken(Type type, String text, String raw, int start, int end, boolean spaceBefore) {

    enum Type { WORD, STRING, OP, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, EOF }

    boolean is(Type t) {
        return type == t;
    }

    /** An uppercase boolean keyword: SPL treats lowercase {@code or} as a search term. */
    boolean isKeyword(String word) {
        return type == Type.WORD && text.equals(word);
    }

    boolean isOp(String op) {
        return type == Type.OP && text.equals(op);
    }
}
