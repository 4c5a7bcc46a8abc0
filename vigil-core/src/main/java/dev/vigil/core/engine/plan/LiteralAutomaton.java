package dev.vigil.core.engine.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Aho-Corasick automaton over lower-cased literals, held in int arrays: one pass over a value reports
 * every literal that occurs in the value lower-cased with {@code Locale.ROOT}, whatever the number of
 * literals. The transition table is a full DFA over a compressed alphabet (only characters that occur in
 * some literal get a column; every other character sends the scan back to the root), so the scan does one
 * array load per character and never follows failure links at run time.
 *
 * <p>Latin-1 characters are folded through the column table itself (an upper-case letter has its
 * lower-case letter's column), so a Latin-1 value is scanned without allocating and without a branch on
 * case: within Latin-1, {@link String#toLowerCase(Locale)} with {@code Locale.ROOT} is per character. A
 * value with any other character is folded as a whole, because that fold is not per-character (dotted
 * capital I expands, final sigma depends on context) and literals were folded the same way.
 */
public final class LiteralAutomaton {

    /** By Latin-1 character: the column of its lower-case form (0 when no literal has it). */
    private final int[] latin1Column = new int[256];
    private final char[] otherChars;
    private final int[] otherColumns;
    private final int width;
    private final int[] delta;
    /** Literals ending at each state (own and via suffix links), flattened: outputs[outStart[s]..outStart[s+1]). */
    private final int[] outStart;
    private final int[] outputs;
    private final int literalCount;

    /** Receives the index (in the build list) of each literal found; may be told the same literal more than once. */
    public interface Sink {
        void found(int literal);
    }

    public LiteralAutomaton(List<String> literals) {
        this.literalCount = literals.size();
        Map<Character, Integer> columns = new HashMap<>();
        for (String l : literals) {
            for (int i = 0; i < l.length(); i++) {
                columns.putIfAbsent(l.charAt(i), columns.size() + 1);
            }
        }
        width = columns.size() + 1;
        List<Character> others = new ArrayList<>();
        for (Map.Entry<Character, Integer> e : columns.entrySet()) {
            if (e.getKey() >= 256) {
                others.add(e.getKey());
            }
        }
        for (char c = 0; c < 256; c++) {
            latin1Column[c] = columns.getOrDefault(Character.toLowerCase(c), 0);
        }
        others.sort(null);
        otherChars = new char[others.size()];
        otherColumns = new int[others.size()];
        for (int i = 0; i < others.size(); i++) {
            otherChars[i] = others.get(i);
            otherColumns[i] = columns.get(others.get(i));
        }

        // Trie first, its edges in a map (a dense table sized by the literals' total length would need
        // several times the final table's memory); then the dense table with breadth-first failure links.
        Map<Long, Integer> edges = new HashMap<>();
        List<List<Integer>> own = new ArrayList<>();
        own.add(new ArrayList<>());
        int[] parent = new int[16];
        int states = 1;
        for (int li = 0; li < literals.size(); li++) {
            String l = literals.get(li);
            int s = 0;
            for (int i = 0; i < l.length(); i++) {
                long key = (long) s * width + columns.get(l.charAt(i));
                Integer next = edges.get(key);
                if (next == null) {
                    next = states++;
                    if (next == parent.length) {
                        parent = Arrays.copyOf(parent, parent.length * 2);
                    }
                    parent[next] = s;
                    own.add(new ArrayList<>());
                    edges.put(key, next);
                }
                s = next;
            }
            own.get(s).add(li);
        }
        int[] table = new int[states * width];
        for (Map.Entry<Long, Integer> e : edges.entrySet()) {
            table[(int) (long) e.getKey()] = e.getValue();
        }
        edges = null;
        int[] fail = new int[states];
        List<int[]> merged = new ArrayList<>(states);
        for (int i = 0; i < states; i++) {
            merged.add(null);
        }
        merged.set(0, toArray(own.get(0)));
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int col = 1; col < width; col++) {
            int t = table[col];
            if (t != 0) {
                fail[t] = 0;
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int[] mine = toArray(own.get(s));
            int[] inherited = merged.get(fail[s]);
            int[] all = Arrays.copyOf(mine, mine.length + inherited.length);
            System.arraycopy(inherited, 0, all, mine.length, inherited.length);
            merged.set(s, all);
            for (int col = 1; col < width; col++) {
                int t = table[s * width + col];
                if (t != 0) {
                    fail[t] = table[fail[s] * width + col];
                    queue.add(t);
                } else {
                    table[s * width + col] = table[fail[s] * width + col];
                }
            }
        }
        // Renumber states breadth-first so the shallow states, where a scan spends most of its time, share
        // cache lines; store each target as its row offset, complemented when the target reports literals,
        // so the scan loop does one load, one add and one sign test per character.
        int[] order = new int[states];
        int[] renamed = new int[states];
        int count = 0;
        order[count++] = 0;
        for (int head = 0; head < count; head++) {
            int s = order[head];
            for (int col = 1; col < width; col++) {
                // A trie child is the only target whose parent is s: failure targets are never deeper than s.
                int t = table[s * width + col];
                if (t != 0 && parent[t] == s) {
                    order[count++] = t;
                }
            }
        }
        for (int i = 0; i < states; i++) {
            renamed[order[i]] = i;
        }
        delta = new int[states * width];
        outStart = new int[states + 1];
        int total = 0;
        for (int i = 0; i < states; i++) {
            outStart[i] = total;
            total += merged.get(order[i]).length;
        }
        outStart[states] = total;
        outputs = new int[total];
        for (int i = 0; i < states; i++) {
            int[] out = merged.get(order[i]);
            System.arraycopy(out, 0, outputs, outStart[i], out.length);
            for (int col = 0; col < width; col++) {
                int t = renamed[table[order[i] * width + col]];
                int row = t * width;
                delta[i * width + col] = merged.get(order[t]).length == 0 ? row : ~row;
            }
        }
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

    public int literalCount() {
        return literalCount;
    }

    public int states() {
        return delta.length / width;
    }

    /** Reports every literal that occurs in {@code value.toLowerCase(Locale.ROOT)}. */
    public void scan(String value, Sink sink) {
        int row = 0;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 256) {
                scanFolded(value.toLowerCase(Locale.ROOT), sink);
                return;
            }
            row = delta[row + latin1Column[c]];
            if (row < 0) {
                row = ~row;
                report(row / width, sink);
            }
        }
    }

    private void scanFolded(String folded, Sink sink) {
        int row = 0;
        for (int i = 0; i < folded.length(); i++) {
            row = delta[row + column(folded.charAt(i))];
            if (row < 0) {
                row = ~row;
                report(row / width, sink);
            }
        }
    }

    private void report(int s, Sink sink) {
        for (int i = outStart[s]; i < outStart[s + 1]; i++) {
            sink.found(outputs[i]);
        }
    }
}
