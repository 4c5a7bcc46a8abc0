package dev.vigil.formats.evtx;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The decoder's read-only view of the attribute and child arrays it builds for one element. The
 * decoder never touches an array again once wrapped, so {@link EvtxElement} keeps the view as it is
 * instead of copying it: copying these small lists was a quarter of the decode time.
 */
final class FrozenList<T> extends AbstractList<T> implements RandomAccess {

    private static final FrozenList<Object> EMPTY = new FrozenList<>(new Object[0], 0);

    private final Object[] items;
    private final int size;

    FrozenList(Object[] items, int size) {
        this.items = items;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <T> FrozenList<T> empty() {
        return (FrozenList<T>) EMPTY;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return (T) items[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** A plain cursor: the list never changes, so AbstractList's modification checks are waste. */
    @Override
    public java.util.Iterator<T> iterator() {
        return new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (next >= size) {
                    throw new java.util.NoSuchElementException();
                }
                return (T) items[next++];
            }
        };
    }
}
