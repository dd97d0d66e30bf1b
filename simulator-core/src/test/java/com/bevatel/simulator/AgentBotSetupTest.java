package com.bevatel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AgentBotSetupTest {
    @Test
    void eachStepIsANewSetupSoOneCanBeSharedAndVaried() {
        AgentBotSetup base = AgentBotSetup.named("Echo");
        AgentBotSetup serving = base.outgoingUrl(URI.create("http://127.0.0.1:8081/bot")).servingApiInbox();

        assertThat(base).hasToString("agent bot Echo");
        assertThat(serving).hasToString("agent bot Echo → http://127.0.0.1:8081/bot, serving the API inbox");
        assertThat(serving.outgoingSink("echo")).hasToString("agent bot Echo → sink echo, serving the API inbox");
    }

    @Test
    void blankNamesTokensAndSinksAreRefused() {
        assertThatThrownBy(() -> AgentBotSetup.named(" ")).hasMessage("bot name must not be blank");
        assertThatThrownBy(() -> AgentBotSetup.named("Echo").accessToken("")).hasMessage("accessToken must not be blank");
        assertThatThrownBy(() -> AgentBotSetup.named("Echo").outgoingSink("")).hasMessage("sink name must not be blank");
    }

    @Test
    void theApiInboxIsServedByOneBot() {
        BevatelSimulator.Builder builder = BevatelSimulator.builder()
                .agentBot(AgentBotSetup.named("Echo").servingApiInbox())
                .agentBot(AgentBotSetup.named("Other").servingApiInbox());

        assertThatThrownBy(builder::validate).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the API inbox is served by one bot, not two: Echo and Other"
                        + " (servingApiInbox; the jar's --agent-bot-inbox)");
    }
}
