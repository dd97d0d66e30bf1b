package com.bevatel.simulator.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parent id → child ids in creation (= id) order, e.g. a conversation's messages. Appends are the
 * common case and cost O(1); rolled back with the transaction.
 */
public final class Children {
    private final Map<Long, ArrayList<Long>> children = new HashMap<>();
    private final UndoLog undo;

    Children(UndoLog undo) {
        this.undo = undo;
    }

    /** The child ids of {@code parent}, ascending (read-only view: use under the lock). */
    public List<Long> of(long parent) {
        List<Long> ids = children.get(parent);
        return ids == null ? List.of() : Collections.unmodifiableList(ids);
    }

    /** Adds a child; a child whose id is lower than the last one (an id given by fixtures) goes to its place. */
    public void append(long parent, long child) {
        ArrayList<Long> ids = children.computeIfAbsent(parent, p -> new ArrayList<>());
        if (!ids.isEmpty() && ids.get(ids.size() - 1) > child) {
            insert(parent, child);
            return;
        }
        ids.add(child);
        undo.record(() -> ids.remove(ids.size() - 1));
    }

    /** Adds a child at its place in id order: for a child moved from another parent (contact merge). */
    public void insert(long parent, long child) {
        ArrayList<Long> ids = children.computeIfAbsent(parent, p -> new ArrayList<>());
        int found = Collections.binarySearch(ids, child);
        if (found >= 0) {
            return;
        }
        int at = -found - 1;
        ids.add(at, child);
        undo.record(() -> ids.remove(at));
    }

    public void remove(long parent, long child) {
        ArrayList<Long> ids = children.get(parent);
        if (ids == null) {
            return;
        }
        int at = Collections.binarySearch(ids, child);
        if (at >= 0) {
            ids.remove(at);
            undo.record(() -> ids.add(at, child));
        }
    }
}
