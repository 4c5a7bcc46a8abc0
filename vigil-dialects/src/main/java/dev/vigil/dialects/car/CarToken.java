package dev.vigil.dialects.car;

/**
 * A token of CAR pseudocode with its 1-based line and column in the query text.
 *
 * @param text the token's value: a string literal's content still escaped as written, or the word/symbol
 * @param raw  the token as written, quotes included
 */
record CarToken(Kind kind, String text, String raw, int line, int column, int offset) {

    enum Kind { WORD, STRING, NUMBER, SYMBOL, NEWLINE, EOF }

    boolean isWord(String w) {
        return kind == Kind.WORD && text.equalsIgnoreCase(w);
    }

    boolean isSymbol(String s) {
        return kind == Kind.SYMBOL && text.equals(s);
    }
}
