package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Rows with no id of their own, each row its own key: memberships (a user in an inbox, in a team),
 * which no API names by id. Like a {@link Table}: every change is recorded in the transaction's undo
 * log and told to observers (undos included), and it is guarded by the store's lock.
 */
@API(status = INTERNAL)
public final class RowSet<R> {
    private final TreeSet<R> rows;
    private final UndoLog undo;
    private Table.RowObserver<R>[] observers = Table.noObservers();

    /** @param order a total order consistent with the rows' {@code equals} (it decides what is a duplicate) */
    RowSet(Comparator<R> order, UndoLog undo) {
        this.rows = new TreeSet<>(order);
        this.undo = undo;
    }

    void observe(Table.RowObserver<R> observer) {
        observers = Arrays.copyOf(observers, observers.length + 1);
        observers[observers.length - 1] = observer;
    }

    public boolean contains(R row) {
        return rows.contains(row);
    }

    /** Adds the row; adding one already there changes nothing. */
    public void put(R row) {
        undo.requireWrite();
        if (add(row)) {
            undo.record(() -> drop(row));
        }
    }

    public void remove(R row) {
        undo.requireWrite();
        if (drop(row)) {
            undo.record(() -> add(row));
        }
    }

    /** All rows in order (a live read-only view: iterate under the lock). */
    public Collection<R> all() {
        return Collections.unmodifiableSet(rows);
    }

    public int size() {
        return rows.size();
    }

    private boolean add(R row) {
        if (!rows.add(row)) {
            return false;
        }
        for (Table.RowObserver<R> observer : observers) {
            observer.changed(null, row);
        }
        return true;
    }

    private boolean drop(R row) {
        if (!rows.remove(row)) {
            return false;
        }
        for (Table.RowObserver<R> observer : observers) {
            observer.changed(row, null);
        }
        return true;
    }
}
