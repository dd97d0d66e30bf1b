package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apiguardian.api.API;

/**
 * Rows of one entity by id, in id order. Every change is recorded in the transaction's undo log.
 * Guarded by the store's lock: reads under the read lock, changes under the write lock.
 *
 * <p>Ids come from sequences that start at 1, so rows live in an array indexed by id: a lookup is
 * one array read however many rows there are. An id far beyond the row count (a hand-made state)
 * (or a negative one) goes to an ordered overflow map instead of growing the array to match; every
 * overflow id is negative or at least the array's length, so the negative overflow ids, then the
 * array, then the other overflow ids are id order.
 */
@API(status = INTERNAL)
public final class Table<R> {
    /** How far past twice the row count an id may be and still grow the array. */
    private static final long SLACK = 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Object[] dense = new Object[16];
    private final TreeMap<Long, R> overflow = new TreeMap<>();
    private int size;
    /** The row's id (read by the child lists that list a table's rows by id). */
    final ToLongFunction<R> idOf;
    private final UndoLog undo;
    /** An array, not a list: walked on every change, and a table has at most a handful. */
    private RowObserver<R>[] observers = noObservers();

    @SuppressWarnings("rawtypes")
    private static final RowObserver[] NO_OBSERVERS = new RowObserver[0];

    /** Told of every change to a row, undo included: {@code before} or {@code after} is null for an insert or a removal. */
    @FunctionalInterface
    interface RowObserver<R> {
        void changed(R before, R after);
    }

    Table(ToLongFunction<R> idOf, UndoLog undo) {
        this.idOf = idOf;
        this.undo = undo;
    }

    /** Keeps a derived structure (an index, a summary) in step with the rows; only State registers them. */
    void observe(RowObserver<R> observer) {
        observers = Arrays.copyOf(observers, observers.length + 1);
        observers[observers.length - 1] = observer;
    }

    /** One empty array for every table and row set: a State is built on every reset. */
    @SuppressWarnings("unchecked")
    static <R> RowObserver<R>[] noObservers() {
        return NO_OBSERVERS;
    }

    long idOf(R row) {
        return idOf.applyAsLong(row);
    }

    public Optional<R> find(long id) {
        return Optional.ofNullable(row(id));
    }

    public R get(long id) {
        R row = row(id);
        if (row == null) {
            throw new IllegalStateException("no row " + id);
        }
        return row;
    }

    public void put(R row) {
        undo.requireWrite();
        long id = idOf.applyAsLong(row);
        R previous = store(id, row);
        undo.record(previous == null ? () -> store(id, null) : () -> store(id, previous));
    }

    public void remove(long id) {
        undo.requireWrite();
        R previous = store(id, null);
        if (previous != null) {
            undo.record(() -> store(id, previous));
        }
    }

    /** All rows in ascending id order (a live read-only view: iterate under the lock). */
    public Collection<R> all() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<R> iterator() {
                return new InIdOrder();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    public int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    private R row(long id) {
        if (id >= 0 && id < dense.length) {
            return (R) dense[(int) id];
        }
        return overflow.isEmpty() ? null : overflow.get(id);
    }

    /** Sets or (with null) clears the row {@code id}; returns what was there. */
    @SuppressWarnings("unchecked")
    private R store(long id, R row) {
        R previous;
        if (id >= 0 && id < dense.length) {
            previous = (R) dense[(int) id];
            dense[(int) id] = row;
        } else if (row != null && id >= 0 && id < MAX_ARRAY && id < 2L * size + SLACK) {
            grow((int) id + 1);
            previous = null;
            dense[(int) id] = row;
        } else {
            previous = row == null ? overflow.remove(id) : overflow.put(id, row);
        }
        if (previous == null && row != null) {
            size++;
        } else if (previous != null && row == null) {
            size--;
        }
        if (previous != row) {
            for (RowObserver<R> observer : observers) {
                observer.changed(previous, row);
            }
        }
        return previous;
    }

    /** Grows the array to at least {@code capacity} and moves the overflow rows it now covers into it. */
    private void grow(int capacity) {
        dense = Arrays.copyOf(dense, (int) Math.min(MAX_ARRAY, Math.max(capacity, 2L * dense.length)));
        if (!overflow.isEmpty()) {
            SortedMap<Long, R> covered = overflow.subMap(0L, (long) dense.length);
            covered.forEach((id, row) -> dense[(int) (long) id] = row);
            covered.clear();
        }
    }

    private final class InIdOrder implements Iterator<R> {
        private final Iterator<R> negative = overflow.isEmpty() ? null : overflow.headMap(0L).values().iterator();
        private int next = advance(0);
        private Iterator<R> rest;

        private int advance(int from) {
            int i = from;
            while (i < dense.length && dense[i] == null) {
                i++;
            }
            return i;
        }

        @Override
        public boolean hasNext() {
            if (negative != null && negative.hasNext()) {
                return true;
            }
            if (next < dense.length) {
                return true;
            }
            if (rest == null) {
                rest = overflow.tailMap(0L).values().iterator();
            }
            return rest.hasNext();
        }

        @Override
        @SuppressWarnings("unchecked")
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (negative != null && negative.hasNext()) {
                return negative.next();
            }
            if (next < dense.length) {
                R row = (R) dense[next];
                next = advance(next + 1);
                return row;
            }
            return rest.next();
        }
    }
}
