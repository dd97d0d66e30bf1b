package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.DomainEvent;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Consumes committed events (the webhook dispatcher). Called under the store's write lock in commit
 * order, with the state as committed: read it, enqueue, return quickly — never block or write.
 */
@API(status = INTERNAL)
public interface DomainEventListener {
    void onCommit(List<DomainEvent> events, State committed);

    /** The state was replaced: by a freshly seeded one ({@code reset}), or by a loaded snapshot. */
    default void onReset() {
    }
}
