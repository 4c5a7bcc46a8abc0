package dev.vigil.core.engine.plan;

import java.util.List;

/**
 * The pairs of characters that begin an automaton's literals, as bit sets over the 65,536 pairs of Latin-1
 * characters (the first in the high byte), for {@link LiteralAutomaton}'s read-ahead from the root.
 */
final class StartPairs {

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
        long[] bits = new long[1 << 10];
        char[] lower = Latin1Fold.LOWER;
        for (int f = 0; f < 1 << 16; f++) {
            if ((folded[f >>> 6] & 1L << f) == 0) {
                continue;
            }
            for (int a = 0; a < 256; a++) {
                if (lower[a] != f >>> 8) {
                    continue;
                }
                for (int b = 0; b < 256; b++) {
                    if (lower[b] == (f & 0xFF)) {
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
