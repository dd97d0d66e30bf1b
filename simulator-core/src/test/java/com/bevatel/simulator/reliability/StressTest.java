package com.bevatel.simulator.reliability;

import static com.bevatel.simulator.Http.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Eight threads, a fixed number of mixed operations each (contacts, conversations, messages on
 * their own and on shared conversations, status toggles, and reads), against one simulator with
 * two webhook receivers. Afterwards: nothing acknowledged is missing, ids are unique and without
 * gaps, every conversation lists its messages in id order, and each receiver got every
 * {@code message_created} exactly once, in commit order. {@code -Dreliability.scale=N} multiplies
 * the operation count (the soak profile uses 10).
 */
class StressTest {
    static final int THREADS = 8;
    static final int OPERATIONS_PER_THREAD = 400 * Integer.getInteger("reliability.scale", 1);
    private static final Duration BOUND = Duration.ofMinutes(5);

    /** What one thread had acknowledged, and every answer that was not a 200. */
    private record Work(List<Long> contacts, List<Long> conversations, Map<Long, String> messages,
                        List<String> failures, int operations) {
    }

    @Test
    void concurrentMixedOperationsLoseNothingAndDeliverEachMessageOncePerReceiver() throws Exception {
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken("stress-token")
                .apiInboxWebhookSink("stress-inbox").journalCapacity(1_000_000).webhookQueueCapacity(1_000_000).start()) {
            Http http = new Http(sim);
            JsonNode hook = ok(http.post(Http.account("/webhooks"), "{\"webhook\":{\"url\":\"" + sim.sinkUrl("stress-hook")
                    + "\",\"subscriptions\":[\"message_created\",\"conversation_status_changed\"]}}"));
            Map<Receiver, String> receivers = Map.of(Receiver.apiInbox(1), "stress-inbox",
                    Receiver.accountWebhook(hook.at("/payload/webhook/id").asLong()), "stress-hook");
            List<Long> shared = List.of(http.openConversation("Shared One"), http.openConversation("Shared Two"));

            List<Work> done = run(http, shared);
            // Committed after everything else: once a receiver has it, it has had every earlier event.
            ok(http.post(Http.account("/conversations/" + shared.get(0) + "/messages"), "{\"content\":\"last\"}"));
            int operations = done.stream().mapToInt(Work::operations).sum();
            System.out.println("stress: " + THREADS + " threads, " + operations + " operations");

            assertThat(done.stream().flatMap(w -> w.failures().stream())).as("answers other than 200").isEmpty();
            assertEveryAcknowledgedWriteIsStored(sim, done, shared);
            assertIdsAreUniqueWithoutGaps(sim);
            assertEachConversationListsItsMessagesInIdOrder(sim, http);
            int messages = SimulatorAccess.store(sim).read(state -> (int) state.messages.all().stream()
                    .filter(m -> m.messageType() != MessageType.ACTIVITY).count());
            for (Map.Entry<Receiver, String> receiver : receivers.entrySet()) {
                assertEveryMessageCreatedDeliveredOnceInOrder(sim, receiver.getKey(), messages);
                // A delivery the sink has answered is journaled once its response is read: let the last ones land.
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                while (sim.webhooks().byReceiver(receiver.getKey()).size() < sim.sink(receiver.getValue()).received()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                List<Delivery> all = sim.webhooks().byReceiver(receiver.getKey());
                assertThat(all).allMatch(Delivery::succeeded);
                assertThat(sim.sink(receiver.getValue()).received()).as("requests the %s sink received", receiver.getValue())
                        .isEqualTo(all.size());
            }
            assertThat(sim.webhooks().evicted()).isZero();
        }
    }

    private static List<Work> run(Http http, List<Long> shared) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Work>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    return work(http, thread, shared);
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + BOUND.toNanos();
            List<Work> done = new ArrayList<>();
            for (Future<Work> future : futures) {
                done.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread's operations, chosen by a seeded generator (the same mix on every run). */
    private static Work work(Http http, int thread, List<Long> shared) {
        Random random = new Random(thread);
        List<Long> contacts = new ArrayList<>();
        List<Long> conversations = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Map<Long, String> messages = new HashMap<>();
        List<String> failures = new ArrayList<>();
        for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
            int pick = random.nextInt(100);
            if (pick < 15 || sources.isEmpty()) {
                String name = "T" + thread + "-" + op;
                JsonNode contact = call(http.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"" + name
                        + "\",\"email\":\"" + name.toLowerCase() + "@stress.test\"}"), failures);
                if (contact != null) {
                    contacts.add(contact.at("/payload/contact/id").asLong());
                    sources.add(contact.at("/payload/contact_inbox/source_id").asText());
                }
            } else if (pick < 25 || conversations.isEmpty()) {
                String source = sources.get(random.nextInt(sources.size()));
                JsonNode conversation = call(http.post(Http.account("/conversations"), "{\"source_id\":\"" + source + "\"}"), failures);
                if (conversation != null) {
                    conversations.add(conversation.get("id").asLong());
                }
            } else if (pick < 65) {
                boolean onShared = pick < 40;
                long conversation = onShared ? shared.get(random.nextInt(shared.size()))
                        : conversations.get(random.nextInt(conversations.size()));
                String content = "t" + thread + " op" + op;
                JsonNode message = call(http.post(Http.account("/conversations/" + conversation + "/messages"),
                        "{\"content\":\"" + content + "\",\"message_type\":\"" + (random.nextBoolean() ? "incoming" : "outgoing") + "\"}"),
                        failures);
                if (message != null) {
                    messages.put(message.get("id").asLong(), content);
                }
            } else if (pick < 75) {
                long conversation = random.nextBoolean() ? shared.get(random.nextInt(shared.size()))
                        : conversations.get(random.nextInt(conversations.size()));
                call(http.post(Http.account("/conversations/" + conversation + "/toggle_status"),
                        "{\"status\":\"" + (random.nextBoolean() ? "resolved" : "open") + "\"}"), failures);
            } else {
                long conversation = conversations.get(random.nextInt(conversations.size()));
                String path = switch (random.nextInt(4)) {
                    case 0 -> "/conversations/" + conversation;
                    case 1 -> "/conversations/" + conversation + "/messages";
                    case 2 -> "/contacts?page=" + (1 + random.nextInt(3));
                    default -> "/conversations?status=all";
                };
                call(http.get(Http.account(path)), failures);
            }
        }
        return new Work(contacts, conversations, messages, failures, OPERATIONS_PER_THREAD);
    }

    private static JsonNode call(Http.Result result, List<String> failures) {
        if (result.status() != 200) {
            failures.add(result.toString());
            return null;
        }
        return result.json();
    }

    private static void assertEveryAcknowledgedWriteIsStored(BevatelSimulator sim, List<Work> done, List<Long> shared) {
        SimulatorAccess.store(sim).read(state -> {
            for (Work work : done) {
                work.contacts().forEach(id -> assertThat(state.contacts.find(id)).as("contact %d", id).isPresent());
                work.conversations().forEach(displayId -> assertThat(state.conversationByDisplayId.find(
                        new State.DisplayKey(1, displayId))).as("conversation %d", displayId).isPresent());
                work.messages().forEach((id, content) -> assertThat(state.messages.find(id).map(Message::content))
                        .as("message %d", id).contains(content));
            }
            return null;
        });
        long acknowledgedMessages = done.stream().mapToLong(w -> w.messages().size()).sum() + 1; // and the last one
        long storedMessages = SimulatorAccess.store(sim).read(state -> state.messages.all().stream()
                .filter(m -> m.messageType() != MessageType.ACTIVITY).count());
        assertThat(storedMessages).as("messages stored vs acknowledged").isEqualTo(acknowledgedMessages);
        long conversations = done.stream().mapToLong(w -> w.conversations().size()).sum() + shared.size();
        int stored = SimulatorAccess.store(sim).read(state -> state.conversations.size());
        assertThat(stored).as("conversations stored vs acknowledged").isEqualTo((int) conversations);
    }

    private static void assertIdsAreUniqueWithoutGaps(BevatelSimulator sim) {
        SimulatorAccess.store(sim).read(state -> {
            assertThat(state.contacts.all().stream().map(c -> c.id()).toList()).as("contact ids").isEqualTo(range(state.contacts.size()));
            assertThat(state.conversations.all().stream().map(c -> c.id()).toList()).as("conversation ids")
                    .isEqualTo(range(state.conversations.size()));
            assertThat(state.conversations.all().stream().map(c -> c.displayId()).sorted().toList()).as("display ids")
                    .isEqualTo(range(state.conversations.size()));
            assertThat(state.messages.all().stream().map(Message::id).toList()).as("message ids").isEqualTo(range(state.messages.size()));
            return null;
        });
    }

    private static void assertEachConversationListsItsMessagesInIdOrder(BevatelSimulator sim, Http http) {
        List<Long> displayIds = SimulatorAccess.store(sim).read(state -> state.conversations.all().stream().map(c -> c.displayId()).toList());
        for (long displayId : displayIds) {
            // The [after, before) range answers at most 1,000 messages (as Chatwoot): page through it.
            List<Long> ids = new ArrayList<>();
            for (long after = 0; ; after = ids.get(ids.size() - 1) + 1) {
                JsonNode page = ok(http.get(Http.account("/conversations/" + displayId + "/messages?after=" + after + "&before=100000000")));
                if (page.get("payload").isEmpty()) {
                    break;
                }
                page.get("payload").forEach(m -> ids.add(m.get("id").asLong()));
            }
            List<Long> stored = SimulatorAccess.store(sim).read(state -> List.copyOf(state.messagesOfConversation.of(
                    state.conversationByDisplayId.find(new State.DisplayKey(1, displayId)).orElseThrow())));
            assertThat(ids).as("conversation %d", displayId).isSorted().doesNotHaveDuplicates().isEqualTo(stored);
        }
    }

    private static void assertEveryMessageCreatedDeliveredOnceInOrder(BevatelSimulator sim, Receiver receiver, int messages) {
        List<Delivery> deliveries = sim.webhooks().await(messages,
                d -> d.receiver().equals(receiver) && d.event().equals("message_created"), Duration.ofMinutes(2));
        List<Long> ids = deliveries.stream().map(d -> d.payload().get("id").asLong()).toList();
        assertThat(deliveries).as("%s: all succeeded", receiver).allMatch(Delivery::succeeded);
        assertThat(ids).as("%s: each message once", receiver).doesNotHaveDuplicates().hasSize(messages);
        assertThat(ids).as("%s: in commit order", receiver).isSorted();
    }

    private static List<Long> range(int count) {
        return LongStream.rangeClosed(1, count).boxed().toList();
    }
}
