package dev.vigil.core.engine.plan;

import java.util.Arrays;
import java.util.List;

/**
 * A Wu–Manber search over many long Latin-1 literals: the window is as long as the shortest literal, and
 * the {@value #BLOCK} characters under its end, hashed, say how far it may move without passing an
 * occurrence. Hash lists ({@code sha256=…}, {@code md5=…}) are hundreds of literals of 36 characters or
 * more, and the values they are searched in are hexadecimal runs that would lead an automaton deep into
 * its tables at every character; here a value is read a few characters a window.
 *
 * <p>Characters are folded one at a time, as {@link SkipSearch} does, so every occurrence in the value's
 * string fold is found (a spare one may be reported for values beyond Latin-1, never a miss).
 */
final class BlockSkipSearch implements LiteralSearch {

    static final int BLOCK = 4;
    /** Shorter windows move too little for the block hashing to pay. */
    static final int MIN_WINDOW = 16;
    private static final int BITS = 16;
    /** At most this many block positions in the table, so that most windows move: a quarter full. */
    static final int MAX_ENTRIES = (1 << BITS) / 4;
    /** Shifts are bytes. */
    private static final int MAX_WINDOW = 120;

    private final char[][] literals;
    private final int window;
    /** By block hash: how far the window may move when its last block has that hash. */
    private final byte[] shift = new byte[1 << BITS];
    /** By block hash: the literals whose first window ends with a block of that hash, or null. */
    private final int[][] ending = new int[1 << BITS][];

    static boolean suits(List<String> literals) {
        return suits(literals.size(), SkipSearch.shortestLatin1(literals));
    }

    /** {@link #suits} for {@code count} literals whose {@link SkipSearch#shortestLatin1} is {@code m}. */
    static boolean suits(int count, int m) {
        return count >= 2 && m >= MIN_WINDOW && (long) count * (Math.min(m, MAX_WINDOW) - BLOCK + 1) <= MAX_ENTRIES;
    }

    BlockSkipSearch(List<String> given) {
        literals = SkipSearch.chars(given);
        int m = Math.min(MAX_WINDOW, SkipSearch.shortestLatin1(given));
        window = m;
        Arrays.fill(shift, (byte) (m - BLOCK + 1));
        for (int i = 0; i < literals.length; i++) {
            char[] l = literals[i];
            for (int end = BLOCK - 1; end < m; end++) {
                int h = hash(l[end - 3], l[end - 2], l[end - 1], l[end]);
                shift[h] = (byte) Math.min(shift[h], m - 1 - end);
            }
            int h = hash(l[m - 4], l[m - 3], l[m - 2], l[m - 1]);
            ending[h] = SkipSearch.with(ending[h], i);
        }
    }

    private static int hash(char a, char b, char c, char d) {
        int h = ((a * 31 + b) * 31 + c) * 31 + d;
        return (h * 0x9E3779B1) >>> (32 - BITS);
    }

    @Override
    public void scan(String value, Sink sink) {
        int n = value.length();
        int end = window - 1;
        while (end < n) {
            int h = hash(fold(value.charAt(end - 3)), fold(value.charAt(end - 2)), fold(value.charAt(end - 1)),
                    fold(value.charAt(end)));
            int s = shift[h];
            if (s == 0) {
                compare(value, end - window + 1, ending[h], sink);
                s = 1;
            }
            end += s;
        }
    }

    private static char fold(char c) {
        return SkipSearch.fold(c);
    }

    private void compare(String value, int at, int[] candidates, Sink sink) {
        SkipSearch.compare(literals, value, at, candidates, sink);
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
        return literals.length + " literals, block skip search over " + window + " characters";
    }
}
