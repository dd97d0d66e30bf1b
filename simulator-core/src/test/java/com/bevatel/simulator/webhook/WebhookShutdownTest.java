package com.bevatel.simulator.webhook;

import static com.bevatel.simulator.webhook.WebhookTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** close() stops delivering and leaves no webhook thread behind: idle, or with a receiver that hangs. */
class WebhookShutdownTest {
    @BeforeAll
    static void warmUpTheTestsHttpClient() {
        // The tests' own HTTP client (JVM-wide, with its own threads) must exist before any snapshot.
        try (BevatelSimulator warmUp = BevatelSimulator.builder().start()) {
            assertThat(new Http(warmUp).get("/api/v1/profile").status()).isEqualTo(200);
        }
    }

    /** Threads started since {@code before} that belong to the simulator's webhook delivery. */
    private static List<Thread> webhookThreadsSince(Set<Thread> before) {
        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> t.getName().startsWith("bevatel-webhooks-"))
                .toList();
        assertThat(started).extracting(Thread::getName)
                .anyMatch(name -> name.matches("bevatel-webhooks-\\d+-\\d+"))
                .anyMatch(name -> name.matches("bevatel-webhooks-\\d+-send-\\d+"));
        return started;
    }

    private static void assertAllEnd(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertThat(threads).as("webhook threads still alive after close()").noneMatch(Thread::isAlive);
    }

    @Test
    void closeAfterDeliveriesLeavesNoThreadBehind() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        BevatelSimulator sim = BevatelSimulator.builder().start();
        Http http = new Http(sim);
        WebhookTestSupport.addWebhook(http, sim.sinkUrl("ok"), "contact_created");
        WebhookTestSupport.contact(http, "Vi", "+15550500001");
        sim.webhooks().await(1, Delivery::succeeded, WAIT);
        List<Thread> started = webhookThreadsSince(before);

        sim.close();

        assertAllEnd(started);
    }

    @Test
    void closeWhileAReceiverHangsLeavesNoThreadBehind() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (TestReceiver receiver = new TestReceiver()) {
            CountDownLatch hanging = receiver.hold("/hang");
            BevatelSimulator sim = BevatelSimulator.builder().start();
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, receiver.url("/hang"), "contact_created");
            WebhookTestSupport.contact(http, "Wu", "+15550500002");
            WebhookTestSupport.contact(http, "Xi", "+15550500003");
            assertThat(receiver.arrived().await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            List<Thread> started = webhookThreadsSince(before);

            sim.close();

            assertAllEnd(started);
            assertThat(hanging.getCount()).as("the receiver was still hanging when close() returned").isEqualTo(1);
            // What close() abandoned is recorded (the delivery under way, then the one waiting), nothing else.
            assertThat(sim.webhooks().all()).extracting(Delivery::failure, Delivery::attempt).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("abandoned: the simulator was closed while waiting for the receiver", 1),
                    org.assertj.core.groups.Tuple.tuple("abandoned: the simulator was closed before it was sent", 0));
        }
    }
}
