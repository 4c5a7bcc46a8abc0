package dev.vigil.core.engine.plan;

import java.util.List;

/**
 * The pairs of characters that begin an automaton's literals, as bit sets over the 65,536 pairs of Latin-1
 * characters (the first in the high byte), for {@link LiteralAutomaton}'s read-ahead from the root.
 */
final class StartPairs {

    /** By Latin-1 character: the Latin-1 characters whose lower-case form it is (none for most upper-case ones). */
    private static final char[][] UNFOLD = new char[256][];

    static {
        int[] count = new int[256];
        for (char a = 0; a < 256; a++) {
            count[Latin1Fold.LOWER[a]]++;
        }
        for (int c = 0; c < 256; c++) {
            UNFOLD[c] = new char[count[c]];
            count[c] = 0;
        }
        for (char a = 0; a < 256; a++) {
            char c = Latin1Fold.LOWER[a];
            UNFOLD[c][count[c]++] = a;
        }
    }

    private StartPairs() {
    }

    /**
     * The pairs of Latin-1 characters whose folds are in {@code folded} (null: none), so the read-ahead loop
     * tests the characters as they are, without a load to fold each one.
     */
    static long[] unfolded(long[] folded) {
        if (folded == null) {
            return null;
        }
        // The set is walked by its bits, and each pair unfolded from the characters that fold to its two: a
        // walk of all 65,536 pairs, and of all 256 characters twice for each pair in the set, ran for every
        // automaton, long enough to be compiled anew by the optimising compiler in every hunt.
        long[] bits = new long[1 << 10];
        for (int w = 0; w < folded.length; w++) {
            for (long word = folded[w]; word != 0; word &= word - 1) {
                int f = w << 6 | Long.numberOfTrailingZeros(word);
                for (char a : UNFOLD[f >>> 8]) {
                    for (char b : UNFOLD[f & 0xFF]) {
                        int pair = a << 8 | b;
                        bits[pair >>> 6] |= 1L << pair;
                    }
                }
            }
        }
        return bits;
    }

    /** The folded pairs that begin Latin-1 {@code literals}, as a bit set, or null when reading ahead would not pay. */
    static long[] of(List<String> literals, int max) {
        if (literals.isEmpty()) {
            return null;
        }
        long[] bits = new long[1 << 10];
        int count = 0;
        for (String l : literals) {
            if (l.length() < 2) {
                return null;
            }
            int pair = l.charAt(0) << 8 | l.charAt(1);
            if ((bits[pair >>> 6] & 1L << pair) == 0) {
                bits[pair >>> 6] |= 1L << pair;
                if (++count > max) {
                    return null;
                }
            }
        }
        return bits;
    }
}
