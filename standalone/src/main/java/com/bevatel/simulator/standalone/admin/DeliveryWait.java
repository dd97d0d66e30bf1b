package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.WebhookJournal;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.XnioExecutor;

/**
 * {@code GET /_simulator/deliveries/wait}: the deliveries list ({@link JournalRoutes}: same filters,
 * same body), answered 200 as soon as {@code count} (default 1) deliveries match, or 408 with what
 * matches when {@code timeout_ms} (default {@value #DEFAULT_TIMEOUT_MILLIS}, at most
 * {@value #MAX_TIMEOUT_MILLIS}) passes first — so a test in any language waits for a webhook without
 * sleeping and polling.
 *
 * <p>A waiting request holds its connection, never a thread: the exchange is parked (dispatched to
 * run nothing once its handler returns), the journal's recording of a matching delivery wakes it on
 * its own I/O thread, and its timeout is a timer of that I/O thread. Each answer is computed from the
 * journal at that moment, so a reset (which empties the journal) while waiting leaves the request
 * waiting for deliveries recorded after it. The cap stays below the server's 60 s read timeout,
 * which would close the connection first.
 */
final class DeliveryWait implements WebhookJournal.Listener {
    static final long DEFAULT_TIMEOUT_MILLIS = 10_000;
    static final long MAX_TIMEOUT_MILLIS = 50_000;

    private final WebhookJournal journal;
    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();

    private DeliveryWait(WebhookJournal journal) {
        this.journal = journal;
    }

    static DeliveryWait register(Router router, WebhookJournal journal) {
        DeliveryWait waits = new DeliveryWait(journal);
        journal.addListener(waits);
        router.getRaw(JournalRoutes.PATH + "/wait", waits::handle);
        return waits;
    }

    /** Requests parked now (for tests: that they are parked, not on a thread). */
    int waiting() {
        return waiting.size();
    }

    private void handle(HttpServerExchange exchange) {
        Waiter waiter;
        try {
            Params params = query(exchange);
            JournalRoutes.Listing listing = JournalRoutes.Listing.of(params);
            waiter = new Waiter(exchange, listing, count(params), timeoutMillis(params));
        } catch (ApiException e) {
            AdminJson.send(exchange, e.status(), e.body());
            return;
        }
        // Undertow leaves a dispatched exchange open when this returns; start() runs then, on this I/O thread.
        exchange.dispatch(SameThreadExecutor.INSTANCE, waiter::start);
    }

    private int count(Params params) {
        Long count = params.integer("count");
        if (count == null) {
            return 1;
        }
        if (count < 1 || count > journal.capacity()) {
            throw Errors.error(422, "count must be 1.." + journal.capacity() + " (the journal holds at most "
                    + journal.capacity() + " deliveries)");
        }
        return count.intValue();
    }

    private static long timeoutMillis(Params params) {
        Long timeout = params.integer("timeout_ms");
        if (timeout == null) {
            return DEFAULT_TIMEOUT_MILLIS;
        }
        if (timeout < 0 || timeout > MAX_TIMEOUT_MILLIS) {
            throw Errors.error(422, "timeout_ms must be 0.." + MAX_TIMEOUT_MILLIS + " (wait again for longer)");
        }
        return timeout;
    }

    /** The query string as parameters (a repeated one: its last value, as Rails takes it). */
    private static Params query(HttpServerExchange exchange) {
        ObjectNode values = Json.object();
        for (Map.Entry<String, Deque<String>> parameter : exchange.getQueryParameters().entrySet()) {
            if (!parameter.getValue().isEmpty()) {
                values.put(parameter.getKey(), parameter.getValue().getLast());
            }
        }
        return new Params(values);
    }

    /** Called on the recording thread, maybe under the store's lock: only hands the check to each waiter's I/O thread. */
    @Override
    public void recorded(Delivery delivery) {
        for (Waiter waiter : waiting) {
            if (waiter.listing.filter().test(delivery)) {
                waiter.exchange.getIoThread().execute(waiter::check);
            }
        }
    }

    /** One parked request; everything but {@link #recorded} runs on its exchange's I/O thread. */
    private final class Waiter {
        final HttpServerExchange exchange;
        final JournalRoutes.Listing listing;
        final int count;
        final long timeoutMillis;
        private final AtomicBoolean answered = new AtomicBoolean();
        private XnioExecutor.Key timer;

        Waiter(HttpServerExchange exchange, JournalRoutes.Listing listing, int count, long timeoutMillis) {
            this.exchange = exchange;
            this.listing = listing;
            this.count = count;
            this.timeoutMillis = timeoutMillis;
        }

        /** Registered before the first look, so a delivery recorded in between wakes it. */
        void start() {
            waiting.add(this);
            timer = exchange.getIoThread().executeAfter(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
            check();
        }

        void check() {
            if (answered.get()) {
                return;
            }
            List<Delivery> matches = journal.matching(listing.filter());
            if (matches.size() >= count) {
                answer(200, matches);
            }
        }

        void expire() {
            if (answered.get()) {
                return;
            }
            List<Delivery> matches = journal.matching(listing.filter());
            answer(matches.size() >= count ? 200 : 408, matches);
        }

        private void answer(int status, List<Delivery> matches) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            waiting.remove(this);
            if (timer != null) {
                timer.remove();
            }
            AdminJson.send(exchange, status, listing.answer(journal, matches));
        }
    }
}
