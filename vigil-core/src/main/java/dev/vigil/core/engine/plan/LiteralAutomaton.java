package dev.vigil.core.engine.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An Aho-Corasick automaton over lower-cased literals, held in int arrays: one pass over a value reports
 * every literal that occurs in the value lower-cased with {@code Locale.ROOT}, whatever the number of
 * literals. The transition table is a DFA over a compressed alphabet (only characters that occur in some
 * literal get a column; every other character sends the scan back to the root): full rows, one array load
 * per character, for all states but those past a size budget, which keep their trie edges and failure link.
 * Literals with characters beyond Latin-1 live in a second automaton, scanned only for values that have
 * such characters, so the table most values see stays narrow.
 *
 * <p>Latin-1 characters are folded through the column table itself (an upper-case letter has its
 * lower-case letter's column), so a Latin-1 value is scanned without allocating and without a branch on
 * case: within Latin-1, {@link String#toLowerCase(Locale)} with {@code Locale.ROOT} is per character. A
 * value with any other character is folded as a whole, because that fold is not per-character (dotted
 * capital I expands, final sigma depends on context) and literals were folded the same way.
 */
public final class LiteralAutomaton implements LiteralSearch {

    /** By Latin-1 character: the column of its lower-case form (0 when no literal has it). */
    private final int[] latin1Column = new int[256];
    private final char[] otherChars;
    private final int[] otherColumns;
    private final int width;
    /**
     * Full rows of the dense states, by column. A state is held as an int: a dense state's row offset, or
     * {@link #denseLength} plus the offset of its record in {@link #sparse}; complemented when entering the
     * state reports literals, so the scan loop tests one sign per character.
     */
    private final int[] delta;
    private final int denseLength;
    /**
     * One record per sparse state: its index, its failure state, its number of trie edges, then each edge as
     * (column, target), in column order.
     */
    private final int[] sparse;
    private static final int SPARSE_HEADER = AutomatonTables.SPARSE_HEADER;
    /**
     * Full rows are kept for at most this many table entries (64 MB), the shallowest states first: a full
     * row is one load per character, a sparse record a search and failure links, so the Latin-1 tables are
     * full unless a literal set is pathological (the SigmaHQ CommandLine table takes 12 MB).
     */
    static final int DENSE_BUDGET = 1 << 24;
    /**
     * The same for a {@link #wide} automaton, which few values reach: its alphabet holds every look-alike
     * character, and full rows over it would take hundreds of megabytes for large literal sets.
     */
    static final int WIDE_DENSE_BUDGET = 1 << 15;
    private final int stateCount;
    /**
     * Every literal, for values with a character beyond Latin-1; null when every literal is Latin-1. A
     * Latin-1 value folds to Latin-1, so only Latin-1 literals can occur in it: the tables scanned for most
     * values leave out the look-alike characters some rules list, which would otherwise multiply their
     * width (the SigmaHQ CommandLine literals use over a thousand distinct characters). Over many literals
     * it is a {@link GramSearch}: an automaton over such an alphabet keeps full rows for a few dozen states
     * only, and the rest, reached through chains of sparse states and failure links, cost over a
     * microsecond per character on the SigmaHQ CommandLine literals.
     *
     * <p>Built on the first value that needs it: most inputs have none, and building it was about 4 % of the
     * time spent building the SigmaHQ class plans of the corpus, which each class's first event waits for.
     * Threads that meet such a value at once may each build one; they are equal, and one is kept.
     */
    private volatile LiteralSearch wide;
    /** The literals {@link #wide} is built from, or null when every literal is Latin-1. */
    private final List<String> wideLiterals;
    private final int wideDenseBudget;
    /** Literals ending at each state (own and via suffix links), flattened: outputs[outStart[s]..outStart[s+1]). */
    private final int[] outStart;
    private final int[] outputs;
    private final int literalCount;
    /**
     * The length of the shortest literal: a Latin-1 value shorter than that holds none (its fold has its
     * length), which spares the scan of most short values (ids, numbers, flags) a keyword search meets.
     */
    private final int shortest;
    /**
     * The pairs of characters that begin a literal, as a bit set indexed by two Latin-1 characters as they
     * are in a value (each pair whose fold begins one), when they are few and every literal has two
     * characters or more; else null. From the root,
     * a scan then reads ahead to the next such pair without following the table: each test there stands on
     * its own, where each table step waits for the one before (the seed analytics' command-line literals,
     * {@code share}, {@code use}, {@code delete} and the like, begin a dozen of the 65,536 pairs).
     */
    private final long[] starts;
    /**
     * At most this many pairs begin literals for {@link #starts} to be kept. Over more, the pairs pass too
     * often for reading ahead to pay: every pass costs a mispredicted branch and a table step anyway.
     */
    static final int MAX_START_PAIRS = 64;

    public LiteralAutomaton(List<String> literals) {
        this(literals, DENSE_BUDGET);
    }

    /** @param denseBudget how many table entries the full rows may take (at least the root's row is full) */
    LiteralAutomaton(List<String> literals, int denseBudget) {
        this(literals, denseBudget, MAX_START_PAIRS);
    }

    /** @param maxStartPairs the most pairs of leading characters for which {@link #starts} is kept */
    LiteralAutomaton(List<String> literals, int denseBudget, int maxStartPairs) {
        this(literals, denseBudget, maxStartPairs, true);
    }

    /**
     * @param splitWide build the tables over the Latin-1 literals only, and the literals with other
     *                  characters into {@link #wide}, for the values that have such characters
     */
    private LiteralAutomaton(List<String> given, int denseBudget, int maxStartPairs, boolean splitWide) {
        this.literalCount = given.size();
        this.shortest = given.stream().mapToInt(String::length).min().orElse(Integer.MAX_VALUE);
        List<String> literals = given;
        int[] ids = null;
        if (splitWide && !latin1(given)) {
            wideLiterals = List.copyOf(given);
            literals = new ArrayList<>();
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                if (latin1(List.of(given.get(i)))) {
                    literals.add(given.get(i));
                    kept.add(i);
                }
            }
            ids = toArray(kept);
        } else {
            wideLiterals = null;
        }
        wideDenseBudget = Math.min(denseBudget, WIDE_DENSE_BUDGET);
        starts = splitWide ? StartPairs.unfolded(StartPairs.of(literals, maxStartPairs)) : null;
        AutomatonTables tables = new AutomatonTables(literals, denseBudget);
        // Copied into the array made with this object, which the scan reads beside its other fields.
        System.arraycopy(tables.latin1Column, 0, latin1Column, 0, latin1Column.length);
        otherChars = tables.otherChars;
        otherColumns = tables.otherColumns;
        width = tables.width;
        delta = tables.delta;
        denseLength = tables.denseLength;
        sparse = tables.sparse;
        outStart = tables.outStart;
        outputs = tables.outputs;
        stateCount = tables.stateCount;
        if (ids != null) {
            for (int i = 0; i < outputs.length; i++) {
                outputs[i] = ids[outputs[i]];
            }
        }
    }

    /**
     * True when an automaton of {@code literals} reads ahead from the root ({@link #readsAhead()}): the
     * pairs that begin its Latin-1 literals are few enough.
     */
    static boolean readsAhead(List<String> literals) {
        List<String> latin1 = literals.stream().filter(l -> latin1(List.of(l))).toList();
        return StartPairs.of(latin1, MAX_START_PAIRS) != null;
    }

    private static boolean latin1(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 256) {
                return false;
            }
        }
        return true;
    }

    private static boolean latin1(List<String> literals) {
        for (String l : literals) {
            for (int i = 0; i < l.length(); i++) {
                if (l.charAt(i) >= 256) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int[] toArray(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    /** The column of a character of a literal or of a folded value. */
    private int column(char c) {
        if (c < 256) {
            return latin1Column[c];
        }
        int i = Arrays.binarySearch(otherChars, c);
        return i < 0 ? 0 : otherColumns[i];
    }

    @Override
    public int literalCount() {
        return literalCount;
    }

    @Override
    public String describe() {
        return literalCount + " literals, " + stateCount + " states" + (starts != null ? ", read ahead by their first two characters" : "");
    }

    public int states() {
        return stateCount;
    }

    /** True when scans read ahead from the root to the next pair of characters that begins a literal. */
    boolean readsAhead() {
        return starts != null;
    }

    @Override
    public void scan(String value, Sink sink) {
        int row = 0;
        int n = value.length();
        if (n < shortest && latin1(value)) {
            return;
        }
        if (starts != null) {
            scanAhead(value, sink);
            return;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 256) {
                scanBeyondLatin1(value, sink);
                return;
            }
            int col = latin1Column[c];
            row = row < denseLength ? delta[row + col] : step(row, col);
            if (row < 0) {
                row = ~row;
                report(row, sink);
            }
        }
    }

    /**
     * {@link #scan} reading ahead from the root: at the root no literal has begun before the current
     * character, so the next one can only begin at a pair of {@link #starts} (every literal has two
     * characters or more), and the table resumes there from the root.
     */
    private void scanAhead(String value, Sink sink) {
        long[] pairs = starts;
        int n = value.length();
        int row = 0;
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            if (c >= 256) {
                scanBeyondLatin1(value, sink);
                return;
            }
            if (row == 0) {
                int prev = c;
                int j = i + 1;
                for (; j < n; j++) {
                    char d = value.charAt(j);
                    if (d >= 256) {
                        scanBeyondLatin1(value, sink);
                        return;
                    }
                    int pair = prev << 8 | d;
                    if ((pairs[pair >>> 6] & 1L << pair) != 0) {
                        break;
                    }
                    prev = d;
                }
                if (j >= n) {
                    return;
                }
                i = j - 1;
                c = value.charAt(i);
            }
            int col = latin1Column[c];
            row = row < denseLength ? delta[row + col] : step(row, col);
            if (row < 0) {
                row = ~row;
                report(row, sink);
            }
            i++;
        }
    }

    /** A value with a character beyond Latin-1, scanned whole again (what was reported holds, and repeats). */
    private void scanBeyondLatin1(String value, Sink sink) {
        if (wideLiterals != null) {
            wide().scan(value, sink);
        } else {
            scanFolded(value.toLowerCase(Locale.ROOT), sink);
        }
    }

    private LiteralSearch wide() {
        LiteralSearch w = wide;
        if (w == null) {
            w = wideLiterals.size() >= GramSearch.MIN_LITERALS ? new GramSearch(wideLiterals)
                    : new LiteralAutomaton(wideLiterals, wideDenseBudget, 0, false);
            wide = w;
        }
        return w;
    }

    private void scanFolded(String folded, Sink sink) {
        int row = 0;
        for (int i = 0; i < folded.length(); i++) {
            int col = column(folded.charAt(i));
            row = row < denseLength ? delta[row + col] : step(row, col);
            if (row < 0) {
                row = ~row;
                report(row, sink);
            }
        }
    }

    /** The transition from sparse state {@code state} on {@code col}: its trie edge, else its failure state's. */
    private int step(int state, int col) {
        if (col == 0) {
            return delta[0];
        }
        int at = state - denseLength;
        while (true) {
            int end = at + SPARSE_HEADER + 2 * sparse[at + 2];
            for (int e = at + SPARSE_HEADER; e < end; e += 2) {
                if (sparse[e] == col) {
                    return sparse[e + 1];
                }
            }
            int f = sparse[at + 1];
            if (f < denseLength) {
                return delta[f + col];
            }
            at = f - denseLength;
        }
    }

    private void report(int state, Sink sink) {
        int s = state < denseLength ? state / width : sparse[state - denseLength];
        for (int i = outStart[s]; i < outStart[s + 1]; i++) {
            sink.found(outputs[i]);
        }
    }
}
