package dev.vigil.core.engine.plan;

import java.util.Arrays;

/**
 * The trie an {@link LiteralAutomaton} is built from: its edges grouped by state, each state's in column
 * order, and the transition that follows failure links where a state has no edge.
 */
final class AutomatonTrie {

    final int[] start;
    final int[] column;
    final int[] target;

    AutomatonTrie(int states, int[] parent, int[] parentColumn) {
        start = new int[states + 1];
        for (int t = 1; t < states; t++) {
            start[parent[t] + 1]++;
        }
        for (int s = 0; s < states; s++) {
            start[s + 1] += start[s];
        }
        column = new int[Math.max(0, states - 1)];
        target = new int[Math.max(0, states - 1)];
        int[] fill = Arrays.copyOf(start, states);
        for (int t = 1; t < states; t++) {
            int at = fill[parent[t]]++;
            column[at] = parentColumn[t];
            target[at] = t;
        }
        for (int s = 0; s < states; s++) {
            // Few edges per state: insertion sort by column.
            for (int i = start[s] + 1; i < start[s + 1]; i++) {
                int c = column[i];
                int t = target[i];
                int j = i - 1;
                while (j >= start[s] && column[j] > c) {
                    column[j + 1] = column[j];
                    target[j + 1] = target[j];
                    j--;
                }
                column[j + 1] = c;
                target[j + 1] = t;
            }
        }
    }

    /** The trie child of {@code s} on {@code col}, or -1. */
    int edge(int s, int col) {
        int i = Arrays.binarySearch(column, start[s], start[s + 1], col);
        return i < 0 ? -1 : target[i];
    }

    /** The Aho-Corasick transition from {@code s} on {@code col}, following failure links. */
    int next(int[] fail, int s, int col) {
        while (true) {
            int t = edge(s, col);
            if (t >= 0) {
                return t;
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
        }
    }
}
