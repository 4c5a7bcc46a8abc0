package dev.vigil.core.engine.plan;

import java.util.Arrays;

/**
 * A {@link LiteralAutomaton}'s trie edges while it is built, keyed by state and column: open addressing
 * over longs, where a map of boxed keys allocated two objects per character of every literal.
 */
final class TrieEdges {
    private long[] keys = new long[1 << 10];
    private int[] values = new int[1 << 10];
    private int size;

    TrieEdges() {
        Arrays.fill(keys, -1L);
    }

    /** The target of the edge, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
            if (keys[i] == -1L) {
                return -1;
            }
        }
    }

    void put(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1L);
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1L) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != -1L) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    private static int slot(long key, int mask) {
        // The high half of the product mixes every bit of the key; a mask of up to 32 bits takes from it.
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
