package com.bevatel.simulator.webhook;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.state.DomainEventListener;
import com.bevatel.simulator.http.ExchangeObservers;
import com.bevatel.simulator.seed.SeededRandom;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Store;
import com.bevatel.simulator.json.Json;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apiguardian.api.API;

/**
 * Turns committed domain events into signed HTTP deliveries to account webhooks, API inboxes and agent
 * bots (lib/webhooks/trigger.rb), retried as {@link RetryPolicy} says. Payloads, delivery ids and
 * timestamps are fixed when the event commits, from the committed state (for agent bots, at times
 * from the row as the event's save left it: {@link AgentBotEvents}), so they are the same on
 * every run. Sending is asynchronous: per receiver one delivery at a time, in event order; across
 * receivers in parallel on a small fixed thread pool (a waiting receiver holds a connection, not a
 * thread). Every attempt is recorded in the {@link WebhookJournal}.
 */
@API(status = INTERNAL)
public final class WebhookDispatcher implements DomainEventListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    /** Mixed into the simulator seed, so delivery uuids are seeded but never repeat the state's own. */
    private static final long DELIVERY_ID_SALT = 0x5745424B484F4F4BL;
    private static final int THREADS = 2;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** A delivery fixed at commit time, waiting for (or going through) its attempts. */
    private record Outgoing(Receiver receiver, String url, String event, long accountId, Long conversationId,
                            Long messageId, Map<String, String> headers, String body,
                            Instant simulatedTime, State origin) {
    }

    /** One receiver's deliveries: at most one under way, the rest waiting in order. */
    private static final class Lane {
        final ArrayDeque<Outgoing> waiting = new ArrayDeque<>();
        Outgoing underWay;
        int attempt = 1;

        Lane(Outgoing first) {
            this.underWay = first;
        }
    }

    private final Store store;
    private final WebhookSettings settings;
    private final WebhookJournal journal;
    private final ScheduledThreadPoolExecutor executor;
    private final WebhookSender sender;
    private final RetryPolicy retries;
    private final FailureFollowUps followUps;

    private final Object lock = new Object();
    /** Receivers with a delivery under way; an idle receiver has no lane. */
    private final Map<Receiver, Lane> lanes = new HashMap<>();
    private final Map<String, URI> uris = new ConcurrentHashMap<>();
    private int waiting;
    /** The state whose deliveries are current; deliveries of an older (reset) state are dropped. */
    private State origin;
    private SeededRandom deliveryIds;
    private boolean closed;

    public WebhookDispatcher(Store store, WebhookSettings settings, WebhookJournal journal) {
        this.store = store;
        this.settings = settings;
        this.journal = journal;
        String name = "bevatel-webhooks-" + INSTANCES.incrementAndGet();
        this.executor = new ScheduledThreadPoolExecutor(THREADS, threadFactory(name));
        executor.setRemoveOnCancelPolicy(true);
        this.sender = new WebhookSender(settings.timeout(), executor, threadFactory(name + "-send"));
        this.retries = new RetryPolicy(settings);
        this.followUps = new FailureFollowUps(store, settings);
    }

    /** Where the simulator listens, once known: deliveries there other than to its sinks are refused ({@link OwnAddress}). */
    public void ownAddress(InetAddress bound, int port) {
        sender.ownAddress(new OwnAddress(bound, port));
    }

    /** Under the store's write lock: build payloads and headers now, send later. */
    @Override
    public void onCommit(List<DomainEvent> events, State committed) {
        List<WebhookEvents.Planned> plans = new ArrayList<>();
        for (DomainEvent event : events) {
            AgentBotEvents.plan(event, committed, WebhookEvents.plan(event, committed, settings.inboxEvents()), plans);
        }
        if (plans.isEmpty()) {
            return;
        }
        Instant now = committed.clock().now();
        List<Outgoing> startNow = new ArrayList<>();
        List<Outgoing> dropped = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (committed != origin) {
                startOver(committed);
            }
            for (WebhookEvents.Planned planned : plans) {
                String body = Json.string(planned.payload());
                ExchangeObservers.delivery(planned.event(), body.getBytes(StandardCharsets.UTF_8));
                for (WebhookEvents.Target target : planned.targets()) {
                    Outgoing outgoing = new Outgoing(target.receiver(), target.url(), planned.event(),
                            planned.accountId(), planned.conversationId(), planned.messageId(),
                            headers(deliveryIds.uuid(), target.secret(), now.getEpochSecond(), body), body,
                            now, committed);
                    admit(outgoing, startNow, dropped);
                }
            }
            for (Outgoing outgoing : dropped) {
                journal.record(id -> delivery(id, outgoing, 0,
                        new WebhookSender.Outcome(null, null, queueFull(), Duration.ZERO)));
            }
        }
        // Handed straight to sending threads: even starting a request (DNS, connect) happens off the API's
        // thread, which holds the store's lock, and no timer thread is woken in between.
        startNow.forEach(outgoing -> attempt(outgoing, 1, false));
        // A dropped delivery is a failed one; what that changes is a write, so not from in here.
        dropped.forEach(outgoing -> run(() -> afterFinalFailure(outgoing, queueFull())));
    }

    private String queueFull() {
        return "dropped: the simulator's webhook queue is full (" + settings.queueCapacity() + " deliveries waiting)";
    }

    /** The state was replaced: forget its queued deliveries and the journal, restart delivery ids. */
    @Override
    public void onReset() {
        State fresh = store.read(state -> state);
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (fresh != origin) {
                startOver(fresh);
            }
            journal.clear();
        }
    }

    private void startOver(State state) {
        origin = state;
        deliveryIds = new SeededRandom(settings.seed() ^ DELIVERY_ID_SALT);
        lanes.clear();
        waiting = 0;
        uris.clear();
    }

    /** Chatwoot's request headers (lib/webhooks/trigger.rb); the signature covers {@code "<timestamp>.<body>"}. */
    private static Map<String, String> headers(String deliveryId, String secret, long timestamp, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "Ruby");
        headers.put(WebhookSignature.DELIVERY_HEADER, deliveryId);
        if (secret != null && !secret.isEmpty()) {
            headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
            headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        }
        return Collections.unmodifiableMap(headers);
    }

    /** Under the lock: start it when its receiver is idle, else queue it behind the others, or drop it when full. */
    private void admit(Outgoing outgoing, List<Outgoing> startNow, List<Outgoing> dropped) {
        Lane lane = lanes.get(outgoing.receiver());
        if (lane == null) {
            lanes.put(outgoing.receiver(), new Lane(outgoing));
            startNow.add(outgoing);
        } else if (waiting >= settings.queueCapacity()) {
            dropped.add(outgoing);
        } else {
            lane.waiting.addLast(outgoing);
            waiting++;
        }
    }

    private boolean current(Outgoing outgoing) {
        return !closed && outgoing.origin() == origin;
    }

    private void attempt(Outgoing outgoing, int attempt) {
        attempt(outgoing, attempt, false);
    }

    /** @param followUp the receiver's next delivery, asked for on the thread that finished the one before */
    private void attempt(Outgoing outgoing, int attempt, boolean followUp) {
        synchronized (lock) {
            if (!current(outgoing)) {
                return;
            }
            Lane lane = lanes.get(outgoing.receiver());
            if (lane != null) {
                lane.attempt = attempt;
            }
        }
        Consumer<WebhookSender.Outcome> then = outcome -> {
            try {
                finished(outgoing, attempt, outcome);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "webhook delivery follow-up failed", e);
            }
        };
        if (followUp) {
            sender.sendNext(outgoing.url(), outgoing.headers(), outgoing.body(), then);
        } else {
            sender.send(outgoing.url(), outgoing.headers(), outgoing.body(), then);
        }
    }

    private void finished(Outgoing outgoing, int attempt, WebhookSender.Outcome outcome) {
        boolean failed = outcome.failure() != null;
        synchronized (lock) {
            if (!current(outgoing)) {
                return;
            }
            long pause = retries.pauseMillis(outgoing.receiver(), attempt, outcome);
            if (pause != RetryPolicy.NONE) {
                journal.record(id -> delivery(id, outgoing, attempt, outcome));
                executor.schedule(() -> attempt(outgoing, attempt + 1), pause, TimeUnit.MILLISECONDS);
                return;
            }
        }
        if (failed) {
            // Before recording: whoever sees the failure in the journal also finds its consequences
            // (a failed message, an opened conversation, and their deliveries) already committed and queued.
            afterFinalFailure(outgoing, outcome.failure());
        }
        synchronized (lock) {
            if (!current(outgoing)) {
                return;
            }
            journal.record(id -> delivery(id, outgoing, attempt, outcome));
            Lane lane = lanes.get(outgoing.receiver());
            if (lane != null && lane.underWay == outgoing) {
                lane.underWay = null; // recorded: a close() from here on must not count it as abandoned
            }
        }
        next(outgoing);
    }

    /** The receiver's next waiting delivery, if any; otherwise the receiver goes idle. */
    private void next(Outgoing done) {
        Outgoing next;
        synchronized (lock) {
            if (!current(done)) {
                return;
            }
            Lane lane = lanes.get(done.receiver());
            next = lane == null ? null : lane.waiting.pollFirst();
            if (next == null) {
                lanes.remove(done.receiver());
                return;
            }
            lane.underWay = next;
            waiting--;
        }
        attempt(next, 1, true);
    }

    private void afterFinalFailure(Outgoing outgoing, String failure) {
        try {
            followUps.afterFinalFailure(outgoing.receiver(), outgoing.event(), outgoing.messageId(), outgoing.origin(), failure);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not apply the failure of " + outgoing.event() + " to " + outgoing.receiver(), e);
        }
    }

    private Delivery delivery(long id, Outgoing outgoing, int attempt, WebhookSender.Outcome outcome) {
        // The journal keeps thousands of these: the headers map is the outgoing's own (unmodifiable) one, not a copy.
        return Delivery.recorded(id, outgoing.event(), uri(outgoing.url()), outgoing.receiver(), outgoing.accountId(),
                outgoing.conversationId(), outgoing.headers(), outgoing.body(), outcome.status(),
                outcome.body(), outcome.duration(), outcome.failure(), attempt, outgoing.simulatedTime());
    }

    /** The target as a URI, parsed once per receiver URL rather than once per recorded attempt. */
    private URI uri(String url) {
        return uris.computeIfAbsent(url, WebhookDispatcher::parseUri);
    }

    /** A URL Chatwoot cannot parse either is kept as a relative reference. */
    private static URI parseUri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            try {
                return new URI(null, null, url, null);
            } catch (URISyntaxException unparsable) {
                return URI.create("");
            }
        }
    }

    private void run(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "webhook follow-up failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "webhook follow-up skipped: the simulator is closing", e);
        }
    }

    /**
     * Stops sending: connections are closed and every thread ends. What was still under way or
     * waiting is recorded in the journal as failed ("abandoned: …"), so nothing goes unaccounted.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (Lane lane : lanes.values()) {
                if (lane.underWay != null) {
                    abandon(lane.underWay, lane.attempt, "abandoned: the simulator was closed while waiting for the receiver");
                }
                lane.waiting.forEach(outgoing -> abandon(outgoing, 0, "abandoned: the simulator was closed before it was sent"));
            }
            lanes.clear();
            waiting = 0;
        }
        sender.close();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warning("webhook threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void abandon(Outgoing outgoing, int attempt, String why) {
        journal.record(id -> delivery(id, outgoing, attempt, new WebhookSender.Outcome(null, null, why, Duration.ZERO)));
    }

    private static ThreadFactory threadFactory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
