package com.bevatel.simulator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same steady message load twice in one run: first with no receiver, then with receivers that
 * refuse connections, hang past the timeout, answer 500 or answer slowly (and an API inbox callback
 * that is refused, whose failures are written back onto the messages). Asserted without timing the
 * machine: no request waits for a receiver (each is answered before the {@link #WEBHOOK_TIMEOUT} a
 * hanging receiver holds its delivery for, which a synchronous delivery could not beat), threads stay
 * bounded, and {@code close()} does not wait for the hanging deliveries, recording every one it
 * abandoned. The latencies are printed for RELIABILITY.md, not asserted: what the faults cost is CPU on
 * a shared machine, which benchmarks measure. {@code -Dreliability.scale=N} multiplies the load.
 */
class ReceiverFaultsTest {
    private static final String TOKEN = "faults-token";
    private static final int CLIENTS = 2;
    private static final int MESSAGES = 1000 * Integer.getInteger("reliability.scale", 1);
    private static final int CONVERSATIONS = 10;
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void faultyReceiversDoNotSlowTheApiNorGrowThreadsAndCloseIsPromptAndAccountsForEverything() throws Exception {
        BevatelSimulator sim = BevatelSimulator.builder().accessToken(TOKEN).webhookTimeout(WEBHOOK_TIMEOUT)
                .journalCapacity(1_000_000).start();
        boolean closed = false;
        try {
            Http http = new Http(sim);
            for (int i = 0; i < CONVERSATIONS; i++) {
                String source = http.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"F" + i + "\"}").json()
                        .at("/payload/contact_inbox/source_id").asText();
                assertThat(http.post(Http.account("/conversations"), "{\"source_id\":\"" + source + "\"}").status()).isEqualTo(200);
            }
            load(http, MESSAGES / 2); // warm-up: the JIT, the connection pool
            Latencies healthy = load(http, MESSAGES);
            int threadsBefore = liveThreads();

            sim.sink("hangs").delay(Duration.ofSeconds(60));
            sim.sink("fails").respondWith(500);
            sim.sink("slow").delay(WEBHOOK_TIMEOUT.dividedBy(2));
            List<Receiver> receivers = new ArrayList<>();
            for (String url : List.of("http://127.0.0.1:1/refuses", sim.sinkUrl("hangs").toString(), sim.sinkUrl("fails").toString(),
                    sim.sinkUrl("slow").toString())) {
                long id = http.post(Http.account("/webhooks"), "{\"webhook\":{\"url\":\"" + url
                        + "\",\"subscriptions\":[\"message_created\"]}}").json().at("/payload/webhook/id").asLong();
                receivers.add(Receiver.accountWebhook(id));
            }
            assertThat(http.patch(Http.account("/inboxes/1"), "{\"channel\":{\"webhook_url\":\"http://127.0.0.1:1/callback\"}}").status())
                    .isEqualTo(200);
            receivers.add(Receiver.apiInbox(1));
            long firstFaultyMessage = lastMessageId(sim) + 1;
            Latencies faulty = load(http, MESSAGES);
            int threadsDuring = liveThreads();
            long lastFaultyMessage = lastMessageId(sim);
            sim.webhooks().await(1, d -> d.failure() != null && d.failure().startsWith("Net::ReadTimeout"), Duration.ofSeconds(30));

            long started = System.nanoTime();
            sim.close();
            closed = true;
            Duration closing = Duration.ofNanos(System.nanoTime() - started);

            System.out.printf("receiver faults: %d messages per run; p50/p99 healthy %.2f/%.2f ms, faulty %.2f/%.2f ms (max %.2f); "
                            + "threads %d before, %d during; close() %d ms; journal %s%n", MESSAGES, healthy.p50(), healthy.p99(),
                    faulty.p50(), faulty.p99(), faulty.max(), threadsBefore, threadsDuring, closing.toMillis(), outcomes(sim));
            assertThat(faulty.failures() + healthy.failures()).as("answers other than 200").isZero();
            assertThat(faulty.max()).as("the slowest answer with a receiver hanging for %s", WEBHOOK_TIMEOUT)
                    .isLessThan(WEBHOOK_TIMEOUT.toMillis());
            // A receiver with a delivery under way holds one sending thread (two, briefly, as one hands over), plus the
            // dispatcher's two timer threads: bounded by the receivers, never by the 1 000 messages sent to them.
            assertThat(threadsDuring - threadsBefore).as("threads started by the faults").isLessThanOrEqualTo(2 * receivers.size() + 2);
            // A delivery is hanging: close() abandons it rather than waiting for its timeout.
            assertThat(closing).isLessThan(WEBHOOK_TIMEOUT);
            assertThat(sim.webhooks().all()).anyMatch(d -> d.failure() != null && d.failure().startsWith("abandoned: "));
            for (Receiver receiver : receivers) {
                // Delivered, failed, dropped or abandoned: every message of the faulty run is accounted for, once.
                List<Long> ids = sim.webhooks().matching(d -> d.receiver().equals(receiver) && d.event().equals("message_created"))
                        .stream().map(d -> d.payload().get("id").asLong()).filter(id -> id >= firstFaultyMessage).toList();
                assertThat(ids).as("%s", receiver).doesNotHaveDuplicates().hasSize((int) (lastFaultyMessage - firstFaultyMessage + 1));
            }
        } finally {
            if (!closed) {
                sim.close();
            }
        }
    }

    /** Latencies in milliseconds of one load run. */
    private record Latencies(List<Double> millis, int failures) {
        double p50() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        double max() {
            return percentile(1.0);
        }

        private double percentile(double p) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    /** {@code count} message creates from {@link #CLIENTS} threads, each waiting for its answer before the next. */
    private static Latencies load(Http http, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Latencies>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Double> millis = new ArrayList<>();
                    int failures = 0;
                    for (int i = client; i < count; i += CLIENTS) {
                        long t = System.nanoTime();
                        Http.Result result = http.post(Http.account("/conversations/" + (1 + i % CONVERSATIONS) + "/messages"),
                                "{\"content\":\"load " + i + "\",\"message_type\":\"" + (i % 2 == 0 ? "incoming" : "outgoing") + "\"}");
                        millis.add((System.nanoTime() - t) / 1e6);
                        failures += result.status() == 200 ? 0 : 1;
                    }
                    return new Latencies(millis, failures);
                }));
            }
            start.countDown();
            List<Double> all = new ArrayList<>();
            int failures = 0;
            for (Future<Latencies> future : futures) {
                Latencies part = future.get(5, TimeUnit.MINUTES);
                all.addAll(part.millis());
                failures += part.failures();
            }
            return new Latencies(all, failures);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long lastMessageId(BevatelSimulator sim) {
        return SimulatorAccess.store(sim).read(state -> state.messages.size() == 0 ? 0L : state.messages.all().stream()
                .mapToLong(m -> m.id()).max().orElse(0L));
    }

    private static int liveThreads() {
        return Thread.getAllStackTraces().size();
    }

    private static Map<String, Long> outcomes(BevatelSimulator sim) {
        return sim.webhooks().all().stream().collect(Collectors.groupingBy(ReceiverFaultsTest::outcome, Collectors.counting()));
    }

    private static String outcome(Delivery delivery) {
        if (delivery.succeeded()) {
            return "delivered";
        }
        String failure = delivery.failure();
        return failure.startsWith("abandoned") ? "abandoned" : failure.startsWith("dropped") ? "dropped"
                : failure.contains("ReadTimeout") ? "timeout" : failure.startsWith("500") ? "500" : "refused";
    }
}
