package dev.vigil.core.engine.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A Wu–Manber search over one to a few dozen Latin-1 literals of eight characters or more, with blocks of two
 * characters: the window is as long as the shortest literal, and the pair of characters under its end,
 * folded, indexes a table of how far the window may move without passing an occurrence. A pair holds
 * exactly two Latin-1 characters, so the table needs no hash and no pair collides with another.
 *
 * <p>A keyword rule's literals ({@code sekurlsa::}, {@code privilege::debug} and eighteen more) are
 * searched in every value of every event; over those values most pairs begin no literal's window and the
 * window moves seven or eight characters, where an automaton reads every character. Hash lists, whose
 * literals and values share the sixteen hexadecimal digits and so every pair of them, take the four
 * character blocks of {@link BlockSkipSearch} instead.
 *
 * <p>Characters are folded one at a time, as {@link SkipSearch} does, so every occurrence in the value's
 * string fold is found (a spare one may be reported for values beyond Latin-1, never a miss).
 */
public final class PairSkipSearch implements LiteralSearch {

    /** Shorter windows move too little to beat an automaton that reads ahead. */
    static final int MIN_WINDOW = 8;
    /**
     * At most this many pair positions in the table (of 65,536 pairs): the pairs of the literals are then
     * a small share of those a value holds, and most windows move their full length.
     */
    static final int MAX_ENTRIES = 2048;
    /** Shifts are bytes. */
    private static final int MAX_WINDOW = 120;

    private final char[][] literals;
    private final int window;
    /** By pair (first character in the high byte): how far the window may move when it ends on that pair. */
    private final byte[] shift = new byte[1 << 16];
    /**
     * By pair, a bit: the pair is in some literal's window, so its shift is less than the window's. Most
     * pairs of a value are not; this set is read from the first-level cache, the shift table seldom.
     */
    private final long[] inWindow = new long[1 << 10];
    /**
     * The pairs that end some literal's first window, ascending, and for each the literals whose window
     * it ends. Looked up only where the shift is 0; a table by pair would take 256 KB a search, and plans
     * of the SigmaHQ rules hold dozens of these searches.
     */
    private final int[] endingPairs;
    private final int[][] ending;

    static boolean suits(List<String> literals) {
        return suits(literals.size(), SkipSearch.shortestLatin1(literals));
    }

    /** {@link #suits} for {@code count} literals whose {@link SkipSearch#shortestLatin1} is {@code m}. */
    static boolean suits(int count, int m) {
        return count >= 1 && m >= MIN_WINDOW && (long) count * (Math.min(m, MAX_WINDOW) - 1) <= MAX_ENTRIES;
    }

    PairSkipSearch(List<String> given) {
        literals = SkipSearch.chars(given);
        int m = Math.min(MAX_WINDOW, SkipSearch.shortestLatin1(given));
        window = m;
        Arrays.fill(shift, (byte) (m - 1));
        TreeMap<Integer, List<Integer>> endings = new TreeMap<>();
        for (int i = 0; i < literals.length; i++) {
            char[] l = literals[i];
            for (int end = 1; end < m; end++) {
                int p = pair(l[end - 1], l[end]);
                shift[p] = (byte) Math.min(shift[p], m - 1 - end);
            }
            endings.computeIfAbsent(pair(l[m - 2], l[m - 1]), k -> new ArrayList<>()).add(i);
        }
        endingPairs = endings.keySet().stream().mapToInt(Integer::intValue).toArray();
        ending = endings.values().stream().map(ids -> ids.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        for (int p = 0; p < shift.length; p++) {
            if (shift[p] < m - 1) {
                inWindow[p >>> 6] |= 1L << p;
            }
        }
    }

    private static int pair(char a, char b) {
        return a << 8 | b;
    }

    @Override
    public void scan(String value, Sink sink) {
        int n = value.length();
        int end = window - 1;
        while (end < n) {
            char a = SkipSearch.fold(value.charAt(end - 1));
            char b = SkipSearch.fold(value.charAt(end));
            if ((a | b) >= 256) {
                // No literal holds this pair, so no occurrence ends in the window here or covers the pair.
                end += window - 1;
                continue;
            }
            int p = pair(a, b);
            if ((inWindow[p >>> 6] & 1L << p) == 0) {
                end += window - 1;
                continue;
            }
            int s = shift[p];
            if (s == 0) {
                SkipSearch.compare(literals, value, end - window + 1, ending[Arrays.binarySearch(endingPairs, p)], sink);
                s = 1;
            }
            end += s;
        }
    }

    /** A window ends at its last character: a value shorter than the window is never read. */
    @Override
    public int minLength() {
        return window;
    }

    @Override
    public int literalCount() {
        return literals.length;
    }

    @Override
    public String describe() {
        return literals.length + " literals, pair skip search over " + window + " characters";
    }
}
