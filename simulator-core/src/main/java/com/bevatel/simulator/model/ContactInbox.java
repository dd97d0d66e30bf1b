package com.bevatel.simulator.model;

import java.time.Instant;

/** The (contact, inbox, source_id) session; {@code sourceId} is unique per inbox. */
public record ContactInbox(long id, long contactId, long inboxId, String sourceId, boolean hmacVerified,
                           String pubsubToken, Instant createdAt, Instant updatedAt) {
}
