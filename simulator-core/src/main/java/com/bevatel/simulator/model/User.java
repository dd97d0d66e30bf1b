package com.bevatel.simulator.model;

import java.time.Instant;

/** An agent or administrator of one account, holding the {@code api_access_token} it is known by. */
public record User(long id, long accountId, String name, String displayName, String email,
                   Role role, String accessToken, String pubsubToken, Instant createdAt) {

    /** Chatwoot's {@code available_name}: the display name when set, else the name. */
    public String availableName() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }
}
