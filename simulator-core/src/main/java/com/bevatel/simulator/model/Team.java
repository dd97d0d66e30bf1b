package com.bevatel.simulator.model;

import java.time.Instant;

/** A team of agents; Chatwoot stores team names stripped and lower-cased ("Support" → "support"). */
public record Team(long id, long accountId, String name, String description, boolean allowAutoAssign,
                   Instant createdAt, Instant updatedAt) {
}
