package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/**
 * A client error with the exact status and Chatwoot body the API answers for it. A Java caller
 * meets it where the simulator acts as the API would ({@link com.bevatel.simulator.DashboardAgent},
 * the clock of a simulator that is stopping): with a stack trace from its own call and a message
 * naming what was wrong.
 *
 * <p>Inside the simulator it is thrown anywhere below a route and rendered in one place; built by
 * {@link Errors} without a stack trace (the HTTP path throws one for every client mistake, and only
 * its body matters there), and {@link #forCaller} gives a Java caller one with its own frames.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The HTTP status the API answers. */
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
     * followed by what the API would answer. Internal: the simulator calls it before throwing.
     *
     * @param message what was wrong, for people
     * @return a new exception
     */
    @API(status = INTERNAL)
    public ApiException forCaller(String message) {
        return new ApiException(message + " (the API answers " + status + (body == null ? "" : " " + body) + ")",
                status, body);
    }

    /**
     * The HTTP status the API answers.
     *
     * @return e.g. 404, 401, 422
     */
    public int status() {
        return status;
    }

    /**
     * The body the API answers (read it, don't change it).
     *
     * @return the JSON body, or null for an empty one
     */
    public JsonNode body() {
        return body;
    }
}
