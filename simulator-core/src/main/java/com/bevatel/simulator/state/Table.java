package com.bevatel.simulator.state;

import java.util.Collection;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Rows of one entity by id, in id order. Every change is recorded in the transaction's undo log.
 * Guarded by the store's lock: reads under the read lock, changes under the write lock.
 */
public final class Table<R> {
    private final NavigableMap<Long, R> rows = new TreeMap<>();
    private final ToLongFunction<R> idOf;
    private final UndoLog undo;

    Table(ToLongFunction<R> idOf, UndoLog undo) {
        this.idOf = idOf;
        this.undo = undo;
    }

    public Optional<R> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    public R get(long id) {
        R row = rows.get(id);
        if (row == null) {
            throw new IllegalStateException("no row " + id);
        }
        return row;
    }

    public void put(R row) {
        long id = idOf.applyAsLong(row);
        R previous = rows.put(id, row);
        undo.record(previous == null ? () -> rows.remove(id) : () -> rows.put(id, previous));
    }

    public void remove(long id) {
        R previous = rows.remove(id);
        if (previous != null) {
            undo.record(() -> rows.put(id, previous));
        }
    }

    /** All rows in ascending id order (a live read-only view: iterate under the lock). */
    public Collection<R> all() {
        return Collections.unmodifiableCollection(rows.values());
    }

    public int size() {
        return rows.size();
    }
}
