package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import org.apiguardian.api.API;

/** The (contact, inbox, source_id) session; {@code sourceId} is unique per inbox. */
@API(status = INTERNAL)
public record ContactInbox(long id, long contactId, long inboxId, String sourceId, boolean hmacVerified,
                           String pubsubToken, Instant createdAt, Instant updatedAt) {
}
