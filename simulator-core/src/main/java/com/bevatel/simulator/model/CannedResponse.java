package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A canned response of an account (app/models/canned_response.rb): a reply agents insert by its
 * {@code short_code}, which is unique in the account.
 *
 * @param id        the canned response's id
 * @param accountId the account it belongs to
 * @param shortCode what agents type to insert it
 * @param content   its text
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
@API(status = INTERNAL)
public record CannedResponse(long id, long accountId, String shortCode, String content, Instant createdAt,
                             Instant updatedAt) {
}
