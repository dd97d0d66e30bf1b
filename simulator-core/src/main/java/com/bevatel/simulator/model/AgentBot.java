package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * An agent bot of one account. It acts through its own {@code api_access_token}, on the endpoints
 * Chatwoot opens to bots (BOT_ACCESSIBLE_ENDPOINTS in app/controllers/concerns/access_token_auth_helper.rb);
 * messages it sends have {@code sender_type: "AgentBot"}.
 */
@API(status = STABLE, since = "0.1.0")
public record AgentBot(long id, long accountId, String name, String description, String outgoingUrl,
                       String accessToken, Instant createdAt, Instant updatedAt) {
    /** Chatwoot's only bot type. */
    public static final String BOT_TYPE = "webhook";

}
