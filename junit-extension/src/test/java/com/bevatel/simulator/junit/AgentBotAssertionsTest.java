package com.bevatel.simulator.junit;

import static com.bevatel.simulator.junit.WebhookAssertions.assertThat;
import static com.bevatel.simulator.junit.WebhookAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.AgentBotSetup;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.webhook.WebhookJournal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Testing an agent bot: the journal narrowed to what the bot received, and {@code awaitThat(sim)} waiting
 * for what the bot does through the API; a check that times out shows the conversation as it is.
 */
@BevatelSimulatorTest(configurer = AgentBotAssertionsTest.WithEchoBot.class)
class AgentBotAssertionsTest {
    /** A bot serving the API inbox; its events go to the simulator's own sink, and the tests play the bot. */
    public static class WithEchoBot implements SimulatorConfigurer {
        @Override
        public void configure(BevatelSimulator.Builder builder) {
            builder.agentBot(AgentBotSetup.named("Echo Bot").outgoingSink("bot").servingApiInbox())
                    .agent("Sam Agent", "sam@shop.test", "sam-token");
        }
    }

    @BeforeEach
    void aCustomerWritesToTheBotsInbox(BevatelSimulator sim) {
        long contact = Api.createContact(sim, "dave");
        Api.post(sim, "/conversations", "{\"inbox_id\":1,\"contact_id\":" + contact + "}");
        Api.post(sim, "/conversations/1/messages", "{\"content\":\"hi\",\"message_type\":\"incoming\"}");
    }

    @Test
    void narrowsTheJournalToTheBot(BevatelSimulator sim, WebhookJournal journal) {
        AgentBot echo = sim.agentBot("Echo Bot");
        awaitThat(journal).toAgentBot(echo.id()).event("message_created").single()
                .succeeded()
                .hasPayloadAt("/content", "hi")
                .hasPayloadAt("/conversation/meta/assignee/type", "agent_bot")
                .isSignedWith(echo.secret());
        assertThat(journal).toAgentBot().hasDelivered("message_created", 1);
        assertThat(journal).toAgentBot(echo.id() + 1).hasNoDeliveries();
    }

    @Test
    void aJournalFailureNamesTheBotAndListsTheDeliveries(BevatelSimulator sim, WebhookJournal journal) {
        long echo = sim.agentBot("Echo Bot").id();
        awaitThat(journal).toAgentBot().hasDelivered("message_created");
        assertThatThrownBy(() -> assertThat(journal).toAgentBot(echo + 1).hasDelivered("message_created"))
                .hasMessageContaining("Expected a successful message_created delivery among deliveries (to agent bot " + (echo + 1) + ")")
                .hasMessageContaining("message_created → AGENT_BOT " + echo + " " + sim.sinkUrl("bot"));
    }

    @Test
    void awaitThatWaitsForWhatTheBotDoesThroughTheApi(BevatelSimulator sim) {
        assertThat(sim).conversation(1).hasStatus("pending").isAssignedTo("Echo Bot");
        String token = sim.agentBot("Echo Bot").accessToken();
        CompletableFuture<Void> bot = CompletableFuture.runAsync(() -> {
            Api.postAs(token, sim, "/conversations/1/messages", "{\"content\":\"hello\",\"message_type\":\"outgoing\"}");
            Api.postAs(token, sim, "/conversations/1/toggle_status", "{\"status\":\"open\"}");
        });
        awaitThat(sim).conversation(1).hasMessageFrom("Echo Bot", "hello").hasStatus("open").isUnassigned();
        bot.join();
        assertThat(sim).conversation(1).hasMessageFrom("dave", "hi").hasConversationMessages("hi", "hello");
    }

    @Test
    void awaitThatWaitsForAConversationToExist(BevatelSimulator sim) {
        long contact = Api.createContact(sim, "erin");
        CompletableFuture<String> opened = CompletableFuture.supplyAsync(
                () -> Api.post(sim, "/conversations", "{\"inbox_id\":1,\"contact_id\":" + contact + "}"));
        awaitThat(sim).conversation(2).hasContactNamed("erin").isAssignedTo("Echo Bot");
        opened.join();
        awaitThat(sim).hasConversations(2);
    }

    @Test
    void aTimeoutShowsTheConversationAsItIs(BevatelSimulator sim) {
        assertThatThrownBy(() -> awaitThat(sim, Duration.ofMillis(200)).conversation(1).hasMessageFrom("Echo Bot", "hello"))
                .hasMessageStartingWith("Still failing after waiting 200 ms: Expected conversation 1 to hold \"hello\" from Echo Bot but it is:")
                .hasMessageContaining("conversation 1 [pending] inbox 1")
                .hasMessageContaining("\"dave\", assigned to agent bot " + sim.agentBot("Echo Bot").id() + " \"Echo Bot\"")
                .hasMessageContaining("incoming [sent] hi (from contact dave)");
        assertThatThrownBy(() -> awaitThat(sim, Duration.ofMillis(200)).conversation(2))
                .hasMessageStartingWith("Still failing after waiting 200 ms: Expected conversation 2 but the simulator holds:")
                .hasMessageContaining("conversation 1 [pending]");
        assertThatThrownBy(() -> awaitThat(sim, Duration.ofMillis(200)).conversation(1).hasStatus("open"))
                .hasMessageStartingWith("Still failing after waiting 200 ms: Expected conversation 1 to be open but it is pending:");
    }

    @Test
    void assigneeChecksNameMembersAndBots(BevatelSimulator sim) {
        assertThatThrownBy(() -> assertThat(sim).conversation(1).isUnassigned())
                .hasMessageStartingWith("Expected conversation 1 to be unassigned but it is:")
                .hasMessageContaining("assigned to agent bot");
        sim.agent("Sam Agent").assign(1, "Sam Agent");
        assertThat(sim).conversation(1).isAssignedTo("Sam Agent");
        assertThatThrownBy(() -> assertThat(sim).conversation(1).isAssignedTo("Echo Bot"))
                .hasMessageStartingWith("Expected conversation 1 to be assigned to Echo Bot but it is:")
                .hasMessageContaining("assigned to agent " + sim.user("Sam Agent").id() + " \"Sam Agent\"");
    }
}
