package com.bevatel.simulator;

/**
 * The seeded API inbox as a test needs it: its id for the Application API, its identifier for the
 * Client API, and the two secrets (identity HMAC, webhook signing).
 */
public record ApiInbox(long id, String identifier, String hmacToken, String secret) {
}
