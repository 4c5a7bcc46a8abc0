package dev.vigil.core.engine.plan;

import java.util.List;

/**
 * Finds which of a fixed list of lower-cased literals occur in a value lower-cased with {@code Locale.ROOT}.
 * Long Latin-1 literals are searched by skipping ({@link PairSkipSearch} for up to a few dozen, {@link
 * SkipSearch} for a few of six or seven characters, {@link BlockSkipSearch} for hundreds of very long ones),
 * a few with rare characters by those characters ({@link RareCharacterSearch}), a great many long ones by
 * their grams ({@link GramSearch}), others by an {@link LiteralAutomaton}, which reads every character but
 * whose cost per character does not grow with the literals as long as its table stays in the caches.
 * {@link SearchChoice} picks one by estimated cost.
 */
public interface LiteralSearch {

    /**
     * Receives the index (in the build list) of each literal found; may be told the same literal more than
     * once, and, for a value with characters beyond Latin-1, of a literal that only occurs in the value folded
     * a character at a time (the literals are witnesses: a spare one costs an evaluation, never a hit).
     */
    interface Sink {
        void found(int literal);
    }

    /** Reports every literal that occurs in {@code value.toLowerCase(Locale.ROOT)}. */
    void scan(String value, Sink sink);

    int literalCount();

    /**
     * Values shorter than this hold nothing the search reports, whatever their characters: a caller may
     * skip them without calling {@link #scan}. SigmaHQ's keyword search meets 29 values a Sysmon process
     * creation, over half of them ids, numbers and flags shorter than its nine-character window.
     */
    default int minLength() {
        return 0;
    }

    /** A short description for plan dumps. */
    String describe();

    /**
     * {@code search.scan(value, sink)}, dispatched by a test of each concrete class: a plan calls every kind
     * of search from one place, where an interface call with more than two receivers would be a table
     * dispatch that no search's loop can be inlined into.
     */
    static void scan(LiteralSearch search, String value, Sink sink) {
        if (search instanceof LiteralAutomaton a) {
            a.scan(value, sink);
        } else if (search instanceof AffixTrie t) {
            t.scan(value, sink);
        } else if (search instanceof SkipSearch k) {
            k.scan(value, sink);
        } else if (search instanceof GramSearch g) {
            g.scan(value, sink);
        } else if (search instanceof PairSkipSearch p) {
            p.scan(value, sink);
        } else if (search instanceof BlockSkipSearch b) {
            b.scan(value, sink);
        } else if (search instanceof RareCharacterSearch c) {
            c.scan(value, sink);
        } else {
            search.scan(value, sink);
        }
    }

    /**
     * True when {@link #of} gives a search that skips through values rather than reading every character:
     * adding short literals (keywords) to it would make it read them all.
     */
    static boolean skips(List<String> literals) {
        return skips(literals.size(), SkipSearch.shortestLatin1(literals));
    }

    /**
     * {@link #skips} for {@code count} distinct literals, from the length of the shortest ({@code -1} when one
     * has a character beyond Latin-1): all the choice depends on, so a plan can ask about a literal added
     * to a set without listing the set again.
     */
    static boolean skips(int count, int shortestLatin1) {
        return SkipSearch.suits(count, shortestLatin1) || BlockSkipSearch.suits(count, shortestLatin1)
                || PairSkipSearch.suits(count, shortestLatin1);
    }

    /** The cheaper search for {@code literals} ({@link SearchChoice}). */
    static LiteralSearch of(List<String> literals) {
        return SearchChoice.of(literals);
    }
}
