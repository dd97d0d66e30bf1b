package com.bevatel.simulator.state;

import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.event.DomainEventListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the current {@link State} and serializes writes: one writer at a time, readers in parallel.
 * Records are immutable, so what a reader renders is consistent. A write either commits entirely
 * (then its events are published, in commit order) or is rolled back entirely.
 */
public final class Store {
    private static final Logger LOG = Logger.getLogger(Store.class.getName());

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Supplier<State> emptyState;
    private final Consumer<Transaction> seed;
    private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();
    private State state;
    /** The next reset's state, being seeded or ready; none before the first reset. */
    private final AtomicReference<CompletableFuture<State>> spare = new AtomicReference<>();

    /**
     * @param emptyState a new empty state with its generator and clock at their starting points
     * @param seed       fills it with the seeded world (stamped at the start time, publishes nothing)
     */
    public Store(Supplier<State> emptyState, Consumer<Transaction> seed) {
        this.emptyState = emptyState;
        this.seed = seed;
        this.state = seeded();
    }

    private State seeded() {
        State fresh = emptyState.get();
        seed.accept(new Transaction(fresh, fresh.clock.now()));
        fresh.undo.commit();
        return fresh;
    }

    public void addListener(DomainEventListener listener) {
        listeners.add(listener);
    }

    public <T> T read(Function<State, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code operation} as one transaction stamped with the next tick of the simulated clock. */
    public <T> T write(Function<Transaction, T> operation) {
        lock.writeLock().lock();
        try {
            State current = state;
            State.Snapshot before = current.snapshot();
            current.undo.begin();
            Transaction tx = new Transaction(current, current.clock.tick());
            T result;
            try {
                result = operation.apply(tx);
            } catch (RuntimeException | Error e) {
                current.undo.rollback();
                current.restore(before);
                throw e;
            }
            current.undo.commit();
            publish(tx.events(), current);
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Replaces the state with a freshly seeded one. The seeded state is prepared ahead, off the
     * caller's path (seeding is deterministic: a state seeded earlier is the same as one seeded now),
     * so a reset is a swap under the write lock: its cost depends neither on what was stored nor on
     * the seeding. The first reset, with nothing prepared yet, seeds on the spot.
     */
    public void reset() {
        CompletableFuture<State> prepared = spare.getAndSet(null);
        State fresh = prepared == null ? null : prepared.exceptionally(error -> null).join();
        if (fresh == null) {
            fresh = seeded();
        }
        lock.writeLock().lock();
        try {
            state = fresh;
        } finally {
            lock.writeLock().unlock();
        }
        spare.compareAndSet(null, CompletableFuture.supplyAsync(this::seeded, Seeding.EXECUTOR));
        listeners.forEach(DomainEventListener::onReset);
    }

    /**
     * Replaces the state with {@code fill} applied to a new empty one (its generator and clock at
     * their starting points, the simulator's settings): loading a snapshot. If {@code fill} throws,
     * nothing changes. Listeners hear it as a reset: the previous state's deliveries are dropped.
     */
    public void replace(Consumer<State> fill) {
        State fresh = emptyState.get();
        fill.accept(fresh);
        fresh.undo.commit();
        lock.writeLock().lock();
        try {
            state = fresh;
        } finally {
            lock.writeLock().unlock();
        }
        listeners.forEach(DomainEventListener::onReset);
    }

    /** One daemon thread for the whole JVM that seeds the states resets will swap in. */
    private static final class Seeding {
        static final Executor EXECUTOR = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "bevatel-simulator-seeding");
            thread.setDaemon(true);
            return thread;
        });
    }

    private void publish(List<DomainEvent> events, State committed) {
        if (events.isEmpty()) {
            return;
        }
        for (DomainEventListener listener : listeners) {
            try {
                listener.onCommit(events, committed);
            } catch (RuntimeException e) {
                // A listener (the webhook dispatcher) must never fail the write that already happened.
                LOG.log(Level.WARNING, "domain event listener failed", e);
            }
        }
    }
}
