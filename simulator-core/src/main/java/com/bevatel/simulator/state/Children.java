package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.apiguardian.api.API;

/**
 * Parent id → child ids in ascending order (a conversation's messages in id order, an inbox's
 * members by user id), derived from rows: it observes their table, so every write of a row (and
 * every undo of one) moves the child with it. Adding the largest child, the common case, costs
 * O(1). Ids are kept as primitive longs (millions of messages would otherwise be millions of boxed
 * Longs). Only its table's observer changes it; everyone else writes rows.
 */
@API(status = INTERNAL)
public final class Children {
    private final Map<Long, Ids> children = new HashMap<>();
    private final FromRows<?> source;

    private <R> Children(Table<R> table, RowSet<R> set, ToLongFunction<R> parentOf, ToLongFunction<R> childOf) {
        FromRows<R> derivation = new FromRows<>(this, table, set, parentOf, childOf);
        this.source = derivation;
        if (table != null) {
            table.observe(derivation);
        } else {
            set.observe(derivation);
        }
    }

    /** The ids of {@code table}'s rows by {@code parentOf} (declared in {@link State}, next to the table). */
    static <R> Children derived(Table<R> table, ToLongFunction<R> parentOf) {
        return new Children(table, null, parentOf, table.idOf);
    }

    /** {@code childOf} of {@code rows} by {@code parentOf}: a membership's user by its inbox or team. */
    static <R> Children derived(RowSet<R> rows, ToLongFunction<R> parentOf, ToLongFunction<R> childOf) {
        return new Children(null, rows, parentOf, childOf);
    }

    /** The child ids of {@code parent}, ascending (read-only view: use under the lock). */
    public List<Long> of(long parent) {
        Ids ids = children.get(parent);
        return ids == null ? List.of() : ids;
    }

    /** Adds a child at its place in ascending order (at the end, in O(1), when it is the largest). */
    void add(long parent, long child) {
        Ids ids = children.get(parent);
        if (ids == null) {
            ids = new Ids();
            children.put(parent, ids);
        }
        ids.add(child);
    }

    /** Removes a child; a parent left without children is dropped, so the map holds exactly what the rows derive. */
    void remove(long parent, long child) {
        Ids ids = children.get(parent);
        if (ids != null && ids.remove(child) && ids.size == 0) {
            children.remove(parent);
        }
    }

    /** Adds to {@code problems} each listed child that no row derives, and each row not listed. */
    void verify(String name, List<String> problems) {
        source.verify(name, problems);
    }

    /** Follows a table or (when {@code table} is null) a row set; the fields only, so a State is cheap to build. */
    private record FromRows<R>(Children children, Table<R> table, RowSet<R> set, ToLongFunction<R> parentOf,
                               ToLongFunction<R> childOf) implements Table.RowObserver<R> {
        @Override
        public void changed(R before, R after) {
            if (before != null && after != null && parentOf.applyAsLong(before) == parentOf.applyAsLong(after)
                    && childOf.applyAsLong(before) == childOf.applyAsLong(after)) {
                return; // the common update (a status, a timestamp): the child stays where it is
            }
            if (before != null) {
                children.remove(parentOf.applyAsLong(before), childOf.applyAsLong(before));
            }
            if (after != null) {
                children.add(parentOf.applyAsLong(after), childOf.applyAsLong(after));
            }
        }

        void verify(String name, List<String> problems) {
            Map<Long, TreeSet<Long>> expected = new TreeMap<>();
            for (R row : table != null ? table.all() : set.all()) {
                long parent = parentOf.applyAsLong(row);
                if (!expected.computeIfAbsent(parent, p -> new TreeSet<>()).add(childOf.applyAsLong(row))) {
                    problems.add(name + ": parent " + parent + " has child " + childOf.applyAsLong(row) + " twice in the rows");
                }
            }
            children.children.forEach((parent, ids) -> {
                TreeSet<Long> derived = expected.getOrDefault(parent, new TreeSet<>());
                if (ids.size == 0) {
                    problems.add(name + ": parent " + parent + " is kept with no children");
                }
                for (int i = 0; i < ids.size; i++) {
                    if (i > 0 && ids.values[i - 1] >= ids.values[i]) {
                        problems.add(name + ": parent " + parent + " lists " + ids + ", not in ascending order");
                        break;
                    }
                }
                for (long child : ids) {
                    if (!derived.contains(child)) {
                        problems.add(name + ": parent " + parent + " lists child " + child + ", which no row derives");
                    }
                }
            });
            expected.forEach((parent, derived) -> {
                for (long child : derived) {
                    if (!children.of(parent).contains(child)) {
                        problems.add(name + ": child " + child + " is missing from parent " + parent);
                    }
                }
            });
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

        /** A binary search: the list is ascending. */
        @Override
        public int indexOf(Object o) {
            if (o instanceof Long id) {
                int at = Arrays.binarySearch(values, 0, size, id);
                return at >= 0 ? at : -1;
            }
            return -1;
        }

        @Override
        public int lastIndexOf(Object o) {
            return indexOf(o);
        }

        @Override
        public boolean contains(Object o) {
            return indexOf(o) >= 0;
        }

        void add(long id) {
            int at = size;
            if (size > 0 && values[size - 1] >= id) {
                at = Arrays.binarySearch(values, 0, size, id);
                if (at >= 0) {
                    return; // already listed
                }
                at = -at - 1;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            System.arraycopy(values, at, values, at + 1, size - at);
            values[at] = id;
            size++;
        }

        boolean remove(long id) {
            int at = Arrays.binarySearch(values, 0, size, id);
            if (at < 0) {
                return false;
            }
            System.arraycopy(values, at + 1, values, at, size - at - 1);
            size--;
            return true;
        }
    }
}
