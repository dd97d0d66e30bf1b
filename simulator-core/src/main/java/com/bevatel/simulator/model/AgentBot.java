package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * An agent bot of one account. It acts through its own {@code api_access_token}, on the endpoints
 * Chatwoot opens to bots; messages it sends have {@code sender_type: "AgentBot"}.
 *
 * <p>The simulator makes these: read them. Components may be added in a later version (which
 * changes the canonical constructor), so build none yourself.
 *
 * @param id          the bot's id
 * @param accountId   the account it belongs to
 * @param name        its name
 * @param description its description, or null
 * @param outgoingUrl where Chatwoot would send it events, or null
 * @param accessToken its {@code api_access_token}
 * @param createdAt   when it was created (simulated time)
 * @param updatedAt   when it last changed (simulated time)
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public record AgentBot(long id, long accountId, String name, String description, String outgoingUrl,
                       String accessToken, Instant createdAt, Instant updatedAt) {
    /** Chatwoot's only bot type. */
    public static final String BOT_TYPE = "webhook";

}
