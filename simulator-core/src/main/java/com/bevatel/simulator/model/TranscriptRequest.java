package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A conversation transcript asked for by email ({@code POST /conversations/{id}/transcript}). Chatwoot
 * mails it (ConversationReplyMailer#conversation_transcript) and keeps nothing; the simulator sends no
 * mail and keeps this row instead, so a test can see what was asked (state document
 * {@code transcript_requests}).
 *
 * @param id             the row's id
 * @param accountId      the conversation's account
 * @param conversationId the conversation (internal id)
 * @param email          the address given, as given
 * @param createdAt      when it was asked for
 */
@API(status = INTERNAL)
public record TranscriptRequest(long id, long accountId, long conversationId, String email, Instant createdAt) {
}
