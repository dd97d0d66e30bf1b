package com.bevatel.simulator.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client error with the exact status and Chatwoot body to answer. Thrown anywhere below a route;
 * rendered in one place. Build instances with {@link Errors}. Those are built without a stack trace
 * (the HTTP path throws them for every client mistake, and only their body matters there);
 * {@link #forCaller} gives a Java caller one with its own frames and a message naming what was wrong.
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

    private ApiException(String message, int status, JsonNode body) {
        super(message);
        this.status = status;
        this.body = body;
    }

    /**
     * The same error for a Java caller (the dashboard agent, the clock …): same status and body, a
     * stack trace taken where this is called (so a failing test shows its own line), and {@code message}
     * followed by what the API would answer.
     */
    public ApiException forCaller(String message) {
        return new ApiException(message + " (the API answers " + status + (body == null ? "" : " " + body) + ")",
                status, body);
    }

    public int status() {
        return status;
    }

    /** The response body, or null for an empty one. */
    public JsonNode body() {
        return body;
    }
}
