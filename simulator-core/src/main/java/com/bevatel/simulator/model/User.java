package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * An agent or administrator of one account, holding the {@code api_access_token} it is known by.
 *
 * <p>The simulator makes these: read them. Components may be added in a later version (which
 * changes the canonical constructor), so build none yourself.
 *
 * @param id          the user's id
 * @param accountId   the account they belong to
 * @param name        their name
 * @param displayName the name shown instead, or null
 * @param email       their email
 * @param role        agent or administrator
 * @param accessToken their {@code api_access_token}
 * @param pubsubToken their {@code pubsub_token}
 * @param createdAt   when they were created (simulated time)
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public record User(long id, long accountId, String name, String displayName, String email,
                   Role role, String accessToken, String pubsubToken, Instant createdAt) {
    /**
     * Chatwoot's {@code available_name}.
     *
     * @return the display name when set, else the name
     */
    public String availableName() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }
}
