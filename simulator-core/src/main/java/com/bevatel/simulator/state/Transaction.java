package com.bevatel.simulator.state;

import com.bevatel.simulator.event.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One write operation: the state to change, the single instant it is stamped with, fresh ids and
 * tokens, and the domain events it emits (published only if it commits).
 */
public final class Transaction {
    private final State state;
    private final Instant now;
    private final List<DomainEvent> events = new ArrayList<>();

    Transaction(State state, Instant now) {
        this.state = state;
        this.now = now;
    }

    public State state() {
        return state;
    }

    public Instant now() {
        return now;
    }

    public long nextId(Sequence sequence) {
        return state.next(sequence);
    }

    public long nextDisplayId(long accountId) {
        return state.nextDisplayId(accountId);
    }

    public String uuid() {
        return state.random.uuid();
    }

    public String token() {
        return state.random.token();
    }

    /** A number in [0, bound) drawn from the seeded generator (e.g. a generated contact name). */
    public int randomInt(int bound) {
        return (int) Long.remainderUnsigned(state.random.nextLong(), bound);
    }

    public void emit(DomainEvent event) {
        events.add(event);
    }

    List<DomainEvent> events() {
        return events;
    }
}
