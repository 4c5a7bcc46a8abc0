package dev.vigil.core.engine.plan;

/**
 * Where a witness literal must sit in a folded value. Equality and prefix or suffix tests give anchored
 * witnesses, which are checked by walking a trie from one end of the value for as long as some literal
 * can still match, instead of scanning every character.
 */
public enum Anchor {
    /** Anywhere in the value (contains, a glob's inner piece, a regex's required literal). */
    ANYWHERE("~"),
    /** At the start (startswith, a glob without a leading wildcard). */
    START("^"),
    /** At the end (endswith, a glob without a trailing wildcard). */
    END("$"),
    /** The whole value (equals, a glob without wildcards). */
    WHOLE("="),
    /**
     * No value at all: the witness of a test that the field is absent ({@code OriginalFileName: null} in
     * Sigma). Its literal is empty; marking checks the event's slot instead of searching a value.
     */
    ABSENT("!");

    private final String symbol;

    Anchor(String symbol) {
        this.symbol = symbol;
    }

    /** The mark plan dumps put between a field and its literal. */
    public String symbol() {
        return symbol;
    }

    /** True when {@code literal} sits in {@code folded} (a value that is present) as this anchor requires. */
    public boolean holds(String folded, String literal) {
        return switch (this) {
            case ANYWHERE -> folded.contains(literal);
            case START -> folded.startsWith(literal);
            case END -> folded.endsWith(literal);
            case WHOLE -> folded.equals(literal);
            case ABSENT -> false;
        };
    }
}
