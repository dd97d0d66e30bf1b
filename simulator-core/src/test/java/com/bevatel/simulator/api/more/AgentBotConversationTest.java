package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.webhook.Receiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An inbox's bot and the conversations it serves, over HTTP, as Chatwoot 4.16.2 has them:
 * inboxes_controller.rb#agent_bot and #set_agent_bot, app/models/conversation.rb
 * (set_active_bot_conversation, bot_handoff!), app/models/message.rb (reopen_resolved_conversation),
 * conversations_controller.rb#toggle_status (handle_human_open), and the bot as sender, assignee and
 * typist in REST views and account webhooks. The world: administrator "admin-token", agents Sam and
 * Kim, bot "Helper Bot" (id 1, token "bot-token"), an account webhook to the sink "bots".
 */
@ExtendWith(WorldPerTest.class)
class AgentBotConversationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SLIM = "{\"id\":1,\"name\":\"Helper Bot\",\"description\":null,\"thumbnail\":\"\","
            + "\"outgoing_url\":null,\"bot_type\":\"webhook\"}";
    private static final String PUSH = "{\"id\":1,\"name\":\"Helper Bot\",\"avatar_url\":\"\",\"type\":\"agent_bot\"}";
    private static final String WEBHOOK = "{\"id\":1,\"name\":\"Helper Bot\",\"type\":\"agent_bot\"}";
    private static final String SYSTEM_REOPENED = "System reopened the conversation due to a new incoming message.";

    World world;
    Receiver hook;

    @BeforeEach
    void start() {
        long id = Http.ok(world.admin.post(Http.account("/webhooks"), "{\"webhook\":{\"url\":\"" + world.sim.sinkUrl("bots")
                + "\",\"subscriptions\":[\"conversation_created\",\"message_created\",\"conversation_typing_on\"]}}"))
                .at("/payload/webhook/id").asLong();
        hook = Receiver.accountWebhook(id);
    }

    private Http.Result serve(long inbox, String bot) {
        return world.admin.post(Http.account("/inboxes/" + inbox + "/set_agent_bot"), "{\"agent_bot\":" + bot + "}");
    }

    /** The n-th payload of {@code event} the account webhook was sent. */
    private JsonNode delivered(String event, int nth) {
        return world.sim.webhooks().await(nth, d -> d.receiver().equals(hook) && d.event().equals(event), WAIT)
                .get(nth - 1).payload();
    }

    /** set_agent_bot attaches, replaces and detaches (200, no body); an unknown bot is 404 and changes nothing. */
    @Test
    void anInboxHasNoBotOneBotOrAnotherAndTheAgentBotRouteShowsIt() {
        String inboxBot = Http.account("/inboxes/1/agent_bot");
        assertThat(world.admin.get(inboxBot).body()).as("no bot: jbuilder drops the empty block").isEqualTo("{}");

        Http.Result attached = serve(1, "1");
        assertThat(attached.status()).isEqualTo(200);
        assertThat(attached.body()).isEmpty();
        assertThat(world.admin.get(inboxBot).body())
                .isEqualTo("{\"agent_bot\":" + world.admin.get(Http.account("/agent_bots/1")).body() + "}");
        assertThat(world.sam.get(inboxBot).body())
                .isEqualTo("{\"agent_bot\":" + world.sam.get(Http.account("/agent_bots/1")).body() + "}");
        long taken = world.conversation("Alice");

        long second = Http.ok(world.admin.post(Http.account("/agent_bots"), "{\"name\":\"Second Bot\"}")).get("id").asLong();
        assertThat(serve(1, Long.toString(second)).status()).isEqualTo(200);
        assertThat(world.admin.get(inboxBot).json().at("/agent_bot/name").asText()).isEqualTo("Second Bot");
        assertThat(serve(1, "999").body()).isEqualTo(RolesAndBotsTest.NOT_FOUND);
        assertThat(world.admin.get(inboxBot).json().at("/agent_bot/id").asLong()).isEqualTo(second);

        Http.Result detached = serve(1, "null");
        assertThat(detached.status()).isEqualTo(200);
        assertThat(detached.body()).isEmpty();
        assertThat(world.admin.get(inboxBot).body()).isEqualTo("{}");
        assertThat(world.admin.post(Http.account("/inboxes/1/set_agent_bot"), null).status()).as("no agent_bot: detach").isEqualTo(200);
        assertThat(world.show(taken).at("/meta/assignee").toString()).as("conversations keep the bot they had").isEqualTo(SLIM);
        assertThat(world.show(world.conversation("Bob")).get("status").asText()).isEqualTo("open");
    }

    /** Deleting an inbox takes its bot attachment with it; the bot stays and can serve another inbox. */
    @Test
    void deletingAnInboxDetachesItsBot() {
        long inbox = Http.ok(world.admin.post(Http.account("/inboxes"), "{\"name\":\"Short-lived\",\"channel\":{\"type\":\"api\"}}"))
                .get("id").asLong();
        assertThat(serve(inbox, "1").status()).isEqualTo(200);
        Http.ok(world.admin.delete(Http.account("/inboxes/" + inbox)));
        assertThat(world.admin.get(Http.account("/inboxes/" + inbox + "/agent_bot")).body()).isEqualTo(RolesAndBotsTest.NOT_FOUND);
        assertThat(world.admin.get(Http.account("/agent_bots/1")).status()).isEqualTo(200);
        assertThat(serve(1, "1").status()).isEqualTo(200);
        assertThat(world.admin.get(Http.account("/inboxes/1/agent_bot")).json().at("/agent_bot/id").asLong()).isEqualTo(1);
    }

    /**
     * set_active_bot_conversation: a new conversation in a bot's inbox is pending whatever status was asked,
     * assigned to the bot unless a person is; REST shows the slim partial, webhooks the push shape.
     */
    @Test
    void aNewConversationInABotsInboxIsPendingWithTheBotAsAssignee() {
        serve(1, "1");
        String source = world.contact("{\"inbox_id\":1,\"name\":\"Alice\"}").at("/contact_inboxes/0/source_id").asText();
        JsonNode created = Http.ok(world.admin.post(Http.account("/conversations"), "{\"source_id\":\"" + source
                + "\",\"inbox_id\":1,\"status\":\"open\"}"));
        assertThat(created.get("status").asText()).isEqualTo("pending");
        assertThat(created.at("/meta/assignee").toString()).isEqualTo(SLIM);
        assertThat(created.at("/meta/assignee_type").asText()).isEqualTo("AgentBot");
        long id = created.get("id").asLong();
        assertThat(world.show(id).get("meta")).isEqualTo(created.get("meta"));
        JsonNode payload = delivered("conversation_created", 1);
        assertThat(payload.at("/meta/assignee").toString()).isEqualTo(PUSH);
        assertThat(payload.at("/meta/assignee_type").asText()).isEqualTo("AgentBot");
        assertThat(payload.get("status").asText()).isEqualTo("pending");

        long sam = world.sim.user("Sam Agent").id();
        JsonNode toSam = Http.ok(world.admin.post(Http.account("/conversations"), "{\"source_id\":\"" + source
                + "\",\"inbox_id\":1,\"assignee_id\":" + sam + "}"));
        assertThat(toSam.get("status").asText()).as("pending, but the person keeps it").isEqualTo("pending");
        assertThat(toSam.at("/meta/assignee/name").asText()).isEqualTo("Sam Agent");
        assertThat(toSam.at("/meta/assignee_type").asText()).isEqualTo("User");

        String contacts = "/public/api/v1/inboxes/" + world.sim.apiInbox().identifier() + "/contacts";
        String visitor = Http.ok(world.admin.withToken(null).post(contacts, "{\"name\":\"Visitor\"}")).get("source_id").asText();
        long widget = Http.ok(world.admin.withToken(null).post(contacts + "/" + visitor + "/conversations", "{}")).get("id").asLong();
        assertThat(world.show(widget).get("status").asText()).isEqualTo("pending");
        assertThat(world.show(widget).at("/meta/assignee").toString()).isEqualTo(SLIM);

        JsonNode plain = world.show(conversationInABotlessInbox());
        assertThat(plain.get("status").asText()).isEqualTo("open");
        assertThat(plain.at("/meta/assignee").isMissingNode()).isTrue();
    }

    /** A conversation, asked to be open, in a new inbox no bot serves; returns its display id. */
    private long conversationInABotlessInbox() {
        long inbox = Http.ok(world.admin.post(Http.account("/inboxes"), "{\"name\":\"No bot\",\"channel\":{\"type\":\"api\"}}"))
                .get("id").asLong();
        long contact = world.contact("{\"inbox_id\":" + inbox + ",\"name\":\"Olga\"}").get("id").asLong();
        return Http.ok(world.admin.post(Http.account("/conversations"), "{\"inbox_id\":" + inbox + ",\"contact_id\":"
                + contact + ",\"status\":\"open\"}")).get("id").asLong();
    }

    /**
     * reopen_resolved_conversation: in a bot's inbox a resolved conversation goes back to pending for the
     * bot, not open, and without "System reopened …"; elsewhere it opens with it.
     */
    @Test
    void anIncomingMessageReopensAResolvedBotConversationAsPending() {
        serve(1, "1");
        long served = world.conversation("Alice");
        long plain = conversationInABotlessInbox();
        for (long conversation : new long[] {served, plain}) {
            world.admin.post(Http.account("/conversations/" + conversation + "/toggle_status"), "{\"status\":\"resolved\"}");
            world.incoming(conversation, "Back again");
        }
        JsonNode pending = world.show(served);
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.at("/meta/assignee").toString()).isEqualTo(SLIM);
        assertThat(world.contents(served)).doesNotContain(SYSTEM_REOPENED)
                .contains("Conversation was marked as pending by Bevatel Admin");
        assertThat(world.show(plain).get("status").asText()).isEqualTo("open");
        assertThat(world.contents(plain)).contains(SYSTEM_REOPENED);

        // From the Client API there is no user to name: pending, and no activity at all.
        world.admin.post(Http.account("/conversations/" + served + "/toggle_status"), "{\"status\":\"resolved\"}");
        long contact = world.show(served).at("/meta/sender/id").asLong();
        String sourceId = world.admin.get(Http.account("/contacts/" + contact)).json().at("/payload/contact_inboxes/0/source_id").asText();
        int before = world.contents(served).size();
        Http.ok(world.admin.withToken(null).post("/public/api/v1/inboxes/" + world.sim.apiInbox().identifier() + "/contacts/"
                + sourceId + "/conversations/" + served + "/messages", "{\"content\":\"From the widget\"}"));
        assertThat(world.show(served).get("status").asText()).isEqualTo("pending");
        assertThat(world.contents(served)).hasSize(before + 1).endsWith("From the widget");
    }

    /** bot_handoff!: the bot opening its pending conversation lets go of it; toggle_status answers success null. */
    @Test
    void theBotHandsOffByOpeningItsPendingConversation() {
        serve(1, "1");
        long conversation = world.conversation("Alice");
        String base = Http.account("/conversations/" + conversation);
        Http.Result handoff = world.bot.post(base + "/toggle_status", "{\"status\":\"open\"}");
        assertThat(handoff.body()).isEqualTo("{\"meta\":{},\"payload\":{\"success\":null,\"conversation_id\":" + conversation
                + ",\"current_status\":\"open\",\"snoozed_until\":null}}");
        JsonNode opened = world.show(conversation);
        assertThat(opened.get("status").asText()).isEqualTo("open");
        assertThat(opened.at("/meta/assignee").isMissingNode()).isTrue();
        assertThat(world.contents(conversation)).contains("Conversation was reopened by Helper Bot");

        // Without a status it is a plain toggle (spec/controllers/api/base_controller_spec.rb): open, the bot kept.
        long toggled = world.conversation("Bob");
        Http.Result plain = world.bot.post(Http.account("/conversations/" + toggled + "/toggle_status"), "{}");
        assertThat(plain.json().at("/payload/success").asBoolean()).isTrue();
        assertThat(world.show(toggled).get("status").asText()).isEqualTo("open");
        assertThat(world.show(toggled).at("/meta/assignee").toString()).isEqualTo(SLIM);
    }

    /** handle_human_open: a person opening a bot's conversation takes it from the bot; an agent takes it for themselves. */
    @Test
    void anAdministratorOpeningClearsTheBotAnAgentTakesTheConversation() {
        serve(1, "1");
        long byAdmin = world.conversation("Alice");
        long bySam = world.conversation("Bob");
        world.admin.post(Http.account("/conversations/" + byAdmin + "/toggle_status"), "{\"status\":\"open\"}");
        JsonNode opened = world.show(byAdmin);
        assertThat(opened.get("status").asText()).isEqualTo("open");
        assertThat(opened.at("/meta/assignee").isMissingNode()).as("no bot, and the administrator is not assigned").isTrue();

        world.sam.post(Http.account("/conversations/" + bySam + "/toggle_status"), "{\"status\":\"open\"}");
        JsonNode taken = world.show(bySam);
        assertThat(taken.get("status").asText()).isEqualTo("open");
        assertThat(taken.at("/meta/assignee/name").asText()).isEqualTo("Sam Agent");
        assertThat(taken.at("/meta/assignee_type").asText()).isEqualTo("User");
    }

    /**
     * A bot's message names it: push_event_data in REST and the Client API, webhook_data in the account
     * webhook. An administrator may write as the account's bot (sender_type AgentBot), not as an unknown one.
     */
    @Test
    void aBotsMessageNamesTheBotAsSender() {
        long conversation = world.conversation("Alice");
        String messages = Http.account("/conversations/" + conversation + "/messages");
        JsonNode said = Http.ok(world.bot.post(messages, "{\"content\":\"Beep\"}"));
        assertThat(said.get("sender").toString()).isEqualTo(PUSH);
        assertThat(said.get("message_type").asInt()).as("outgoing by default").isEqualTo(1);
        assertThat(world.admin.get(messages).json().get("payload").get(0).get("sender").toString()).isEqualTo(PUSH);
        JsonNode payload = delivered("message_created", 1);
        assertThat(payload.get("content").asText()).isEqualTo("Beep");
        assertThat(payload.get("sender").toString()).isEqualTo(WEBHOOK);

        JsonNode asBot = Http.ok(world.admin.post(messages, "{\"content\":\"On its behalf\",\"sender_type\":\"AgentBot\",\"sender_id\":1}"));
        assertThat(asBot.get("sender").toString()).isEqualTo(PUSH);
        JsonNode unknown = Http.ok(world.admin.post(messages, "{\"content\":\"Mine\",\"sender_type\":\"AgentBot\",\"sender_id\":999}"));
        assertThat(unknown.at("/sender/type").asText()).isEqualTo("user");

        long contact = world.show(conversation).at("/meta/sender/id").asLong();
        String sourceId = world.admin.get(Http.account("/contacts/" + contact)).json()
                .at("/payload/contact_inboxes/0/source_id").asText();
        String publicMessages = "/public/api/v1/inboxes/" + world.sim.apiInbox().identifier() + "/contacts/" + sourceId
                + "/conversations/" + conversation + "/messages";
        JsonNode shown = Http.ok(world.admin.withToken(null).get(publicMessages));
        assertThat(shown.get(0).get("content").asText()).isEqualTo("Beep");
        assertThat(shown.get(0).get("sender").toString()).isEqualTo(PUSH);
    }

    /** A typing bot is the typing event's user, in its webhook shape. */
    @Test
    void aTypingBotIsTheTypingEventsUser() {
        long conversation = world.conversation("Alice");
        Http.Result typing = world.bot.post(Http.account("/conversations/" + conversation + "/toggle_typing_status"),
                "{\"typing_status\":\"on\"}");
        assertThat(typing.status()).isEqualTo(200);
        JsonNode payload = delivered("conversation_typing_on", 1);
        assertThat(payload.get("user").toString()).isEqualTo(WEBHOOK);
        assertThat(payload.get("is_private").asBoolean()).isFalse();
        assertThat(payload.at("/conversation/id").asLong()).isEqualTo(conversation);
    }
}
