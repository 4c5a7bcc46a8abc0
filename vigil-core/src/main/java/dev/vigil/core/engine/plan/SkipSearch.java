package dev.vigil.core.engine.plan;

import java.util.Arrays;
import java.util.List;

/**
 * A Horspool search over a few long Latin-1 literals: the window is as long as the shortest literal, and the
 * character under its end says how far it may move without passing an occurrence, so a value is read a
 * fraction of a character at a time (the seed analytics look for {@code remove-smbshare} in command lines).
 * Only the literals whose first window ends with that character are compared.
 *
 * <p>Characters are folded one at a time with {@link Character#toLowerCase(char)}, which within Latin-1 is
 * what {@code toLowerCase(Locale.ROOT)} does to a string. Beyond Latin-1 the string fold differs only by
 * expanding dotted capital I into {@code i} and a combining dot (and by final sigma, which no Latin-1
 * literal holds), so every occurrence in the string fold is also one in the per-character fold: the search
 * may report a spare literal for such values, never miss one.
 */
final class SkipSearch implements LiteralSearch {

    /** Shorter windows move too little to beat an automaton, which reads each character once. */
    static final int MIN_WINDOW = 6;
    /** More literals fill the shift table with short moves. */
    static final int MAX_LITERALS = 16;

    private static final char[] LOWER = new char[256];

    static {
        for (char c = 0; c < 256; c++) {
            LOWER[c] = Character.toLowerCase(c);
        }
    }

    private final char[][] literals;
    private final int window;
    /** By folded Latin-1 character: how far the window may move when it ends on that character. */
    private final int[] shift = new int[256];
    /** By folded Latin-1 character: the literals whose first window ends with it, or null. */
    private final int[][] ending = new int[256][];

    static boolean suits(List<String> literals) {
        return suits(literals.size(), shortestLatin1(literals));
    }

    /** {@link #suits} for {@code count} literals whose {@link #shortestLatin1} is {@code shortest}. */
    static boolean suits(int count, int shortest) {
        return count > 0 && count <= MAX_LITERALS && shortest >= MIN_WINDOW;
    }

    SkipSearch(List<String> given) {
        literals = new char[given.size()][];
        int m = Integer.MAX_VALUE;
        for (int i = 0; i < given.size(); i++) {
            literals[i] = given.get(i).toCharArray();
            m = Math.min(m, literals[i].length);
        }
        window = m;
        Arrays.fill(shift, m);
        for (int i = 0; i < literals.length; i++) {
            char[] l = literals[i];
            for (int q = 0; q < m - 1; q++) {
                shift[l[q]] = Math.min(shift[l[q]], m - 1 - q);
            }
            char last = l[m - 1];
            ending[last] = with(ending[last], i);
        }
    }

    @Override
    public void scan(String value, Sink sink) {
        int n = value.length();
        int end = window - 1;
        while (end < n) {
            char c = fold(value.charAt(end));
            if (c >= 256) {
                // No literal holds it, so no occurrence covers this position.
                end += window;
                continue;
            }
            int[] candidates = ending[c];
            if (candidates != null) {
                compare(value, end - window + 1, candidates, sink);
            }
            end += shift[c];
        }
    }

    /** The length of the shortest literal, or -1 when there is none or some literal has a character beyond Latin-1. */
    static int shortestLatin1(List<String> literals) {
        int m = -1;
        for (String l : literals) {
            for (int i = 0; i < l.length(); i++) {
                if (l.charAt(i) >= 256) {
                    return -1;
                }
            }
            m = m < 0 ? l.length() : Math.min(m, l.length());
        }
        return m;
    }

    /** Each literal's characters. */
    static char[][] chars(List<String> literals) {
        char[][] out = new char[literals.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = literals.get(i).toCharArray();
        }
        return out;
    }

    /** {@code ids} (null for none) with {@code id} added: the literals a table entry lists. */
    static int[] with(int[] ids, int id) {
        int[] had = ids == null ? new int[0] : ids;
        int[] out = Arrays.copyOf(had, had.length + 1);
        out[had.length] = id;
        return out;
    }

    /** A character folded as the skip searches fold values (see the class comment). */
    static char fold(char c) {
        return c < 256 ? LOWER[c] : Character.toLowerCase(c);
    }

    private void compare(String value, int at, int[] candidates, Sink sink) {
        compare(literals, value, at, candidates, sink);
    }

    /** Reports each of {@code candidates} (indices into {@code literals}) that the folded value holds at {@code at}. */
    static void compare(char[][] literals, String value, int at, int[] candidates, Sink sink) {
        int n = value.length();
        for (int id : candidates) {
            char[] l = literals[id];
            if (at + l.length > n) {
                continue;
            }
            int k = 0;
            while (k < l.length && fold(value.charAt(at + k)) == l[k]) {
                k++;
            }
            if (k == l.length) {
                sink.found(id);
            }
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
        return literals.length + " literals, skip search over " + window + " characters";
    }
}
