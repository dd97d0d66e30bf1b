package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A unique lookup key → row id, derived from a {@link Table}'s rows: it observes the table, so every
 * write of a row (and every undo of one) moves the row's entry with it. Only its table's observer
 * changes it; everyone else writes rows.
 */
@API(status = INTERNAL)
public final class Index<K> {
    private final Map<K, Long> ids = new HashMap<>();
    private final FromRows<?, K> source;

    private <R> Index(Table<R> table, RowKey<R, K> key) {
        FromRows<R, K> rows = new FromRows<>(this, table, key);
        this.source = rows;
        table.observe(rows);
    }

    /** The index of {@code table}'s rows by {@code key} (declared in {@link State}, next to the table). */
    static <R, K> Index<K> derived(Table<R> table, RowKey<R, K> key) {
        return new Index<>(table, key);
    }

    public Optional<Long> find(K key) {
        return Optional.ofNullable(ids.get(key));
    }

    void put(K key, long id) {
        ids.put(key, id);
    }

    /** Removes the entry if it is the row's: a key another row took meanwhile stays that row's. */
    void remove(K key, long id) {
        Long current = ids.get(key);
        if (current != null && current == id) {
            ids.remove(key);
        }
    }

    /** Adds to {@code problems} each entry that is not what the rows derive, and each row not indexed. */
    void verify(String name, List<String> problems) {
        source.verify(name, problems);
    }

    private record FromRows<R, K>(Index<K> index, Table<R> table, RowKey<R, K> key) implements Table.RowObserver<R> {
        @Override
        public void changed(R before, R after) {
            if (before != null && after != null && key.same(before, after)) {
                return; // the common update (a status, a timestamp): the key did not move
            }
            if (before != null) {
                K old = key.of(before);
                if (old != null) {
                    index.remove(old, table.idOf(before));
                }
            }
            if (after != null) {
                K now = key.of(after);
                if (now != null) {
                    index.put(now, table.idOf(after));
                }
            }
        }

        void verify(String name, List<String> problems) {
            Map<K, Long> expected = new HashMap<>();
            for (R row : table.all()) {
                K k = key.of(row);
                if (k == null) {
                    continue;
                }
                Long other = expected.putIfAbsent(k, table.idOf(row));
                if (other != null) {
                    problems.add(name + ": rows " + other + " and " + table.idOf(row) + " both have the key " + k);
                }
            }
            index.ids.forEach((k, id) -> {
                Optional<R> row = table.find(id);
                if (row.isEmpty()) {
                    problems.add(name + ": key " + k + " points at row " + id + ", which does not exist");
                } else if (!k.equals(key.of(row.get()))) {
                    problems.add(name + ": key " + k + " points at row " + id + ", whose key is " + key.of(row.get()));
                }
            });
            expected.forEach((k, id) -> {
                if (!id.equals(index.ids.get(k))) {
                    problems.add(name + ": row " + id + " is not indexed under its key " + k);
                }
            });
        }
    }
}
