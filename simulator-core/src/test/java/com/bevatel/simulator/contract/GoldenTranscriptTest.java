package com.bevatel.simulator.contract;

import static com.bevatel.simulator.Http.account;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.webhook.Receiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact transcripts of two whole flows, with a fixed seed and clock, each step followed by the
 * webhook deliveries it caused (to the simulator's own sinks: an account webhook subscribed to every
 * event and the API inbox callback): the guide's end-to-end example (inbox to reopen) and a Client API
 * conversation (app/controllers/public/api/v1/inboxes/). A renamed key, a changed value format, a reordered field, a different id or
 * signature, a missing or extra delivery anywhere in them fails here with the first differing line.
 * Regenerate after a deliberate change:
 * {@code mvn -B -pl simulator-core test -Dtest=GoldenTranscriptTest -Dgolden.update=true}
 */
class GoldenTranscriptTest {
    private static final long SEED = 9;
    private static final Instant START = Instant.parse("2026-08-18T10:00:00.123456Z");
    private static final Duration STEP = Duration.ofMillis(1500);
    private static final String SETUP = "seed " + SEED + ", clock starting at " + START + ", advancing " + STEP.toMillis()
            + " ms per write; account 1, administrator token as seeded";

    /** Every event an account webhook can subscribe to: each step's deliveries all show. */
    private static final String ALL_EVENTS = "[\"conversation_created\",\"conversation_status_changed\","
            + "\"conversation_updated\",\"contact_created\",\"contact_updated\",\"message_created\",\"message_updated\","
            + "\"webwidget_triggered\",\"inbox_created\",\"inbox_updated\",\"conversation_typing_on\",\"conversation_typing_off\"]";

    private static BevatelSimulator.Builder simulator() {
        return BevatelSimulator.builder().seed(SEED).startTime(START).clockStep(STEP);
    }

    /** Step 1 of both flows: an account webhook at the simulator's sink "account", subscribed to everything. */
    private static void subscribe(Transcript t, BevatelSimulator sim, Http app) {
        t.step("The integrator subscribes an account webhook to every event", app, "POST", account("/webhooks"),
                "{\"webhook\":{\"url\":\"" + sim.sinkUrl("account") + "\",\"subscriptions\":" + ALL_EVENTS + "}}");
    }

    @Test
    void guideFlow() {
        try (BevatelSimulator sim = simulator().start()) {
            Http app = new Http(sim);
            Transcript t = new Transcript(sim, "The guide's flow: the API channel end to end, with the webhook deliveries of each step",
                    SETUP + "; receivers: the simulator's sinks");
            subscribe(t, sim, app);
            JsonNode inbox = t.step("Create an API inbox whose callback is the sink \"callback\"", app, "POST", account("/inboxes"),
                    "{\"name\":\"Bevatel API\",\"channel\":{\"type\":\"api\",\"webhook_url\":\"" + sim.sinkUrl("callback") + "\"}}");
            long inboxId = inbox.get("id").asLong();
            t.receiver(Receiver.apiInbox(inboxId)).receiver(Receiver.accountWebhook(1));
            JsonNode contact = t.step("Create a contact in it", app, "POST", account("/contacts"),
                    "{\"inbox_id\":" + inboxId + ",\"name\":\"Alice\",\"phone_number\":\"+15550001111\"}");
            String sourceId = contact.at("/payload/contact_inbox/source_id").asText();
            long conversation = t.step("Open a conversation for the contact", app, "POST", account("/conversations"),
                    "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":" + inboxId + "}").get("id").asLong();
            String messages = account("/conversations/" + conversation + "/messages");
            t.step("The integrator posts the customer's message", app, "POST", messages,
                    "{\"content\":\"Hi, my order is late\",\"message_type\":\"incoming\"}");
            long reply = t.step("An agent replies", app, "POST", messages,
                    "{\"content\":\"On its way\",\"message_type\":\"outgoing\"}").get("id").asLong();
            t.step("The integrator acknowledges delivery", app, "PATCH", messages + "/" + reply, "{\"status\":\"delivered\"}");
            t.step("The agent resolves", app, "POST", account("/conversations/" + conversation + "/toggle_status"),
                    "{\"status\":\"resolved\"}");
            t.step("A new incoming message reopens it", app, "POST", messages,
                    "{\"content\":\"Still there?\",\"message_type\":\"incoming\"}");
            t.step("The conversation now", app, "GET", account("/conversations/" + conversation), null);
            JsonNode all = t.step("Its messages, activity included", app, "GET", messages, null);
            t.step("The agent starts typing", app, "POST", account("/conversations/" + conversation + "/toggle_typing_status"),
                    "{\"typing_status\":\"on\"}");

            assertThat(all.get("payload")).extracting(m -> m.get("content").asText()).containsExactly(
                    "Hi, my order is late", "On its way", "Conversation was marked resolved by Bevatel Admin",
                    "Still there?", "System reopened the conversation due to a new incoming message.");
            t.assertMatchesGolden("guide-flow.txt");
        }
    }

    @Test
    void clientApiFlow() {
        try (BevatelSimulator sim = simulator().apiInboxWebhookSink("callback").start()) {
            Http app = new Http(sim);
            Http widget = app.withToken(null);
            Transcript t = new Transcript(sim, "Client API flow: a contact talks to the API inbox through the Client API, with the "
                    + "webhook deliveries of each step", SETUP + "; receivers: the simulator's sinks (the seeded inbox's callback is "
                    + "the sink \"callback\")");
            t.receiver(Receiver.apiInbox(sim.apiInbox().id())).receiver(Receiver.accountWebhook(1));
            subscribe(t, sim, app);
            String inbox = "/public/api/v1/inboxes/" + sim.apiInbox().identifier();
            t.step("The widget reads the inbox", widget, "GET", inbox, null);
            String sourceId = t.step("It creates its contact", widget, "POST", inbox + "/contacts",
                    "{\"identifier\":\"user-7\",\"name\":\"Bob\",\"email\":\"bob@example.com\"}").get("source_id").asText();
            String contact = inbox + "/contacts/" + sourceId;
            t.step("It reads the contact back", widget, "GET", contact, null);
            t.step("It adds a phone number", widget, "PATCH", contact, "{\"phone_number\":\"+15550002222\"}");
            long id = t.step("It opens a conversation", widget, "POST", contact + "/conversations",
                    "{\"custom_attributes\":{\"order\":\"A-1001\"}}").get("id").asLong();
            String conversation = contact + "/conversations/" + id;
            t.step("The contact writes", widget, "POST", conversation + "/messages",
                    "{\"content\":\"Where is my order <A-1001>?\",\"echo_id\":\"e-1\"}");
            t.step("An agent answers through the Application API", app, "POST",
                    account("/conversations/" + id + "/messages"), "{\"content\":\"Shipped today & arriving tomorrow\"}");
            t.step("The contact starts typing", widget, "POST", conversation + "/toggle_typing", "{\"typing_status\":\"on\"}");
            t.step("The contact has seen the answer", widget, "POST", conversation + "/update_last_seen", null);
            JsonNode seen = t.step("The messages as the widget sees them", widget, "GET", conversation + "/messages", null);
            t.step("The contact resolves the conversation", widget, "POST", conversation + "/toggle_status", null);
            t.step("The contact's conversations", widget, "GET", contact + "/conversations", null);
            t.step("The agent's view of the messages", app, "GET", account("/conversations/" + id + "/messages"), null);
            t.step("The contact stops typing", widget, "POST", conversation + "/toggle_typing", "{\"typing_status\":\"off\"}");

            assertThat(seen).extracting(m -> m.get("content").asText())
                    .containsExactly("Where is my order <A-1001>?", "Shipped today & arriving tomorrow");
            t.assertMatchesGolden("client-api-flow.txt");
        }
    }
}
