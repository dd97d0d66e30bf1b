package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Concurrent writers on one conversation and on many: unique ids without gaps, nothing lost, no 5xx. */
class ConcurrencyApiTest extends ApiTestSupport {
    private static final int THREADS = 8;
    private static final int CONVERSATIONS_PER_THREAD = 4;
    private static final int MESSAGES_PER_CONVERSATION = 3;
    private static final int SHARED_MESSAGES_PER_ROUND = 2;
    private static final int SHARED_MESSAGES_PER_THREAD = CONVERSATIONS_PER_THREAD * SHARED_MESSAGES_PER_ROUND;

    /** What one worker created and had acknowledged. */
    private record Work(List<Long> contacts, List<Long> conversations, List<Long> ownMessages, List<Long> sharedMessages,
                        List<String> failures) {
    }

    @Test
    void concurrentWritersKeepIdsUniqueAndLoseNothing() throws Exception {
        long shared = conversationFor("Shared");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Work>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Work>) () -> {
                    start.await();
                    return work(thread, shared);
                }));
            }
            start.countDown();
            List<Work> done = new ArrayList<>();
            for (Future<Work> future : futures) {
                done.add(future.get());
            }
            assertThat(done.stream().flatMap(w -> w.failures().stream())).isEmpty();

            List<Long> contacts = new ArrayList<>(List.of(1L));
            List<Long> conversations = new ArrayList<>(List.of(shared));
            List<Long> messages = new ArrayList<>();
            done.forEach(w -> {
                contacts.addAll(w.contacts());
                conversations.addAll(w.conversations());
                messages.addAll(w.ownMessages());
                messages.addAll(w.sharedMessages());
            });
            int totalContacts = 1 + THREADS * CONVERSATIONS_PER_THREAD;
            int totalConversations = 1 + THREADS * CONVERSATIONS_PER_THREAD;
            int totalMessages = THREADS * (CONVERSATIONS_PER_THREAD * MESSAGES_PER_CONVERSATION + SHARED_MESSAGES_PER_THREAD);
            Collections.sort(contacts);
            Collections.sort(conversations);
            Collections.sort(messages);
            assertThat(contacts).containsExactlyElementsOf(range(1, totalContacts));
            assertThat(conversations).containsExactlyElementsOf(range(1, totalConversations));
            assertThat(messages).containsExactlyElementsOf(range(1, totalMessages));

            // Every acknowledged write is there, each conversation's messages in id order.
            List<Long> sharedIds = messageIds(shared);
            assertThat(sharedIds).isSorted().hasSize(THREADS * SHARED_MESSAGES_PER_THREAD);
            assertThat(sharedIds).containsExactlyInAnyOrderElementsOf(
                    done.stream().flatMap(w -> w.sharedMessages().stream()).toList());
            List<Long> stored = new ArrayList<>(sharedIds);
            for (Work w : done) {
                for (long conversation : w.conversations()) {
                    List<Long> ids = messageIds(conversation);
                    assertThat(ids).isSorted().hasSize(MESSAGES_PER_CONVERSATION);
                    stored.addAll(ids);
                }
            }
            assertThat(stored).containsExactlyInAnyOrderElementsOf(messages);
            assertThat(ok(http.get(account("/conversations/meta"))).at("/meta/all_count").asLong()).isEqualTo(totalConversations);
            assertThat(ok(http.get(account("/contacts"))).at("/meta/count").asLong()).isEqualTo(THREADS * CONVERSATIONS_PER_THREAD);
            // Each writer's messages on the shared conversation stay in the order it sent them.
            for (Work w : done) {
                assertThat(w.sharedMessages()).isSorted();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Work work(int thread, long shared) {
        List<Long> contacts = new ArrayList<>();
        List<Long> conversations = new ArrayList<>();
        List<Long> own = new ArrayList<>();
        List<Long> sharedMessages = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS_PER_THREAD; i++) {
            Http.Result contact = http.post(account("/contacts"),
                    "{\"inbox_id\":1,\"name\":\"T" + thread + "-" + i + "\",\"email\":\"t" + thread + "-" + i + "@x.io\"}");
            if (!check(contact, failures)) {
                continue;
            }
            JsonNode payload = contact.json().get("payload");
            contacts.add(payload.at("/contact/id").asLong());
            Http.Result conversation = http.post(account("/conversations"),
                    "{\"source_id\":\"" + payload.at("/contact_inbox/source_id").asText() + "\"}");
            if (!check(conversation, failures)) {
                continue;
            }
            long id = conversation.json().get("id").asLong();
            conversations.add(id);
            for (int m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
                Http.Result message = http.post(account("/conversations/" + id + "/messages"),
                        "{\"content\":\"m" + m + "\",\"message_type\":\"" + (m % 2 == 0 ? "incoming" : "outgoing") + "\"}");
                if (check(message, failures)) {
                    own.add(message.json().get("id").asLong());
                }
            }
            // Interleave writes to the shared conversation with the others.
            for (int s = 0; s < SHARED_MESSAGES_PER_ROUND; s++) {
                Http.Result message = http.post(account("/conversations/" + shared + "/messages"),
                        "{\"content\":\"shared " + thread + "\",\"message_type\":\"incoming\"}");
                if (check(message, failures)) {
                    sharedMessages.add(message.json().get("id").asLong());
                }
            }
        }
        return new Work(contacts, conversations, own, sharedMessages, failures);
    }

    private static boolean check(Http.Result result, List<String> failures) {
        if (result.status() != 200) {
            failures.add(result.toString());
            return false;
        }
        return true;
    }

    /** All message ids of a conversation, through the [after, before) range query. */
    private static List<Long> messageIds(long conversation) {
        List<Long> ids = new ArrayList<>();
        ok(http.get(account("/conversations/" + conversation + "/messages?after=0&before=100000"))).get("payload")
                .forEach(m -> ids.add(m.get("id").asLong()));
        return ids;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
