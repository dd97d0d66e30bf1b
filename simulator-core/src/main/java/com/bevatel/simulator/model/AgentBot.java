package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * An agent bot of one account (app/models/agent_bot.rb). It acts through its own
 * {@code api_access_token}, on the endpoints Chatwoot opens to bots (BOT_ACCESSIBLE_ENDPOINTS in
 * app/controllers/concerns/access_token_auth_helper.rb); messages it sends have
 * {@code sender_type: "AgentBot"}. The events of the conversations it serves are posted to its
 * {@code outgoing_url}, signed with its {@code secret}.
 *
 * <p>The simulator makes these: read them, build none (components may be added).
 *
 * @param id          the bot's id
 * @param accountId   the account it belongs to
 * @param name        its name, or null (Chatwoot requires none)
 * @param description its description, or null
 * @param outgoingUrl where its events are posted; null or blank: nowhere
 * @param botConfig   Chatwoot's free-form {@code bot_config}
 * @param accessToken its API token
 * @param secret      what signs its deliveries ({@code X-Chatwoot-Signature}); null: they go unsigned
 * @param createdAt   when it was created
 * @param updatedAt   when it last changed
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public record AgentBot(long id, long accountId, String name, String description, String outgoingUrl,
                       JsonBag botConfig, String accessToken, String secret, Instant createdAt, Instant updatedAt) {
    /** Chatwoot's only bot type. */
    public static final String BOT_TYPE = "webhook";

    /**
     * Internal: the simulator stores these. A null {@code botConfig} is the empty one.
     *
     * @param id          as {@link #id()}
     * @param accountId   as {@link #accountId()}
     * @param name        as {@link #name()}
     * @param description as {@link #description()}
     * @param outgoingUrl as {@link #outgoingUrl()}
     * @param botConfig   as {@link #botConfig()}
     * @param accessToken as {@link #accessToken()}
     * @param secret      as {@link #secret()}
     * @param createdAt   as {@link #createdAt()}
     * @param updatedAt   as {@link #updatedAt()}
     */
    @API(status = INTERNAL)
    public AgentBot {
        botConfig = botConfig == null ? JsonBag.EMPTY : botConfig;
    }

    /**
     * Whether events are posted to it: Chatwoot skips a bot whose {@code outgoing_url} is blank
     * (app/listeners/agent_bot_listener.rb).
     *
     * @return whether it has an outgoing URL
     */
    public boolean receivesEvents() {
        return outgoingUrl != null && !outgoingUrl.isBlank();
    }

    /**
     * Internal: for the simulator's update operations.
     *
     * @return a mutable copy
     * @hidden not part of the documented API
     */
    @API(status = INTERNAL)
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A mutable copy for the domain's update operations; {@code build()} freezes it again. Internal.
     *
     * @hidden not part of the documented API
     */
    @API(status = INTERNAL)
    public static final class Builder {
        public String name;
        public String description;
        public String outgoingUrl;
        public JsonBag botConfig;
        public String accessToken;
        public String secret;
        public Instant updatedAt;
        private final AgentBot from;

        private Builder(AgentBot from) {
            this.from = from;
            name = from.name;
            description = from.description;
            outgoingUrl = from.outgoingUrl;
            botConfig = from.botConfig;
            accessToken = from.accessToken;
            secret = from.secret;
            updatedAt = from.updatedAt;
        }

        public AgentBot build() {
            return new AgentBot(from.id, from.accountId, name, description, outgoingUrl, botConfig, accessToken,
                    secret, from.createdAt, updatedAt);
        }
    }
}
