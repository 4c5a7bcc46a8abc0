package dev.vigil.core.engine.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private static final int SPARSE_HEADER = 3;
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
        // Columns in order of first appearance; Latin-1 characters through an array, as they are most.
        int[] latin1Columns = new int[256];
        Map<Character, Integer> otherColumnsByChar = new HashMap<>();
        int columnCount = 1;
        for (String l : literals) {
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (c < 256) {
                    if (latin1Columns[c] == 0) {
                        latin1Columns[c] = columnCount++;
                    }
                } else if (!otherColumnsByChar.containsKey(c)) {
                    otherColumnsByChar.put(c, columnCount++);
                }
            }
        }
        width = columnCount;
        for (char c = 0; c < 256; c++) {
            latin1Column[c] = latin1Columns[Character.toLowerCase(c)];
        }
        List<Character> others = new ArrayList<>(otherColumnsByChar.keySet());
        others.sort(null);
        otherChars = new char[others.size()];
        otherColumns = new int[others.size()];
        for (int i = 0; i < others.size(); i++) {
            otherChars[i] = others.get(i);
            otherColumns[i] = otherColumnsByChar.get(others.get(i));
        }

        // Trie first, its edges in a map. No full transition table is built: over the look-alike alphabet of
        // the wide automaton it would take hundreds of megabytes while only its shallowest states keep rows.
        // The literals ending at each state are a chain through ownNext, in the order of the list.
        TrieEdges edges = new TrieEdges();
        int[] ownFirst = new int[16];
        int[] ownLast = new int[16];
        int[] ownNext = new int[literals.size()];
        Arrays.fill(ownFirst, -1);
        int[] parent = new int[16];
        int[] parentColumn = new int[16];
        int states = 1;
        for (int li = 0; li < literals.size(); li++) {
            String l = literals.get(li);
            int s = 0;
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                int col = c < 256 ? latin1Columns[c] : otherColumnsByChar.get(c);
                long key = (long) s * width + col;
                int next = edges.get(key);
                if (next < 0) {
                    next = states++;
                    if (next == parent.length) {
                        parent = Arrays.copyOf(parent, parent.length * 2);
                        parentColumn = Arrays.copyOf(parentColumn, parentColumn.length * 2);
                        ownFirst = Arrays.copyOf(ownFirst, ownFirst.length * 2);
                        ownLast = Arrays.copyOf(ownLast, ownLast.length * 2);
                        Arrays.fill(ownFirst, next, ownFirst.length, -1);
                    }
                    parent[next] = s;
                    parentColumn[next] = col;
                    edges.put(key, next);
                }
                s = next;
            }
            ownNext[li] = -1;
            if (ownFirst[s] < 0) {
                ownFirst[s] = li;
            } else {
                ownNext[ownLast[s]] = li;
            }
            ownLast[s] = li;
        }
        edges = null;
        AutomatonTrie trie = new AutomatonTrie(states, parent, parentColumn);
        // Breadth-first order, children by column: failure links point to shallower states, so each is known
        // before it is needed, and the shallow states, where a scan spends most of its time, share cache lines.
        int[] order = new int[states];
        int[] renamed = new int[states];
        int[] fail = new int[states];
        int[][] merged = new int[states][];
        merged[0] = own(ownFirst[0], ownNext);
        int count = 0;
        order[count++] = 0;
        for (int head = 0; head < count; head++) {
            int s = order[head];
            for (int e = trie.start[s]; e < trie.start[s + 1]; e++) {
                int t = trie.target[e];
                fail[t] = s == 0 ? 0 : trie.next(fail, fail[s], trie.column[e]);
                int[] mine = own(ownFirst[t], ownNext);
                int[] inherited = merged[fail[t]];
                int[] all = Arrays.copyOf(mine, mine.length + inherited.length);
                System.arraycopy(inherited, 0, all, mine.length, inherited.length);
                merged[t] = all;
                order[count++] = t;
            }
        }
        for (int i = 0; i < states; i++) {
            renamed[order[i]] = i;
        }
        // The first states get full rows; the deep ones, mostly single-child chains, a sparse record of their
        // trie edges and failure link: a full row each would make a table of tens of megabytes for the
        // CommandLine literals. A state's target on a column is held as its row offset, complemented when
        // the target reports literals, so the scan loop does one load, one add and one sign test per character.
        int dense = Math.max(1, Math.min(states, denseBudget / width));
        denseLength = dense * width;
        int[] encoded = new int[states];
        int sparseSize = 0;
        for (int i = 0; i < states; i++) {
            encoded[i] = i < dense ? i * width : denseLength + sparseSize;
            if (i >= dense) {
                int s = order[i];
                sparseSize += SPARSE_HEADER + 2 * (trie.start[s + 1] - trie.start[s]);
            }
        }
        delta = new int[denseLength];
        // Rows hold plain target states first: a state's failure state is shallower, so its row is complete
        // and its entries are still plain when this state's row borrows them. Encoded in a second pass.
        for (int i = 0; i < dense; i++) {
            int s = order[i];
            int row = i * width;
            if (s != 0) {
                System.arraycopy(delta, renamed[fail[s]] * width, delta, row, width);
            }
            for (int e = trie.start[s]; e < trie.start[s + 1]; e++) {
                delta[row + trie.column[e]] = trie.target[e];
            }
        }
        // Each trie state's entry once, then the rows through it: a row entry reads one int, not a state's
        // output list (the SigmaHQ CommandLine table has three million entries).
        int[] entry = new int[states];
        for (int t = 0; t < states; t++) {
            entry[t] = merged[t].length == 0 ? encoded[renamed[t]] : ~encoded[renamed[t]];
        }
        for (int i = 0; i < denseLength; i++) {
            delta[i] = entry[delta[i]];
        }
        sparse = new int[sparseSize];
        outStart = new int[states + 1];
        int total = 0;
        for (int i = 0; i < states; i++) {
            outStart[i] = total;
            total += merged[order[i]].length;
        }
        outStart[states] = total;
        outputs = new int[total];
        for (int i = 0; i < states; i++) {
            int s = order[i];
            int[] out = merged[s];
            System.arraycopy(out, 0, outputs, outStart[i], out.length);
            if (i < dense) {
                continue;
            }
            int at = encoded[i] - denseLength;
            sparse[at] = i;
            sparse[at + 1] = encoded[renamed[fail[s]]];
            int n = 0;
            for (int e = trie.start[s]; e < trie.start[s + 1]; e++) {
                int t = trie.target[e];
                int r = renamed[t];
                sparse[at + SPARSE_HEADER + 2 * n] = trie.column[e];
                sparse[at + SPARSE_HEADER + 2 * n + 1] = merged[t].length == 0 ? encoded[r] : ~encoded[r];
                n++;
            }
            sparse[at + 2] = n;
        }
        stateCount = states;
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

    /** The literals of a chain through {@code next} that starts at {@code first} (-1: none). */
    private static int[] own(int first, int[] next) {
        int n = 0;
        for (int li = first; li >= 0; li = next[li]) {
            n++;
        }
        int[] out = new int[n];
        n = 0;
        for (int li = first; li >= 0; li = next[li]) {
            out[n++] = li;
        }
        return out;
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
