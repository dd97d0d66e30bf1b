package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A note an agent wrote on a contact (app/models/note.rb): its author is {@code userId}, null once the
 * user is gone (Chatwoot's {@code has_many :notes, dependent: :nullify}).
 */
@API(status = INTERNAL)
public record Note(long id, long accountId, long contactId, Long userId, String content, Instant createdAt,
                   Instant updatedAt) {
}
