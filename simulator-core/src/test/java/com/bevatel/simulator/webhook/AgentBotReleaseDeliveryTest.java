package com.bevatel.simulator.webhook;

import static com.bevatel.simulator.webhook.WebhookTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.AgentBotSetup;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which bots hear of a conversation leaving its assignee bot. Chatwoot's AgentBotListener runs inside each
 * save's after-commit callback (app/dispatchers/sync_dispatcher.rb) and picks the bots from that save's
 * object (app/listeners/agent_bot_listener.rb#agent_bots_for). A person opening a pending conversation
 * saves twice (app/controllers/api/v1/accounts/conversations_controller.rb: the status, then
 * handle_human_open), so the assignee bot still hears of the opening; an assignment to a person
 * (app/services/conversations/assignment_service.rb) and a bot's handoff (Conversation#bot_handoff!) clear
 * the bot in the save that opens it, so only the inbox's bot does.
 */
class AgentBotReleaseDeliveryTest {
    private static final String AGENT_TOKEN = "ada-token";

    /** A new one for each test (JUnit makes an instance per test). */
    private final TestReceiver receiver = new TestReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** "Triage" serves the API inbox; "Sales" serves none; Ada is an agent of the inbox. */
    private BevatelSimulator twoBots() {
        return BevatelSimulator.builder().agent("Ada Agent", "ada@acme.test", AGENT_TOKEN)
                .agentBot(AgentBotSetup.named("Triage").outgoingUrl(receiver.url("/triage")).servingApiInbox())
                .agentBot(AgentBotSetup.named("Sales").outgoingUrl(receiver.url("/sales")).accessToken("sales-token"))
                .start();
    }

    /** One simulator of {@link #twoBots}: requests as its administrator, the bots' journal receivers. */
    private static final class Scene {
        final BevatelSimulator sim;
        final Http http;
        final Receiver sales;
        final Receiver triage;

        Scene(BevatelSimulator sim) {
            this.sim = sim;
            this.http = new Http(sim);
            this.sales = Receiver.agentBot(sim.agentBot("Sales").id());
            this.triage = Receiver.agentBot(sim.agentBot("Triage").id());
        }

        /** A new conversation of the inbox (pending, Triage's), handed to the bot Sales. */
        long salesConversation(String name, String phone) {
            long conversation = WebhookTestSupport.conversation(http, WebhookTestSupport.contact(http, name, phone));
            assignToBot(conversation, "Sales");
            JsonNode meta = Http.ok(http.get(Http.account("/conversations/" + conversation))).get("meta");
            assertThat(meta.at("/assignee/name").asText()).isEqualTo("Sales");
            return conversation;
        }

        void assignToBot(long conversation, String name) {
            Http.ok(http.post(Http.account("/conversations/" + conversation + "/assignments"),
                    "{\"assignee_id\":" + sim.agentBot(name).id() + ",\"assignee_type\":\"AgentBot\"}"));
        }

        /** The deliveries to {@code receiver} from the {@code skip}-th on, once {@code total} were recorded. */
        List<Delivery> from(Receiver receiver, int skip, int total) {
            return sim.webhooks().await(total, d -> d.receiver().equals(receiver), WAIT).subList(skip, total);
        }
    }

    private static List<String> events(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::event).toList();
    }

    @ParameterizedTest(name = "opened by an {0}")
    @ValueSource(strings = {"administrator", "agent"})
    void aPersonOpeningItTellsTheAssigneeBotAndTheInboxBotThenOnlyTheInboxBotThatTheBotLetGo(String opener) {
        try (BevatelSimulator sim = twoBots()) {
            Scene scene = new Scene(sim);
            WebhookTestSupport.addWebhook(scene.http, receiver.url("/account"),
                    "conversation_status_changed", "conversation_updated");
            long conversation = scene.salesConversation("Ann", "+15550400001");
            // Its assignment was one conversation_updated to each bot (and to the account webhook).
            Http person = opener.equals("agent") ? scene.http.withToken(AGENT_TOKEN) : scene.http;
            Http.ok(person.post(Http.account("/conversations/" + conversation + "/toggle_status"), "{\"status\":\"open\"}"));
            // Handing it back to Sales afterwards: what follows the opening in each bot's queue.
            scene.assignToBot(conversation, "Sales");

            List<Delivery> toSales = scene.from(scene.sales, 1, 6);
            assertThat(events(toSales)).containsExactly("conversation_opened", "conversation_status_changed",
                    "conversation_updated", "conversation_status_changed", "conversation_updated");
            List<Delivery> toTriage = scene.from(scene.triage, 1, 7);
            assertThat(events(toTriage)).containsExactly("conversation_opened", "conversation_status_changed",
                    "conversation_updated", "conversation_updated", "conversation_status_changed", "conversation_updated");

            // The first save's events show the conversation as that save left it: open, still Sales's.
            for (List<Delivery> toBot : List.of(toSales, toTriage)) {
                for (Delivery opening : toBot.subList(0, 3)) {
                    assertThat(opening.payload().get("status").asText()).isEqualTo("open");
                    assertThat(opening.payload().at("/meta/assignee/name").asText()).isEqualTo("Sales");
                    assertThat(opening.payload().at("/meta/assignee_type").asText()).isEqualTo("AgentBot");
                }
                assertThat(toBot.get(0).requestBody()).as("both bots get the same bytes")
                        .isEqualTo(toSales.get(0).requestBody());
            }
            assertThat(toTriage.get(2).payload().get("changed_attributes").findValues("status")).isNotEmpty();

            // The second save (handle_human_open) reaches the inbox's bot alone: Sales is no longer named.
            JsonNode letGo = toTriage.get(3).payload();
            assertThat(letGo.get("changed_attributes").findValue("assignee_agent_bot_id").get("previous_value").asLong())
                    .isEqualTo(scene.sales.id());
            assertThat(letGo.get("changed_attributes").findValue("assignee_agent_bot_id").get("current_value").isNull())
                    .isTrue();
            if (opener.equals("agent")) {
                assertThat(letGo.at("/meta/assignee/name").asText()).isEqualTo("Ada Agent");
            } else {
                assertThat(letGo.at("/meta/assignee").isNull()).isTrue();
            }

            // The account webhook's copies are built from the committed state: the bot is gone from all of them.
            List<Delivery> toAccount = scene.from(Receiver.accountWebhook(1), 1, 6);
            assertThat(events(toAccount)).containsExactly("conversation_status_changed", "conversation_updated",
                    "conversation_updated", "conversation_status_changed", "conversation_updated");
            assertThat(toAccount.subList(0, 3)).allSatisfy(d ->
                    assertThat(d.payload().at("/meta/assignee_type").asText()).isNotEqualTo("AgentBot"));
            assertThat(toAccount.get(2).requestBody()).isEqualTo(toTriage.get(3).requestBody());
        }
    }

    @Test
    void aBotThatIsBothAssigneeAndInboxBotHearsOfTheOpeningOnce() {
        try (BevatelSimulator sim = twoBots()) {
            Scene scene = new Scene(sim);
            long conversation = WebhookTestSupport.conversation(scene.http,
                    WebhookTestSupport.contact(scene.http, "Bo", "+15550400002"));
            Http.ok(scene.http.post(Http.account("/conversations/" + conversation + "/toggle_status"), null));
            WebhookTestSupport.message(scene.http, conversation, "{\"content\":\"after\",\"message_type\":\"incoming\"}");

            List<Delivery> toTriage = scene.from(scene.triage, 0, 5);
            assertThat(events(toTriage)).containsExactly("conversation_opened", "conversation_status_changed",
                    "conversation_updated", "conversation_updated", "message_created");
            assertThat(receiver.received("/triage")).hasSize(5);
            assertThat(toTriage.subList(0, 3)).allSatisfy(d ->
                    assertThat(d.payload().at("/meta/assignee/name").asText()).isEqualTo("Triage"));
            assertThat(toTriage.get(3).payload().at("/meta/assignee").isNull()).isTrue();
            assertThat(receiver.received("/sales")).isEmpty();
        }
    }

    @Test
    void anAssignmentToAPersonOpensItWithoutTheAssigneeBot() {
        try (BevatelSimulator sim = twoBots()) {
            Scene scene = new Scene(sim);
            long conversation = scene.salesConversation("Cy", "+15550400003");
            long ada = sim.agent("Ada Agent").user().id();
            Http.ok(scene.http.post(Http.account("/conversations/" + conversation + "/assignments"),
                    "{\"assignee_id\":" + ada + "}"));
            scene.assignToBot(conversation, "Sales");

            // One save opens it, assigns Ada and lets Sales go: the listener no longer sees Sales.
            List<Delivery> toTriage = scene.from(scene.triage, 1, 6);
            assertThat(events(toTriage)).containsExactly("conversation_opened", "conversation_status_changed",
                    "conversation_updated", "conversation_status_changed", "conversation_updated");
            assertThat(toTriage.subList(0, 3)).allSatisfy(d -> {
                assertThat(d.payload().get("status").asText()).isEqualTo("open");
                assertThat(d.payload().at("/meta/assignee/name").asText()).isEqualTo("Ada Agent");
            });
            assertThat(events(scene.from(scene.sales, 1, 3))).as("only its handing back")
                    .containsExactly("conversation_status_changed", "conversation_updated");
        }
    }

    @Test
    void aBotHandingOffHearsOnlyOfTheSaveBeforeItLetsGo() {
        try (BevatelSimulator sim = twoBots()) {
            Scene scene = new Scene(sim);
            long conversation = scene.salesConversation("Di", "+15550400004");
            Http asSales = scene.http.withToken("sales-token");
            String path = Http.account("/conversations/" + conversation);
            // The bot's answer stops the wait, so the handoff starts it again in a save of its own.
            Http.ok(asSales.post(path + "/messages", "{\"content\":\"let me find someone\"}"));
            Http.ok(asSales.post(path + "/toggle_status", "{\"status\":\"open\"}"));
            scene.assignToBot(conversation, "Sales");

            List<Delivery> toSales = scene.from(scene.sales, 1, 6);
            assertThat(events(toSales)).containsExactly("message_created", "conversation_updated",
                    "conversation_updated", "conversation_status_changed", "conversation_updated");
            JsonNode waiting = toSales.get(2).payload();
            assertThat(waiting.get("changed_attributes").findValues("waiting_since")).isNotEmpty();
            assertThat(waiting.get("status").asText()).isEqualTo("pending");
            List<Delivery> toTriage = scene.from(scene.triage, 1, 9);
            assertThat(events(toTriage)).containsExactly("message_created", "conversation_updated",
                    "conversation_updated", "conversation_opened", "conversation_status_changed", "conversation_updated",
                    "conversation_status_changed", "conversation_updated");
            assertThat(toTriage.get(3).payload().at("/meta/assignee").isNull()).isTrue();
        }
    }
}
