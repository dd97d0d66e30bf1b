package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** A unique lookup key → id, kept beside a {@link Table} and rolled back with it. */
@API(status = INTERNAL)
public final class Index<K> {
    private final Map<K, Long> ids = new HashMap<>();
    private final UndoLog undo;

    Index(UndoLog undo) {
        this.undo = undo;
    }

    public Optional<Long> find(K key) {
        return Optional.ofNullable(ids.get(key));
    }

    public void put(K key, long id) {
        Long previous = ids.put(key, id);
        undo.record(previous == null ? () -> ids.remove(key) : () -> ids.put(key, previous));
    }

    public void remove(K key) {
        Long previous = ids.remove(key);
        if (previous != null) {
            undo.record(() -> ids.put(key, previous));
        }
    }
}
