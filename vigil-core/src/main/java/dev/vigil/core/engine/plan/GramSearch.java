package dev.vigil.core.engine.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Many unanchored literals, found through one four-character gram of each. Every literal of at least
 * {@value #Q} characters is indexed under one of its grams, the one fewest literals share; a scan folds the
 * value, tests the gram ending at each character against a bit filter small enough for the first-level
 * cache, and checks the literals indexed under a gram that passes against the value at the gram's offset.
 * Shorter literals are looked up whole, ending at each character whose folded form ends one of them.
 *
 * <p>Its cost per character does not depend on the alphabet or the literals' length, where an automaton's
 * table grows with both: a {@link LiteralAutomaton} takes this search for values with characters beyond
 * Latin-1 when its literals are many, since over the look-alike characters some rules list (over a thousand
 * distinct ones in the SigmaHQ CommandLine literals) only a few dozen of its states could keep full rows;
 * and it is the search for sets of many long literals ({@link #suits}). Otherwise, on Latin-1 values, an
 * automaton's table is narrow and small and stays the faster search. A value with characters beyond Latin-1 is
 * folded whole first, as the literals were; Latin-1 ones are folded through a table as they are read.
 */
public final class GramSearch implements LiteralSearch {

    static final int Q = 4;
    /** Below this many literals an automaton over the wide alphabet stays small enough to keep full rows. */
    static final int MIN_LITERALS = 64;
    /**
     * From this many characters of literals on, an automaton's table runs to tens of megabytes even over a
     * narrow alphabet (the 5,274 SigmaHQ driver-load hashes make 220,000 states, 22 MB, built in over half
     * a second), and a scan through long literals misses the caches at every character.
     */
    static final int LARGE_TOTAL = 100_000;

    /**
     * True for many long literals, where this search beats an automaton for the Latin-1 values too: a
     * large total, and few literals shorter than a gram (each of those is looked up at every character that
     * ends one).
     */
    public static boolean suits(List<String> literals) {
        long total = 0;
        int shorter = 0;
        for (String l : literals) {
            total += l.length();
            shorter += l.length() < Q ? 1 : 0;
        }
        return literals.size() >= MIN_LITERALS && total >= LARGE_TOTAL && shorter * 20 <= literals.size();
    }
    private static final char[] LOWER = Latin1Fold.LOWER;
    private static final long SHORT_MASK = (1L << 16 * (Q - 1)) - 1;

    private final int literalCount;
    private final String[] texts;
    /** Literals of at least {@link #Q} characters, by the gram they are indexed under. */
    private final Table grams;
    private final long[] gramFilter;
    private final int gramShift;
    /** Shorter literals, by their characters and length; and which characters end one. */
    private final Table shorter;
    private final long[] lastChars = new long[1 << 10];
    private final int indexed;

    public GramSearch(List<String> literals) {
        literalCount = literals.size();
        texts = literals.toArray(new String[0]);
        // How often each gram occurs in the literals: a literal is indexed under its rarest.
        int gramCount = 0;
        for (String l : texts) {
            gramCount += Math.max(0, l.length() - Q + 1);
        }
        GramCounts shared = new GramCounts(gramCount);
        for (String l : texts) {
            for (int at = 0; at + Q <= l.length(); at++) {
                shared.add(pack(l, at, Q));
            }
        }
        Map<Long, List<int[]>> byGram = new LinkedHashMap<>();
        Map<Long, List<int[]>> byShort = new LinkedHashMap<>();
        int count = 0;
        for (int li = 0; li < texts.length; li++) {
            String l = texts[li];
            if (l.length() < Q) {
                byShort.computeIfAbsent(shortKey(pack(l, 0, l.length()), l.length()), k -> new ArrayList<>())
                        .add(new int[] {li, 0});
                char last = l.charAt(l.length() - 1);
                lastChars[last >>> 6] |= 1L << last;
                continue;
            }
            int best = 0;
            int bestShared = Integer.MAX_VALUE;
            for (int at = 0; at + Q <= l.length(); at++) {
                int s = shared.count(pack(l, at, Q));
                if (s < bestShared) {
                    bestShared = s;
                    best = at;
                }
            }
            byGram.computeIfAbsent(pack(l, best, Q), k -> new ArrayList<>()).add(new int[] {li, best});
            count++;
        }
        indexed = count;
        int bits = Integer.highestOneBit(Math.max(1 << 12, byGram.size() * 16) - 1) << 1;
        gramFilter = new long[bits >>> 6];
        gramShift = 64 - Integer.numberOfTrailingZeros(bits);
        grams = new Table(byGram);
        for (long g : byGram.keySet()) {
            int h = gramHash(g);
            gramFilter[h >>> 6] |= 1L << h;
        }
        shorter = new Table(byShort);
    }

    /** Up to four characters in a long, the first in the highest bits. */
    private static long pack(String s, int at, int n) {
        long g = 0;
        for (int k = 0; k < n; k++) {
            g = g << 16 | s.charAt(at + k);
        }
        return g;
    }

    private static long shortKey(long chars, int length) {
        return (long) length << 16 * (Q - 1) | chars;
    }

    private int gramHash(long gram) {
        return (int) ((gram * 0x9E3779B97F4A7C15L) >>> gramShift);
    }

    @Override
    public void scan(String value, Sink sink) {
        int n = value.length();
        long g = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 256) {
                // What was reported so far holds in the folded value too: it only adds duplicates.
                scanFolded(value.toLowerCase(Locale.ROOT), sink);
                return;
            }
            c = LOWER[c];
            g = g << 16 | c;
            step(value, true, i, g, c, sink);
        }
    }

    private void scanFolded(String folded, Sink sink) {
        long g = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            g = g << 16 | c;
            step(folded, false, i, g, c, sink);
        }
    }

    /** The checks for the characters ending at {@code i}: {@code g} holds the last four, folded. */
    private void step(String value, boolean fold, int i, long g, char c, Sink sink) {
        if (i >= Q - 1) {
            int h = gramHash(g);
            if ((gramFilter[h >>> 6] & (1L << h)) != 0) {
                verify(value, fold, i - (Q - 1), g, sink);
            }
        }
        if ((lastChars[c >>> 6] & (1L << c)) != 0) {
            for (int len = 1; len < Q && len <= i + 1; len++) {
                long key = shortKey(g & (SHORT_MASK >>> 16 * (Q - 1 - len)), len);
                int s = shorter.find(key);
                for (int e = shorter.start(s); e < shorter.end(s); e++) {
                    sink.found(shorter.literal[e]);
                }
            }
        }
    }

    /** Reports the literals indexed under {@code gram} that occur in the value with it at {@code at}. */
    private void verify(String value, boolean fold, int at, long gram, Sink sink) {
        int s = grams.find(gram);
        for (int e = grams.start(s); e < grams.end(s); e++) {
            String l = texts[grams.literal[e]];
            int from = at - grams.offset[e];
            if (from >= 0 && from + l.length() <= value.length() && occursAt(value, fold, from, l)) {
                sink.found(grams.literal[e]);
            }
        }
    }

    /**
     * Whether {@code literal} is the value folded at {@code from}. A character beyond Latin-1 in a value
     * being folded by table never matches: that scan starts over on the value folded whole.
     */
    private static boolean occursAt(String value, boolean fold, int from, String literal) {
        for (int k = 0; k < literal.length(); k++) {
            char c = value.charAt(from + k);
            if (fold) {
                if (c >= 256) {
                    return false;
                }
                c = LOWER[c];
            }
            if (c != literal.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** How many times each gram was added: open addressing over primitive keys (there are many). */
    private static final class GramCounts {
        private final long[] keys;
        private final int[] counts;
        private final int mask;

        GramCounts(int expected) {
            int slots = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
            keys = new long[slots];
            counts = new int[slots];
            mask = slots - 1;
        }

        private int find(long key) {
            int s = (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> 40) & mask;
            while (counts[s] != 0 && keys[s] != key) {
                s = (s + 1) & mask;
            }
            return s;
        }

        void add(long key) {
            int s = find(key);
            keys[s] = key;
            counts[s]++;
        }

        int count(long key) {
            return counts[find(key)];
        }
    }

    /** Open addressing from a long key to a run of (literal, offset) entries. */
    private static final class Table {
        final long[] keys;
        /** Where each slot's entries start, -1 for an empty slot, and end. */
        final int[] starts;
        final int[] ends;
        final int mask;
        final int[] literal;
        final int[] offset;

        Table(Map<Long, List<int[]>> byKey) {
            int slots = Integer.highestOneBit(Math.max(4, byKey.size() * 2) - 1) << 1;
            mask = slots - 1;
            keys = new long[slots];
            starts = new int[slots];
            ends = new int[slots];
            java.util.Arrays.fill(starts, -1);
            int total = 0;
            for (List<int[]> l : byKey.values()) {
                total += l.size();
            }
            literal = new int[total];
            offset = new int[total];
            int e = 0;
            for (Map.Entry<Long, List<int[]>> x : byKey.entrySet()) {
                int s = home(x.getKey());
                while (starts[s] >= 0) {
                    s = (s + 1) & mask;
                }
                keys[s] = x.getKey();
                starts[s] = e;
                for (int[] entry : x.getValue()) {
                    literal[e] = entry[0];
                    offset[e] = entry[1];
                    e++;
                }
                ends[s] = e;
            }
        }

        private int home(long key) {
            return (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> 40) & mask;
        }

        /** The slot holding {@code key}, or an empty slot (whose run is empty). */
        int find(long key) {
            int s = home(key);
            while (starts[s] >= 0 && keys[s] != key) {
                s = (s + 1) & mask;
            }
            return s;
        }

        int start(int slot) {
            return Math.max(0, starts[slot]);
        }

        int end(int slot) {
            return starts[slot] < 0 ? 0 : ends[slot];
        }
    }

    @Override
    public int literalCount() {
        return literalCount;
    }

    @Override
    public String describe() {
        return literalCount + " literals, " + indexed + " found by 4-character grams (" + (gramFilter.length * 64)
                + "-bit filter), " + (literalCount - indexed) + " shorter ones looked up whole";
    }
}
