package com.bevatel.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;

/** What an endpoint answers: a status and a JSON body (null = empty body). */
public record Response(int status, JsonNode body) {
    public static Response ok(JsonNode body) {
        return new Response(200, body);
    }

    /** Chatwoot's {@code head :ok}: 200 with an empty body. */
    public static Response okEmpty() {
        return new Response(200, null);
    }
}
