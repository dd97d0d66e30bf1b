package com.bevatel.simulator.webhook;

import static com.bevatel.simulator.webhook.WebhookTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.AgentBotSetup;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.model.AgentBot;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What agent bots are sent (app/listeners/agent_bot_listener.rb) and how (app/jobs/agent_bots/webhook_job.rb,
 * lib/webhooks/trigger.rb): the events, their payloads and signatures, the retries after 429 and 500,
 * and the pending conversation opened when a message cannot be delivered.
 */
class AgentBotDeliveryTest {
    private static final String BOT_ERROR = "Conversation was marked open by system due to an error with the agent bot.";
    private static final Duration RETRY_WAIT = Duration.ofMillis(50);

    /** A new one for each test (JUnit makes an instance per test). */
    private final TestReceiver receiver = new TestReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** A simulator whose API inbox is served by the bot "Echo", posting to {@code /bot}. */
    private BevatelSimulator.Builder servedBy(String path) {
        return BevatelSimulator.builder().agentBotRetryWait(RETRY_WAIT)
                .agentBot(AgentBotSetup.named("Echo").outgoingUrl(receiver.url(path)).servingApiInbox());
    }

    private static Predicate<Delivery> to(Receiver receiver, String event) {
        return d -> d.receiver().equals(receiver) && d.event().equals(event);
    }

    private static Predicate<Delivery> content(Receiver receiver, String event, String content) {
        return to(receiver, event).and(d -> d.payload().path("content").asText().equals(content));
    }

    private static long incoming(Http http, long conversation, String content) {
        return WebhookTestSupport.message(http, conversation,
                "{\"content\":\"" + content + "\",\"message_type\":\"incoming\"}").get("id").asLong();
    }

    private static JsonNode conversation(Http http, long conversation) {
        return Http.ok(http.get(Http.account("/conversations/" + conversation)));
    }

    private static List<JsonNode> messages(Http http, long conversation) {
        JsonNode payload = Http.ok(http.get(Http.account("/conversations/" + conversation + "/messages"))).get("payload");
        List<JsonNode> list = new java.util.ArrayList<>();
        payload.forEach(list::add);
        return list;
    }

    @Test
    void aMessageReachesTheBotAsTheAccountWebhookGetsItSignedWithTheBotsSecret() {
        try (BevatelSimulator sim = servedBy("/bot").start()) {
            Http http = new Http(sim);
            AgentBot bot = sim.agentBot("Echo");
            Receiver echo = Receiver.agentBot(bot.id());
            WebhookTestSupport.addWebhook(http, receiver.url("/account"), "conversation_created", "message_created");
            String inboxSecret = http.get(Http.account("/inboxes/1")).json().get("secret").asText();
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Ann", "+15550300001"));
            assertThat(conversation(http, conversation).get("status").asText()).isEqualTo("pending");
            incoming(http, conversation, "Hello bot");

            Delivery toBot = sim.webhooks().await(1, to(echo, "message_created"), WAIT).get(0);
            Delivery toAccount = sim.webhooks().await(1, to(Receiver.accountWebhook(1), "message_created"), WAIT).get(0);
            assertThat(toBot.requestBody()).isEqualTo(toAccount.requestBody());
            assertThat(toBot.payload().get("event").asText()).isEqualTo("message_created");
            assertThat(toBot.payload().at("/conversation/meta/assignee_type").asText()).isEqualTo("AgentBot");
            assertThat(toBot.deliveryId()).isNotEqualTo(toAccount.deliveryId());
            assertThat(toBot.url()).isEqualTo(receiver.url("/bot"));
            assertThat(toBot.attempt()).isEqualTo(1);
            assertThat(toBot.succeeded()).isTrue();

            // conversation_created went to the account webhook only: the bot's first delivery is the message.
            assertThat(sim.webhooks().byReceiver(echo)).extracting(Delivery::event).containsExactly("message_created");
            assertThat(sim.webhooks().byReceiver(Receiver.accountWebhook(1))).extracting(Delivery::event)
                    .containsExactly("conversation_created", "message_created");

            TestReceiver.Received request = receiver.received("/bot").get(0);
            assertThat(request.body()).isEqualTo(toBot.requestBody());
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("Accept")).isEqualTo("application/json");
            assertThat(request.header("X-Chatwoot-Delivery")).isEqualTo(toBot.deliveryId());
            String timestamp = request.header("X-Chatwoot-Timestamp");
            assertThat(request.header("X-Chatwoot-Signature"))
                    .isEqualTo(Signatures.expected(bot.secret(), timestamp, request.body()))
                    .isNotEqualTo(Signatures.expected(inboxSecret, timestamp, request.body()));
        }
    }

    @Test
    void aStatusChangeReachesTheBotAsOpenedOrResolvedThenStatusChangedThenUpdated() {
        try (BevatelSimulator sim = servedBy("/bot").start()) {
            Http http = new Http(sim);
            Receiver echo = Receiver.agentBot(sim.agentBot("Echo").id());
            WebhookTestSupport.addWebhook(http, receiver.url("/account"), "conversation_status_changed", "conversation_updated");
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Bea", "+15550300002"));
            String toggle = Http.account("/conversations/" + conversation + "/toggle_status");
            Http.ok(http.post(toggle, "{\"status\":\"resolved\"}"));
            // A person opening it takes it from the bot (handle_human_open): a second conversation_updated.
            Http.ok(http.post(toggle, "{\"status\":\"open\"}"));

            List<Delivery> toBot = sim.webhooks().await(7, d -> d.receiver().equals(echo), WAIT);
            assertThat(toBot).extracting(Delivery::event).containsExactly(
                    "conversation_resolved", "conversation_status_changed", "conversation_updated",
                    "conversation_opened", "conversation_status_changed", "conversation_updated", "conversation_updated");
            assertThat(toBot.get(0).payload().get("status").asText()).isEqualTo("resolved");
            assertThat(WebhookTestSupport.keys(toBot.get(0).payload())).endsWith("updated_at", "account", "event")
                    .doesNotContain("changed_attributes");
            assertThat(toBot.get(3).payload().get("event").asText()).isEqualTo("conversation_opened");
            assertThat(toBot.get(1).payload().get("changed_attributes").isNull()).isTrue();
            assertThat(WebhookTestSupport.keys(toBot.get(2).payload())).endsWith("event", "changed_attributes");

            // What the bot shares with the account webhook is the same bytes, in the same order — but for the
            // opening's first save, which the bot is sent as that save left it (still its own), while the
            // webhook's copy shows the committed conversation, which the second save took from the bot.
            List<Delivery> toAccount = sim.webhooks().await(5, d -> d.receiver().equals(Receiver.accountWebhook(1)), WAIT);
            List<Delivery> shared = toBot.stream()
                    .filter(d -> !d.event().equals("conversation_resolved") && !d.event().equals("conversation_opened"))
                    .toList();
            assertThat(toAccount).extracting(Delivery::event).containsExactlyElementsOf(shared.stream().map(Delivery::event).toList());
            for (int i : new int[] {0, 1, 4}) {
                assertThat(toAccount.get(i).requestBody()).isEqualTo(shared.get(i).requestBody());
            }
            for (int i : new int[] {2, 3}) {
                assertThat(shared.get(i).payload().at("/meta/assignee_type").asText()).isEqualTo("AgentBot");
                assertThat(toAccount.get(i).payload().at("/meta/assignee").isNull()).isTrue();
            }
        }
    }

    @Test
    void aBotThatIsBothAssigneeAndInboxBotGetsEachEventOnce() {
        try (BevatelSimulator sim = servedBy("/bot").start()) {
            Http http = new Http(sim);
            Receiver echo = Receiver.agentBot(sim.agentBot("Echo").id());
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Cal", "+15550300003"));
            assertThat(conversation(http, conversation).at("/meta/assignee/id").asLong()).isEqualTo(echo.id());
            incoming(http, conversation, "one");
            incoming(http, conversation, "two");

            // One receiver, one lane: once "two" is recorded, everything before it is.
            sim.webhooks().await(1, content(echo, "message_created", "two"), WAIT);
            assertThat(sim.webhooks().byReceiver(echo)).extracting(d -> d.payload().get("content").asText())
                    .containsExactly("one", "two");
            assertThat(receiver.received("/bot")).hasSize(2);
        }
    }

    @Test
    void theAssigneeBotAndADifferentInboxBotEachGetTheEventOnce() {
        try (BevatelSimulator sim = servedBy("/echo")
                .agentBot(AgentBotSetup.named("Triage").outgoingUrl(receiver.url("/triage"))).start()) {
            Http http = new Http(sim);
            AgentBot echoBot = sim.agentBot("Echo");
            AgentBot triageBot = sim.agentBot("Triage");
            Receiver echo = Receiver.agentBot(echoBot.id());
            Receiver triage = Receiver.agentBot(triageBot.id());
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Dan", "+15550300004"));
            Http.ok(http.post(Http.account("/conversations/" + conversation + "/assignments"),
                    "{\"assignee_id\":" + triageBot.id() + ",\"assignee_type\":\"AgentBot\"}"));
            incoming(http, conversation, "both");
            incoming(http, conversation, "marker");

            Delivery toTriage = sim.webhooks().await(1, content(triage, "message_created", "both"), WAIT).get(0);
            Delivery toEcho = sim.webhooks().await(1, content(echo, "message_created", "both"), WAIT).get(0);
            assertThat(toTriage.requestBody()).isEqualTo(toEcho.requestBody());
            assertThat(toTriage.deliveryId()).isNotEqualTo(toEcho.deliveryId());
            assertThat(toTriage.payload().at("/conversation/meta/assignee/id").asLong()).isEqualTo(triageBot.id());

            sim.webhooks().await(1, content(triage, "message_created", "marker"), WAIT);
            sim.webhooks().await(1, content(echo, "message_created", "marker"), WAIT);
            for (Receiver bot : List.of(triage, echo)) {
                assertThat(sim.webhooks().matching(to(bot, "message_created")))
                        .extracting(d -> d.payload().get("content").asText()).containsExactly("both", "marker");
            }
            // The assignment itself: conversation_updated to both (the new assignee first in Chatwoot's list).
            assertThat(sim.webhooks().byReceiver(triage)).extracting(Delivery::event).first().isEqualTo("conversation_updated");
            TestReceiver.Received request = receiver.received("/triage").get(1);
            assertThat(request.header("X-Chatwoot-Signature")).isEqualTo(
                    Signatures.expected(triageBot.secret(), request.header("X-Chatwoot-Timestamp"), request.body()));
        }
    }

    @Test
    void aBotWithoutAnOutgoingUrlIsSentNothing() {
        try (BevatelSimulator sim = BevatelSimulator.builder().agentBotRetryWait(RETRY_WAIT)
                .agentBot(AgentBotSetup.named("Mute").servingApiInbox()).start()) {
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, receiver.url("/account"), "message_created", "conversation_status_changed");
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Eve", "+15550300005"));
            incoming(http, conversation, "anyone?");
            Http.ok(http.post(Http.account("/conversations/" + conversation + "/toggle_status"), "{\"status\":\"resolved\"}"));

            sim.webhooks().await(1, to(Receiver.accountWebhook(1), "conversation_status_changed"), WAIT);
            assertThat(sim.webhooks().all()).extracting(Delivery::receiver).containsOnly(Receiver.accountWebhook(1));
            assertThat(conversation(http, conversation).get("status").asText()).isEqualTo("resolved");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 429})
    void a500Or429IsTriedThreeTimesThenThePendingConversationIsOpened(int status) {
        receiver.respondWith("/bot", status);
        try (BevatelSimulator sim = servedBy("/bot").start()) {
            Http http = new Http(sim);
            Receiver echo = Receiver.agentBot(sim.agentBot("Echo").id());
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Fay", "+15550300006"));
            long message = incoming(http, conversation, "are you there?");

            List<Delivery> attempts = sim.webhooks().await(3, to(echo, "message_created"), WAIT);
            assertThat(attempts).extracting(Delivery::attempt).containsExactly(1, 2, 3);
            assertThat(attempts).extracting(Delivery::responseStatus).containsOnly(status);
            assertThat(attempts).extracting(Delivery::failure).containsOnly(WebhookSender.statusLine(status));
            assertThat(attempts).extracting(Delivery::deliveryId).containsOnly(attempts.get(0).deliveryId());
            assertThat(attempts).extracting(Delivery::requestBody).containsOnly(attempts.get(0).requestBody());
            // What opening the conversation sends the bot may already be arriving behind them.
            assertThat(receiver.events("/bot")).filteredOn("message_created"::equals).hasSize(3);

            // Committed before the last attempt was recorded.
            JsonNode opened = conversation(http, conversation);
            assertThat(opened.get("status").asText()).isEqualTo("open");
            assertThat(opened.at("/meta/assignee_type").asText()).as("the bot stays assigned").isEqualTo("AgentBot");
            List<JsonNode> messages = messages(http, conversation);
            JsonNode activity = messages.get(messages.size() - 1);
            assertThat(activity.get("content").asText()).isEqualTo(BOT_ERROR);
            assertThat(activity.get("message_type").asInt()).isEqualTo(2);
            assertThat(activity.has("sender")).isFalse();
            JsonNode original = messages.stream().filter(m -> m.get("id").asLong() == message).findFirst().orElseThrow();
            assertThat(original.get("status").asText()).as("a bot failure leaves the message alone").isEqualTo("sent");

            // Opening it is a change like any other: the bot (still assignee and inbox bot) is sent it.
            sim.webhooks().await(1, to(echo, "conversation_opened"), WAIT);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {503, 404})
    void anyOtherFailureIsFinalAtOnce(int status) {
        receiver.respondWith("/bot", status, 200);
        try (BevatelSimulator sim = servedBy("/bot").start()) {
            Http http = new Http(sim);
            Receiver echo = Receiver.agentBot(sim.agentBot("Echo").id());
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Gus", "+15550300007"));
            incoming(http, conversation, "hello?");

            // The next delivery to the bot (answered 200) comes after the failed one and its only attempt.
            sim.webhooks().await(1, to(echo, "conversation_opened"), WAIT);
            List<Delivery> created = sim.webhooks().matching(to(echo, "message_created"));
            assertThat(created).singleElement().satisfies(d -> {
                assertThat(d.attempt()).isEqualTo(1);
                assertThat(d.failure()).isEqualTo(WebhookSender.statusLine(status));
            });
            assertThat(conversation(http, conversation).get("status").asText()).isEqualTo("open");
            List<JsonNode> messages = messages(http, conversation);
            assertThat(messages.get(messages.size() - 1).get("content").asText()).isEqualTo(BOT_ERROR);
        }
    }

    @Test
    void keepPendingOnBotFailureLeavesTheConversationPending() {
        receiver.respondWith("/bot", 404);
        try (BevatelSimulator sim = servedBy("/bot").keepPendingOnBotFailure(true).start()) {
            Http http = new Http(sim);
            Receiver echo = Receiver.agentBot(sim.agentBot("Echo").id());
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Hal", "+15550300008"));
            incoming(http, conversation, "still there?");

            assertThat(sim.webhooks().await(1, to(echo, "message_created"), WAIT).get(0).succeeded()).isFalse();
            assertThat(conversation(http, conversation).get("status").asText()).isEqualTo("pending");
            assertThat(messages(http, conversation)).extracting(m -> m.get("content").asText()).doesNotContain(BOT_ERROR);
        }
    }

    @Test
    void aRetryThatSucceedsChangesNothing() {
        receiver.respondWith("/bot", 500, 200);
        try (BevatelSimulator sim = servedBy("/bot").start()) {
            Http http = new Http(sim);
            Receiver echo = Receiver.agentBot(sim.agentBot("Echo").id());
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Ivy", "+15550300009"));
            incoming(http, conversation, "second time lucky");

            List<Delivery> attempts = sim.webhooks().await(1, to(echo, "message_created").and(Delivery::succeeded), WAIT);
            assertThat(sim.webhooks().matching(to(echo, "message_created")))
                    .extracting(Delivery::attempt, Delivery::responseStatus)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 500), org.assertj.core.groups.Tuple.tuple(2, 200));
            assertThat(attempts.get(0).deliveryId()).isEqualTo(receiver.received("/bot").get(0).header("X-Chatwoot-Delivery"));
            assertThat(conversation(http, conversation).get("status").asText()).isEqualTo("pending");
            assertThat(messages(http, conversation)).extracting(m -> m.get("content").asText()).doesNotContain(BOT_ERROR);
        }
    }

    @Test
    void webhookRetriesDoNotApplyToBotsAndBotRetriesDoNotApplyToWebhooks() {
        receiver.respondWith("/bot", 503).respondWith("/account", 500);
        try (BevatelSimulator sim = servedBy("/bot").webhookRetries(2, Duration.ofMillis(10)).start()) {
            Http http = new Http(sim);
            Receiver echo = Receiver.agentBot(sim.agentBot("Echo").id());
            WebhookTestSupport.addWebhook(http, receiver.url("/account"), "message_created");
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, "Jo", "+15550300010"));
            incoming(http, conversation, "who retries?");

            sim.webhooks().await(1, to(echo, "conversation_opened"), WAIT);
            assertThat(sim.webhooks().matching(to(echo, "message_created"))).extracting(Delivery::attempt).containsExactly(1);
            assertThat(sim.webhooks().await(2, to(Receiver.accountWebhook(1), "message_created"), WAIT))
                    .extracting(Delivery::attempt).containsExactly(1, 2);
        }
    }
}
