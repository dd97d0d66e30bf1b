package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One write operation: the state to change, the single instant it is stamped with, fresh ids and
 * tokens, and the domain events it emits (published only if it commits).
 */
@API(status = INTERNAL)
public final class Transaction {
    private final State state;
    private final Instant now;
    private final List<DomainEvent> events = new ArrayList<>();
    private final Map<Sequence, Long> reservedIds = new EnumMap<>(Sequence.class);
    private final Map<Long, Long> reservedDisplayIds = new HashMap<>();

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
        Long reserved = reservedIds.remove(sequence);
        return reserved != null ? state.take(sequence, reserved) : state.next(sequence);
    }

    public long nextDisplayId(long accountId) {
        Long reserved = reservedDisplayIds.remove(accountId);
        return reserved != null ? state.takeDisplayId(accountId, reserved) : state.nextDisplayId(accountId);
    }

    /**
     * Ids as given (fixtures): the next {@link #nextId} of {@code sequence} returns {@code id}, so a
     * domain operation creates its row under it; the sequence then continues after the largest id
     * taken. The caller checks that no row holds {@code id}.
     */
    public void reserveId(Sequence sequence, long id) {
        reservedIds.put(sequence, givenId(id));
    }

    /** As {@link #reserveId}, for the next conversation display id of {@code accountId}. */
    public void reserveDisplayId(long accountId, long displayId) {
        reservedDisplayIds.put(accountId, givenId(displayId));
    }

    /** Generated ids of {@code sequence} start after {@code upTo}, leaving the ids up to it to be given. */
    public void skipIds(Sequence sequence, long upTo) {
        state.take(sequence, upTo == 0 ? 0 : givenId(upTo));
    }

    /** As {@link #skipIds}, for the conversation display ids of {@code accountId}. */
    public void skipDisplayIds(long accountId, long upTo) {
        state.takeDisplayId(accountId, givenId(upTo));
    }

    /** An id given from outside: one a saved state can hold (see {@link Sequence#MAX_ID}). */
    private static long givenId(long id) {
        if (id < 1 || id > Sequence.MAX_ID) {
            throw new IllegalArgumentException("ids are 1 to " + Sequence.MAX_ID + ": " + id);
        }
        return id;
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
