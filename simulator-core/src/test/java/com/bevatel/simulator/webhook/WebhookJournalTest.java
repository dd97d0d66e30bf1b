package com.bevatel.simulator.webhook;

import static com.bevatel.simulator.webhook.WebhookTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The journal: queries, the bound and its eviction count, waits woken by recording, useful timeouts. */
class WebhookJournalTest {
    @Test
    void queriesSelectByEventConversationReceiverAndPredicate() {
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, sim.sinkUrl("account"));
            WebhookTestSupport.setInboxCallback(http, sim.sinkUrl("callback"));
            long first = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "A", "+15550300001"));
            long second = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "B", "+15550300002"));
            // contact_created ×2, conversation_created ×2 per receiver
            List<Delivery> all = sim.webhooks().await(6, d -> true, WAIT);

            assertThat(all).extracting(Delivery::id).isSorted().doesNotHaveDuplicates();
            assertThat(sim.webhooks().size()).isEqualTo(6);
            assertThat(sim.webhooks().byEvent("contact_created")).hasSize(2)
                    .allMatch(d -> d.conversationId() == null && d.accountId() == 1);
            assertThat(sim.webhooks().byConversation(first)).hasSize(2)
                    .allMatch(d -> d.event().equals("conversation_created"));
            assertThat(sim.webhooks().byConversation(second)).extracting(Delivery::receiver)
                    .containsExactlyInAnyOrder(Receiver.accountWebhook(1), Receiver.apiInbox(1));
            assertThat(sim.webhooks().byReceiver(Receiver.apiInbox(1))).hasSize(2);
            assertThat(sim.webhooks().matching(d -> d.url().getPath().endsWith("/account"))).hasSize(4);

            sim.webhooks().clear();
            assertThat(sim.webhooks().all()).isEmpty();
            assertThat(sim.webhooks().size()).isZero();
        }
    }

    @Test
    void theBoundEvictsTheOldestAndCountsThem() {
        try (BevatelSimulator sim = BevatelSimulator.builder().journalCapacity(3).start()) {
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, sim.sinkUrl("bounded"), "contact_created");
            for (int i = 1; i <= 5; i++) {
                WebhookTestSupport.contact(http, "C" + i, "+1555030001" + i);
            }
            sim.webhooks().await(1, d -> d.payload().get("name").asText().equals("C5"), WAIT);

            assertThat(sim.webhooks().size()).isEqualTo(3);
            assertThat(sim.webhooks().evicted()).isEqualTo(2);
            assertThat(sim.webhooks().all()).extracting(d -> d.payload().get("name").asText())
                    .containsExactly("C3", "C4", "C5");
            assertThat(sim.webhooks().all()).extracting(Delivery::id).containsExactly(3L, 4L, 5L);
            assertThat(sim.webhooks().toString()).contains("3 deliveries", "2 evicted");
        }
    }

    @Test
    void aWaitIsWokenWhenADeliveryIsRecorded() throws Exception {
        WebhookJournal journal = new WebhookJournal(10);
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Delivery> waiter = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            // Far longer than the test may take: only the recording's signal can end this wait in time.
            return journal.awaitEvent("message_created", Duration.ofMinutes(10));
        });
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(waiter).isNotDone();

        journal.record(id -> delivery(id, "contact_created"));
        journal.record(id -> delivery(id, "message_created"));

        Delivery woken = waiter.get(60, TimeUnit.SECONDS);
        assertThat(woken.event()).isEqualTo("message_created");
        assertThat(woken.id()).isEqualTo(2);
    }

    @Test
    void aTimedOutWaitListsWhatWasRecorded() {
        WebhookJournal journal = new WebhookJournal(10);
        journal.record(id -> delivery(id, "contact_created"));
        journal.record(id -> new Delivery(id, "message_created", java.net.URI.create("http://127.0.0.1:9/cb"),
                Receiver.apiInbox(1), 1, 7L, java.util.Map.of(), "{}", TestReceiver.Json.parse("{}"), null, null,
                Duration.ofMillis(3), "500 Internal Server Error", 1, java.time.Instant.EPOCH));

        assertThatThrownBy(() -> journal.await(2, d -> d.event().equals("message_created"), Duration.ofMillis(50)))
                .isInstanceOf(WebhookTimeoutException.class)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting for 2 webhook deliveries matching the condition; 1 matched")
                .hasMessageContaining("The journal holds 2 deliveries (0 evicted)")
                .hasMessageContaining("#1 contact_created → account webhook 1 http://127.0.0.1:9/hook (attempt 1, 0 ms): 200")
                .hasMessageContaining("#2 message_created → API inbox 1 http://127.0.0.1:9/cb (attempt 1, 3 ms): "
                        + "FAILED 500 Internal Server Error");
        assertThatThrownBy(() -> new WebhookJournal(1).awaitEvent("message_created", Duration.ZERO))
                .isInstanceOf(WebhookTimeoutException.class).hasMessageContaining("The journal holds 0 deliveries");
    }

    @Test
    void listenersHearEachRecordingAndClearAfterTheLockIsReleasedAndCannotBreakIt() {
        WebhookJournal journal = new WebhookJournal(10);
        List<String> heard = new java.util.ArrayList<>();
        WebhookJournal.Listener listener = new WebhookJournal.Listener() {
            @Override
            public void recorded(Delivery delivery) {
                // The journal is readable from inside the callback: its lock is no longer held.
                heard.add(delivery.id() + " " + delivery.event() + " of " + journal.size());
            }

            @Override
            public void cleared() {
                heard.add("cleared, " + journal.size() + " left");
            }
        };
        journal.addListener(d -> {
            throw new IllegalStateException("a broken live view");
        });
        journal.addListener(listener);

        // The broken listener's failures are logged, not thrown: taken here (not printed) and checked.
        try (LogCapture log = LogCapture.of(WebhookJournal.class)) {
            journal.record(id -> delivery(id, "contact_created"));
            journal.record(id -> delivery(id, "message_created"));
            journal.clear();
            journal.removeListener(listener);
            journal.record(id -> delivery(id, "message_updated"));

            assertThat(log.records()).hasSize(3).allSatisfy(failure -> {
                assertThat(failure.getLevel()).isEqualTo(Level.WARNING);
                assertThat(failure.getMessage()).isEqualTo("webhook journal listener failed");
                assertThat(failure.getThrown()).isInstanceOf(IllegalStateException.class)
                        .hasMessage("a broken live view");
            });
        }

        assertThat(heard).containsExactly("1 contact_created of 1", "2 message_created of 2", "cleared, 0 left");
        assertThat(journal.all()).extracting(Delivery::event).containsExactly("message_updated");
    }

    private static Delivery delivery(long id, String event) {
        return new Delivery(id, event, java.net.URI.create("http://127.0.0.1:9/hook"), Receiver.accountWebhook(1), 1,
                null, java.util.Map.of("X-Chatwoot-Delivery", "d-" + id), "{}", TestReceiver.Json.parse("{}"), 200, "",
                Duration.ZERO, null, 1, java.time.Instant.EPOCH);
    }
}
