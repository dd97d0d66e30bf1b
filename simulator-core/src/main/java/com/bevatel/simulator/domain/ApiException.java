package com.bevatel.simulator.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client error with the exact status and Chatwoot body to answer. Thrown anywhere below a route;
 * rendered in one place. Build instances with {@link Errors}.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient JsonNode body;

    ApiException(int status, JsonNode body, String message) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The response body, or null for an empty one. */
    public JsonNode body() {
        return body;
    }
}
