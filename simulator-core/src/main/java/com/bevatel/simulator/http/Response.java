package com.bevatel.simulator.http;

import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What an endpoint answers: a status and a JSON body (null = empty body), rendered to its bytes
 * when it is made.
 *
 * <p>Why at once: endpoints build their answer inside the write that produced it
 * ({@code store.write(tx -> Response.ok(view))}), so a body that cannot be rendered fails there,
 * inside the transaction, which is then rolled back and publishes nothing; the client gets a JSON
 * 500 saying so. Rendered later, on the way out, such a failure came after the commit: the write
 * stayed, its answer was an empty 500 and its webhooks were lost. The body must not be changed
 * after the response is made (what is sent is what was rendered).
 */
public final class Response {
    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final JsonNode body;
    private final byte[] bytes;

    /** @throws RuntimeException when the body cannot be rendered as JSON */
    public Response(int status, JsonNode body) {
        this.status = status;
        this.body = body;
        this.bytes = body == null ? EMPTY : Json.bytes(body);
    }

    public static Response ok(JsonNode body) {
        return new Response(200, body);
    }

    /** Chatwoot's {@code head :ok}: 200 with an empty body. */
    public static Response okEmpty() {
        return new Response(200, null);
    }

    public int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }

    /** The body as sent: UTF-8 JSON, empty for an empty body. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Response that && status == that.status && Objects.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * status + Objects.hashCode(body);
    }

    @Override
    public String toString() {
        return "Response[status=" + status + ", body=" + body + "]";
    }
}
