package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.DomainEvent;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apiguardian.api.API;

/**
 * Owns the current {@link State} and serializes writes: one writer at a time, readers in parallel.
 * Records are immutable, so what a reader renders is consistent. A write either commits entirely
 * (then its events are published, in commit order) or is rolled back entirely.
 */
@API(status = INTERNAL)
public final class Store {
    private static final Logger LOG = Logger.getLogger(Store.class.getName());

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Supplier<State> emptyState;
    private final Consumer<Transaction> seed;
    private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();
    private State state;
    /** The next reset's state once it is ready; none before the first reset. */
    private final AtomicReference<State> spare = new AtomicReference<>();
    private final AtomicBoolean preparing = new AtomicBoolean();
    /** Set once by {@link #seal}: what every later change throws instead of running. */
    private volatile Supplier<? extends RuntimeException> sealed;

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
        fresh.undo.publish();
        return fresh;
    }

    public void addListener(DomainEventListener listener) {
        listeners.add(listener);
    }

    /** Runs {@code query} beside other readers. It must not change anything: a row change here throws. */
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
            refuseIfSealed();
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
     * Replaces the state with a freshly seeded one. The seeded state is prepared ahead on another
     * thread (seeding is deterministic: a state seeded earlier is the same as one seeded now), so a
     * reset is a swap under the write lock: its cost depends neither on what was stored nor on the
     * seeding. With nothing prepared (the first reset, or resets in quick succession) it seeds on the
     * spot, as it always did.
     */
    public void reset() {
        refuseIfSealed();
        State fresh = spare.getAndSet(null);
        if (fresh == null) {
            fresh = seeded();
        }
        lock.writeLock().lock();
        try {
            refuseIfSealed();
            state = fresh;
        } finally {
            lock.writeLock().unlock();
        }
        if (preparing.compareAndSet(false, true)) {
            Seeding.INSTANCE.prepare(this);
        }
        listeners.forEach(DomainEventListener::onReset);
    }

    /**
     * Replaces the state with {@code fill} applied to a new empty one (its generator and clock at
     * their starting points, the simulator's settings): loading a snapshot. If {@code fill} throws,
     * nothing changes. Listeners hear it as a reset: the previous state's deliveries are dropped.
     */
    public void replace(Consumer<State> fill) {
        refuseIfSealed();
        State fresh = emptyState.get();
        fill.accept(fresh);
        fresh.undo.commit();
        fresh.undo.publish();
        lock.writeLock().lock();
        try {
            refuseIfSealed();
            state = fresh;
        } finally {
            lock.writeLock().unlock();
        }
        listeners.forEach(DomainEventListener::onReset);
    }

    /**
     * A change that is no transaction: the clock moved by a test or the admin API. It runs alone, like
     * a write, so no reader sees it half done and a {@link #seal} is not overtaken by it.
     */
    public <T> T exclusive(Function<State, T> change) {
        lock.writeLock().lock();
        try {
            refuseIfSealed();
            return change.apply(state);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Stops every change for good: writes, resets, imports and clock changes from now on throw what
     * {@code refusal} makes, and the write under way (if any) has committed when this returns. Then
     * {@code finalRead} runs on the state as it stands, which holds every write acknowledged before:
     * the last save of a simulator being stopped.
     */
    public <T> T seal(Supplier<? extends RuntimeException> refusal, Function<State, T> finalRead) {
        lock.writeLock().lock();
        try {
            sealed = refusal;
            return finalRead.apply(state);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void refuseIfSealed() {
        Supplier<? extends RuntimeException> refusal = sealed;
        if (refusal != null) {
            throw refusal.get();
        }
    }

    /** On the seeding thread: the next reset's state. */
    private void prepareSpare() {
        try {
            spare.set(seeded());
        } catch (RuntimeException | Error e) {
            // The next reset seeds on the spot and meets the same problem there, where it is reported.
            LOG.log(Level.FINE, "could not prepare the next reset's state", e);
        } finally {
            preparing.set(false);
        }
    }

    /**
     * One daemon thread for the whole JVM that seeds the states resets will swap in. Waking a parked
     * thread costs the waker tens of microseconds on a virtual machine, more than the rest of a reset,
     * so a reset never wakes it: the thread looks for work by itself, every couple of milliseconds
     * while resets keep coming, and a few times a second after a quiet spell. A reset that finds no
     * state ready (the first one, or one right after a quiet spell) seeds on the spot, as it always did.
     */
    private static final class Seeding implements Runnable {
        static final Seeding INSTANCE = new Seeding();
        private static final long BUSY_POLL_NANOS = 2_000_000;
        private static final long QUIET_POLL_NANOS = 100_000_000;
        private static final long BUSY_FOR_NANOS = 2_000_000_000L;

        private final Queue<Store> wanted = new ConcurrentLinkedQueue<>();

        private Seeding() {
            Thread thread = new Thread(this, "bevatel-simulator-seeding");
            thread.setDaemon(true);
            thread.start();
        }

        void prepare(Store store) {
            wanted.add(store);
        }

        @Override
        public void run() {
            long lastWork = System.nanoTime();
            while (true) {
                Store store = wanted.poll();
                if (store != null) {
                    store.prepareSpare();
                    lastWork = System.nanoTime();
                } else {
                    boolean busy = System.nanoTime() - lastWork < BUSY_FOR_NANOS;
                    LockSupport.parkNanos(this, busy ? BUSY_POLL_NANOS : QUIET_POLL_NANOS);
                }
            }
        }
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
