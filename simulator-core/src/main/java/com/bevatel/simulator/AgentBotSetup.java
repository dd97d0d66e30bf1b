package com.bevatel.simulator;

import static org.apiguardian.api.API.Status.STABLE;

import java.net.URI;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An agent bot to start with ({@link BevatelSimulator.Builder#agentBot(AgentBotSetup)}): its name,
 * where its events are posted, and whether it serves the seeded API inbox. Immutable: each method
 * returns a new setup, so one can be shared and varied.
 *
 * <pre>{@code
 * BevatelSimulator.builder()
 *     .agentBot(AgentBotSetup.named("Echo Bot").outgoingUrl(URI.create("http://127.0.0.1:8081/bot")).servingApiInbox())
 *     .start();
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class AgentBotSetup {
    private final String name;
    private final String accessToken;
    private final URI outgoingUrl;
    private final String outgoingSink;
    private final boolean servesApiInbox;

    private AgentBotSetup(String name, String accessToken, URI outgoingUrl, String outgoingSink, boolean servesApiInbox) {
        this.name = name;
        this.accessToken = accessToken;
        this.outgoingUrl = outgoingUrl;
        this.outgoingSink = outgoingSink;
        this.servesApiInbox = servesApiInbox;
    }

    /**
     * A bot with this name, a token drawn from the seed, no outgoing URL, serving no inbox.
     *
     * @param name the bot's name
     * @return the setup
     * @throws IllegalArgumentException when the name is blank
     */
    public static AgentBotSetup named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("bot name must not be blank");
        }
        return new AgentBotSetup(name, null, null, null, false);
    }

    /**
     * Its API token, instead of one drawn from the seed.
     *
     * @param token the token
     * @return a new setup
     * @throws IllegalArgumentException when blank
     */
    public AgentBotSetup accessToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("accessToken must not be blank");
        }
        return new AgentBotSetup(name, token, outgoingUrl, outgoingSink, servesApiInbox);
    }

    /**
     * Where its events are posted (Chatwoot's {@code outgoing_url}): your bot's receiver.
     *
     * @param url an absolute URL
     * @return a new setup, without a sink
     */
    public AgentBotSetup outgoingUrl(URI url) {
        return new AgentBotSetup(name, accessToken, Objects.requireNonNull(url, "url"), null, servesApiInbox);
    }

    /**
     * Its events go to this simulator's own sink {@code name} ({@link BevatelSimulator#sinkUrl(String)}),
     * for a test that plays the bot itself, or one that only checks what a bot would receive.
     *
     * @param sinkName the sink's name
     * @return a new setup, without an outgoing URL
     */
    public AgentBotSetup outgoingSink(String sinkName) {
        if (sinkName == null || sinkName.isBlank()) {
            throw new IllegalArgumentException("sink name must not be blank");
        }
        return new AgentBotSetup(name, accessToken, null, sinkName, servesApiInbox);
    }

    /**
     * It serves the seeded API inbox from the start: new conversations there start {@code pending},
     * assigned to it, and it receives their events.
     *
     * @return a new setup
     */
    public AgentBotSetup servingApiInbox() {
        return new AgentBotSetup(name, accessToken, outgoingUrl, outgoingSink, true);
    }

    String name() {
        return name;
    }

    String accessToken() {
        return accessToken;
    }

    URI outgoingUrl() {
        return outgoingUrl;
    }

    String outgoingSink() {
        return outgoingSink;
    }

    boolean servesApiInbox() {
        return servesApiInbox;
    }

    @Override
    public String toString() {
        return "agent bot " + name + (outgoingUrl != null ? " → " + outgoingUrl : "")
                + (outgoingSink != null ? " → sink " + outgoingSink : "") + (servesApiInbox ? ", serving the API inbox" : "");
    }
}
