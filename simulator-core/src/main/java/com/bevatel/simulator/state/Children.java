package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.apiguardian.api.API;

/**
 * Parent id → child ids in creation (= id) order, e.g. a conversation's messages. Appends are the
 * common case and cost O(1); rolled back with the transaction. Ids are kept as primitive longs
 * (millions of messages would otherwise be millions of boxed Longs).
 */
@API(status = INTERNAL)
public final class Children {
    private final Map<Long, Ids> children = new HashMap<>();
    private final UndoLog undo;

    Children(UndoLog undo) {
        this.undo = undo;
    }

    /** The child ids of {@code parent}, ascending (read-only view: use under the lock). */
    public List<Long> of(long parent) {
        Ids ids = children.get(parent);
        return ids == null ? List.of() : ids;
    }

    /** Adds a child; a child whose id is lower than the last one (an id given by fixtures) goes to its place. */
    public void append(long parent, long child) {
        Ids ids = children.computeIfAbsent(parent, p -> new Ids());
        if (ids.size > 0 && ids.get(ids.size - 1) > child) {
            // Out of order (state loaded with ids as given): keep the list sorted.
            insert(parent, child);
            return;
        }
        ids.insertAt(ids.size, child);
        undo.record(() -> ids.removeAt(ids.size - 1));
    }

    /** Adds a child at its place in id order: for a child moved from another parent (contact merge). */
    public void insert(long parent, long child) {
        Ids ids = children.computeIfAbsent(parent, p -> new Ids());
        int found = ids.indexOf(child);
        if (found >= 0) {
            return;
        }
        int at = -found - 1;
        ids.insertAt(at, child);
        undo.record(() -> ids.removeAt(at));
    }

    public void remove(long parent, long child) {
        Ids ids = children.get(parent);
        if (ids == null) {
            return;
        }
        int at = ids.indexOf(child);
        if (at >= 0) {
            ids.removeAt(at);
            undo.record(() -> ids.insertAt(at, child));
        }
    }

    /** A growable, ascending {@code long[]} seen as a read-only list. */
    private static final class Ids extends AbstractList<Long> implements RandomAccess {
        private long[] values = new long[4];
        private int size;

        @Override
        public Long get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + ", size " + size);
            }
            return values[index];
        }

        @Override
        public int size() {
            return size;
        }

        /** A linear scan, as a list's: member lists are in the order members were added, not always ascending. */
        @Override
        public int indexOf(Object o) {
            if (o instanceof Long id) {
                for (int i = 0; i < size; i++) {
                    if (values[i] == id) {
                        return i;
                    }
                }
            }
            return -1;
        }

        @Override
        public boolean contains(Object o) {
            return indexOf(o) >= 0;
        }

        /** Binary search (ascending lists): the index, or {@code -(insertion point) - 1}. */
        int indexOf(long id) {
            return Arrays.binarySearch(values, 0, size, id);
        }

        void insertAt(int at, long id) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            System.arraycopy(values, at, values, at + 1, size - at);
            values[at] = id;
            size++;
        }

        void removeAt(int at) {
            System.arraycopy(values, at + 1, values, at, size - at - 1);
            size--;
        }
    }
}
