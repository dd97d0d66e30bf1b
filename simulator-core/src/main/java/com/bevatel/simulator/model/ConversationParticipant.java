package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A member taking part in a conversation besides its assignee (app/models/conversation_participant.rb):
 * one row per (conversation, user), listed in the order added.
 *
 * @param id             the row's id (the order participants are listed in)
 * @param accountId      the conversation's account
 * @param conversationId the conversation (internal id)
 * @param userId         the participating member
 * @param createdAt      when the member was added
 * @param updatedAt      the same: a participant is never changed, only added or removed
 */
@API(status = INTERNAL)
public record ConversationParticipant(long id, long accountId, long conversationId, long userId, Instant createdAt,
                                      Instant updatedAt) {
}
