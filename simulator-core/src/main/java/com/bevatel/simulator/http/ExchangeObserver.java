package com.bevatel.simulator.http;

import java.util.ServiceLoader;

/**
 * Sees every response the simulator's routes answer, just before it is sent, and every webhook
 * payload the dispatcher builds. Implementations are found with {@link ServiceLoader}
 * ({@code META-INF/services/com.bevatel.simulator.http.ExchangeObserver}); the simulator itself
 * ships none. It exists so a test suite can check every response and delivery (the project's own
 * suite validates each one against JSON Schemas) without any test having to ask.
 *
 * <p>Observers run on the request's worker thread before the body is written, so a client never
 * sees a response its observers have not seen; delivery calls come from the committing thread. They must be thread-safe and quick; what they throw
 * is logged and never changes the response.
 */
public interface ExchangeObserver {
    void onExchange(Exchange exchange);

    /**
     * A webhook payload, once per event when the change that causes it commits (before any receiver
     * is sent it; a retried or queued delivery carries these same bytes). Runs under the store's
     * write lock.
     *
     * @param event the event name, e.g. {@code message_created}
     * @param body  the JSON body every receiver of the event is sent; do not modify
     */
    default void onDelivery(String event, byte[] body) {
    }

    /**
     * One answered request.
     *
     * @param method the HTTP method, upper case
     * @param route  the route template that matched (e.g. {@code /api/v1/accounts/{account_id}/contacts/{id}}),
     *               or null when no route did (unknown path or method)
     * @param path   the request path as sent, without the query string
     * @param status the response status
     * @param body   the response body as sent (empty for an empty body); do not modify
     */
    record Exchange(String method, String route, String path, int status, byte[] body) {
    }
}
