package dev.vigil.core.engine.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables a {@link LiteralAutomaton} scans with (described there), built in phases: the alphabet, the
 * trie, breadth-first order with failure links and outputs, the full rows, the sparse records. Each phase is
 * a method of its own, with a loop or two. A hunt builds a few dozen automata, too few for their
 * construction to be compiled as a whole, so the JVM compiles each hot loop where it runs, with the method
 * around it: as one constructor of 200 lines, that was 18 compilations of 30–55 KB of machine code each,
 * over 800 KB in all, in a one-core hunt of 1 GB, whose first event of each class waits for its automata.
 */
final class AutomatonTables {

    /** By Latin-1 character: the column of its lower-case form (0 when no literal has it). */
    final int[] latin1Column = new int[256];
    /** Characters beyond Latin-1 that some literal has, sorted, and their columns. */
    final char[] otherChars;
    final int[] otherColumns;
    final int width;
    final int[] delta;
    final int denseLength;
    final int[] sparse;
    final int[] outStart;
    final int[] outputs;
    final int stateCount;

    static final int SPARSE_HEADER = 3;

    /** The columns of the literals' characters as they are (not folded), in order of first appearance. */
    private record Alphabet(int[] latin1Columns, Map<Character, Integer> otherColumnsByChar, int width) {
        int column(char c) {
            return c < 256 ? latin1Columns[c] : otherColumnsByChar.get(c);
        }
    }

    /** The trie, and the literals ending at each state as chains: first at ownFirst[s], then through ownNext. */
    private record Trie(AutomatonTrie edges, int states, int[] ownFirst, int[] ownNext) {
    }

    /**
     * States in breadth-first order, children by column ({@code order[i]} is the i-th state, {@code
     * renamed} the inverse), their failure states and the literals each reports, its own and its failure
     * chain's.
     */
    private record Order(int[] order, int[] renamed, int[] fail, int[][] merged) {
    }

    /** @param denseBudget how many table entries the full rows may take (at least the root's row is full) */
    AutomatonTables(List<String> literals, int denseBudget) {
        Alphabet alphabet = alphabet(literals);
        width = alphabet.width();
        List<Character> others = new ArrayList<>(alphabet.otherColumnsByChar().keySet());
        others.sort(null);
        otherChars = new char[others.size()];
        otherColumns = new int[others.size()];
        for (int i = 0; i < others.size(); i++) {
            otherChars[i] = others.get(i);
            otherColumns[i] = alphabet.otherColumnsByChar().get(others.get(i));
        }
        foldColumns(alphabet.latin1Columns(), latin1Column);
        Trie trie = trie(literals, alphabet);
        Order order = order(trie);
        int states = trie.states();
        stateCount = states;
        // The first states get full rows; the deep ones, mostly single-child chains, a sparse record of their
        // trie edges and failure link: a full row each would make a table of tens of megabytes for the
        // CommandLine literals. A state's target on a column is held as its row offset, complemented when
        // the target reports literals, so the scan loop does one load, one add and one sign test per character.
        int dense = Math.max(1, Math.min(states, denseBudget / width));
        denseLength = dense * width;
        int[] encoded = new int[states];
        int sparseSize = encode(trie.edges(), order.order(), dense, width, encoded);
        delta = rows(trie.edges(), order, dense, width);
        int[] entry = entries(order, encoded);
        for (int i = 0; i < denseLength; i++) {
            delta[i] = entry[delta[i]];
        }
        sparse = new int[sparseSize];
        outStart = new int[states + 1];
        outputs = outputs(order, outStart);
        sparseRecords(trie.edges(), order, dense, denseLength, encoded, sparse);
    }

    /** Columns in order of first appearance; Latin-1 characters through an array, as they are most. */
    private static Alphabet alphabet(List<String> literals) {
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
        return new Alphabet(latin1Columns, otherColumnsByChar, columnCount);
    }

    /** Every Latin-1 character gets its lower-case form's column: values are folded through the table. */
    private static void foldColumns(int[] columns, int[] folded) {
        for (char c = 0; c < 256; c++) {
            folded[c] = columns[Character.toLowerCase(c)];
        }
    }

    /**
     * Trie first, its edges in a map. No full transition table is built: over the look-alike alphabet of a
     * wide automaton it would take hundreds of megabytes while only its shallowest states keep rows. The
     * literals ending at each state are a chain through ownNext, in the order of the list.
     */
    private static Trie trie(List<String> literals, Alphabet alphabet) {
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
                int col = alphabet.column(l.charAt(i));
                long key = (long) s * alphabet.width() + col;
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
        return new Trie(new AutomatonTrie(states, parent, parentColumn), states, ownFirst, ownNext);
    }

    /**
     * Breadth-first order, children by column: failure links point to shallower states, so each is known
     * before it is needed, and the shallow states, where a scan spends most of its time, share cache lines.
     */
    private static Order order(Trie trie) {
        AutomatonTrie edges = trie.edges();
        int states = trie.states();
        int[] order = new int[states];
        int[] renamed = new int[states];
        int[] fail = new int[states];
        int[][] merged = new int[states][];
        merged[0] = own(trie.ownFirst()[0], trie.ownNext());
        int count = 0;
        order[count++] = 0;
        for (int head = 0; head < count; head++) {
            int s = order[head];
            for (int e = edges.start[s]; e < edges.start[s + 1]; e++) {
                int t = edges.target[e];
                fail[t] = s == 0 ? 0 : edges.next(fail, fail[s], edges.column[e]);
                int[] mine = own(trie.ownFirst()[t], trie.ownNext());
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
        return new Order(order, renamed, fail, merged);
    }

    /**
     * Fills {@code encoded} (by position in breadth-first order: a dense state's row offset, a sparse one's
     * record offset past the rows) and returns the size of the sparse records.
     */
    private static int encode(AutomatonTrie edges, int[] order, int dense, int width, int[] encoded) {
        int denseLength = dense * width;
        int sparseSize = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = i < dense ? i * width : denseLength + sparseSize;
            if (i >= dense) {
                int s = order[i];
                sparseSize += SPARSE_HEADER + 2 * (edges.start[s + 1] - edges.start[s]);
            }
        }
        return sparseSize;
    }

    /**
     * The full rows, holding plain target states: a state's failure state is shallower, so its row is
     * complete and its entries are still plain when this state's row borrows them. Encoded afterwards.
     */
    private static int[] rows(AutomatonTrie edges, Order order, int dense, int width) {
        int[] delta = new int[dense * width];
        for (int i = 0; i < dense; i++) {
            int s = order.order()[i];
            int row = i * width;
            if (s != 0) {
                System.arraycopy(delta, order.renamed()[order.fail()[s]] * width, delta, row, width);
            }
            for (int e = edges.start[s]; e < edges.start[s + 1]; e++) {
                delta[row + edges.column[e]] = edges.target[e];
            }
        }
        return delta;
    }

    /**
     * Each trie state's table entry once, so that a row entry reads one int, not a state's output list (the
     * SigmaHQ CommandLine table has three million entries): its encoding, complemented when it reports.
     */
    private static int[] entries(Order order, int[] encoded) {
        int[] entry = new int[encoded.length];
        for (int t = 0; t < entry.length; t++) {
            int at = encoded[order.renamed()[t]];
            entry[t] = order.merged()[t].length == 0 ? at : ~at;
        }
        return entry;
    }

    /** The literals each state reports, flattened in breadth-first order; fills {@code outStart}. */
    private static int[] outputs(Order order, int[] outStart) {
        int states = order.order().length;
        int total = 0;
        for (int i = 0; i < states; i++) {
            outStart[i] = total;
            total += order.merged()[order.order()[i]].length;
        }
        outStart[states] = total;
        int[] outputs = new int[total];
        for (int i = 0; i < states; i++) {
            int[] out = order.merged()[order.order()[i]];
            System.arraycopy(out, 0, outputs, outStart[i], out.length);
        }
        return outputs;
    }

    /** Each sparse state's record: its position, its failure state, its edge count, then (column, target) pairs. */
    private static void sparseRecords(AutomatonTrie edges, Order order, int dense, int denseLength, int[] encoded,
                                      int[] sparse) {
        for (int i = dense; i < encoded.length; i++) {
            int s = order.order()[i];
            int at = encoded[i] - denseLength;
            sparse[at] = i;
            sparse[at + 1] = encoded[order.renamed()[order.fail()[s]]];
            int n = 0;
            for (int e = edges.start[s]; e < edges.start[s + 1]; e++) {
                int t = edges.target[e];
                int r = order.renamed()[t];
                sparse[at + SPARSE_HEADER + 2 * n] = edges.column[e];
                sparse[at + SPARSE_HEADER + 2 * n + 1] = order.merged()[t].length == 0 ? encoded[r] : ~encoded[r];
                n++;
            }
            sparse[at + 2] = n;
        }
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
}
