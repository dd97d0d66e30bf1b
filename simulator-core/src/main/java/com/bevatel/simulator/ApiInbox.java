package com.bevatel.simulator;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The seeded API inbox as a test needs it: its id for the Application API, its identifier for the
 * Client API, and the two secrets (identity HMAC, webhook signing).
 *
 * <p>The simulator makes these: read them. Components may be added in a later version (which
 * changes the canonical constructor), so build none yourself.
 *
 * @param id         the inbox's id ({@code /api/v1/accounts/{account}/inboxes/{id}})
 * @param identifier the inbox's {@code inbox_identifier}, for the Client API ({@code /public/api/v1/inboxes/{identifier}})
 * @param hmacToken  the key of the contact identity HMAC ({@code identifier_hash})
 * @param secret     the key the inbox's webhooks are signed with ({@code X-Chatwoot-Signature})
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public record ApiInbox(long id, String identifier, String hmacToken, String secret) {
}
