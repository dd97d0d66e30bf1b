package com.bevatel.simulator.webhook;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apiguardian.api.API;

/**
 * Every webhook delivery attempt, in recording order, for assertions: queries, and waits that are
 * woken when a delivery is recorded (no sleep-polling). Bounded: past {@code capacity} the oldest
 * entries are dropped and counted in {@link #evicted()}. Thread-safe.
 *
 * <pre>{@code
 * Delivery created = sim.webhooks().awaitEvent("message_created", Duration.ofSeconds(5));
 * List<Delivery> two = sim.webhooks().await(2, d -> d.conversationId() == 1L, Duration.ofSeconds(5));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class WebhookJournal {
    /** How many deliveries a journal keeps unless the builder's {@code journalCapacity} says otherwise. */
    public static final int DEFAULT_CAPACITY = 10_000;
    /** How much of a receiver's answer a delivery keeps ({@link Delivery#responseBody()}). */
    public static final int MAX_RESPONSE_BODY_CHARS = 8_192;
    /** How many recorded deliveries a timeout message lists (the most recent ones). */
    private static final int LISTED_ON_TIMEOUT = 50;
    private static final Logger LOG = Logger.getLogger(WebhookJournal.class.getName());

    /**
     * Told of every recorded delivery and every clear (a live view, such as the standalone
     * dashboard). Called on the recording thread after the journal's lock is released, possibly
     * while the store's write lock is held: return quickly, never block or write to the store.
     * Internal: for the simulator's own modules; it may change without notice.
     */
    @API(status = INTERNAL)
    public interface Listener {
        /**
         * A delivery attempt was recorded.
         *
         * @param delivery the attempt
         */
        void recorded(Delivery delivery);

        /** The journal was cleared. */
        default void cleared() {
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private final ArrayDeque<Delivery> entries = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final int capacity;
    private long evicted;
    private long nextId = 1;

    /**
     * An empty journal. Internal: each simulator makes its own.
     *
     * @param capacity how many deliveries it keeps
     * @throws IllegalArgumentException when not positive
     */
    @API(status = INTERNAL)
    public WebhookJournal(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("journal capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Tells {@code listener} of every recording and clear from now on. Internal, as {@link Listener} is.
     *
     * @param listener the listener
     */
    @API(status = INTERNAL)
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Stops telling {@code listener}. Internal, as {@link Listener} is.
     *
     * @param listener a listener added before
     */
    @API(status = INTERNAL)
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Records one attempt; {@code build} receives the entry's sequence number. Wakes every waiter. */
    Delivery record(LongFunction<Delivery> build) {
        Delivery delivery;
        lock.lock();
        try {
            delivery = build.apply(nextId++);
            if (entries.size() == capacity) {
                entries.removeFirst();
                evicted++;
            }
            entries.addLast(delivery);
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
        notifyListeners(listener -> listener.recorded(delivery));
        return delivery;
    }

    private void notifyListeners(Consumer<Listener> call) {
        for (Listener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                // A live view must never break the delivery that was just recorded.
                LOG.log(Level.WARNING, "webhook journal listener failed", e);
            }
        }
    }

    /**
     * Everything still held, oldest first.
     *
     * @return a copy
     */
    public List<Delivery> all() {
        return matching(delivery -> true);
    }

    /**
     * The held deliveries of one event, oldest first.
     *
     * @param event the event name, e.g. {@code message_created}
     * @return a copy
     */
    public List<Delivery> byEvent(String event) {
        return matching(delivery -> delivery.event().equals(event));
    }

    /**
     * The held deliveries about one conversation, oldest first.
     *
     * @param conversationDisplayId the conversation's display id (the {@code id} payloads show)
     * @return a copy
     */
    public List<Delivery> byConversation(long conversationDisplayId) {
        return matching(delivery -> Objects.equals(delivery.conversationId(), conversationDisplayId));
    }

    /**
     * The held deliveries for one receiver, oldest first.
     *
     * @param receiver an account webhook or an API inbox
     * @return a copy
     */
    public List<Delivery> byReceiver(Receiver receiver) {
        return matching(delivery -> delivery.receiver().equals(receiver));
    }

    /**
     * The held deliveries that match, oldest first.
     *
     * @param predicate the condition
     * @return a copy
     */
    public List<Delivery> matching(Predicate<Delivery> predicate) {
        lock.lock();
        try {
            return select(predicate);
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many deliveries are held.
     *
     * @return at most {@link #capacity()}
     */
    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many deliveries the journal keeps before evicting the oldest.
     *
     * @return the builder's {@code journalCapacity}
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Entries dropped because the journal was full, since it was created or last cleared.
     *
     * @return the count
     */
    public long evicted() {
        lock.lock();
        try {
            return evicted;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every entry and the eviction count (sequence numbers keep counting). */
    public void clear() {
        lock.lock();
        try {
            entries.clear();
            evicted = 0;
        } finally {
            lock.unlock();
        }
        notifyListeners(Listener::cleared);
    }

    /**
     * Blocks until at least {@code count} held deliveries match, and returns all that match (in
     * recording order). Each recorded delivery wakes the wait to check again.
     *
     * @param count how many must match
     * @param predicate the condition
     * @param timeout how long to wait at most
     * @return every held delivery that matches, at least {@code count} of them
     * @throws WebhookTimeoutException when {@code timeout} passes first; its message lists what was recorded
     * @throws IllegalStateException when the waiting thread is interrupted
     */
    public List<Delivery> await(int count, Predicate<Delivery> predicate, Duration timeout) {
        Objects.requireNonNull(predicate, "predicate");
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<Delivery> matches = select(predicate);
                if (matches.size() >= count) {
                    return matches;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new WebhookTimeoutException(describeTimeout(count, matches.size(), timeout));
                }
                recorded.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for webhook deliveries", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first held delivery of {@code event}, waiting for it if needed.
     *
     * @param event the event name, e.g. {@code message_created}
     * @param timeout how long to wait at most
     * @return the oldest held delivery of that event
     * @throws WebhookTimeoutException when {@code timeout} passes first
     */
    public Delivery awaitEvent(String event, Duration timeout) {
        Objects.requireNonNull(event, "event");
        return await(1, delivery -> delivery.event().equals(event), timeout).get(0);
    }

    private List<Delivery> select(Predicate<Delivery> predicate) {
        List<Delivery> out = new ArrayList<>();
        for (Delivery delivery : entries) {
            if (predicate.test(delivery)) {
                out.add(delivery);
            }
        }
        return out;
    }

    private String describeTimeout(int wanted, int matched, Duration timeout) {
        StringBuilder text = new StringBuilder()
                .append("Timed out after ").append(timeout.toMillis()).append(" ms waiting for ").append(wanted)
                .append(wanted == 1 ? " webhook delivery" : " webhook deliveries").append(" matching the condition; ")
                .append(matched).append(" matched. The journal holds ").append(entries.size())
                .append(entries.size() == 1 ? " delivery" : " deliveries").append(" (").append(evicted)
                .append(" evicted)").append(entries.isEmpty() ? "." : ":");
        int skip = Math.max(0, entries.size() - LISTED_ON_TIMEOUT);
        if (skip > 0) {
            text.append("\n  … ").append(skip).append(" older ones not listed");
        }
        entries.stream().skip(skip).forEach(delivery -> text.append("\n  ").append(delivery.summary()));
        return text.toString();
    }

    @Override
    public String toString() {
        return "WebhookJournal[" + size() + " deliveries, " + evicted() + " evicted, capacity " + capacity + "]";
    }
}
