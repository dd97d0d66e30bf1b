package com.bevatel.simulator.http;

import java.util.ServiceLoader;

/**
 * Sees every response the simulator's routes answer, just before it is sent. Implementations are
 * found with {@link ServiceLoader} ({@code META-INF/services/com.bevatel.simulator.http.ExchangeObserver});
 * the simulator itself ships none. It exists so a test suite can check every response (the
 * project's own suite validates each one against JSON Schemas) without any test having to ask.
 *
 * <p>Observers run on the request's worker thread before the body is written, so a client never
 * sees a response its observers have not seen. They must be thread-safe and quick; what they throw
 * is logged and never changes the response.
 */
public interface ExchangeObserver {
    void onExchange(Exchange exchange);

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
