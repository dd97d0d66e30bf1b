package com.bevatel.simulator.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recorded delivery attempt: what was sent (headers, raw body, parsed payload) and what came
 * back (status, bounded body, how long it took, the failure if any).
 *
 * @param id              the journal's recording sequence number (1, 2, …); attempts are recorded as they finish
 * @param payload         {@code requestBody} parsed (shared by the deliveries of one event: read it, don't change it)
 * @param conversationId  the conversation's display id, null for contact and inbox events
 * @param responseStatus  null when no response arrived (refused, timeout, dropped)
 * @param responseBody    at most {@link WebhookJournal#MAX_RESPONSE_BODY_CHARS} characters
 * @param failure         null on success; otherwise the error Chatwoot would log (e.g. "500 Internal Server Error")
 * @param attempt         1 for the first attempt (Chatwoot makes only one); 0 when dropped before any attempt
 * @param simulatedTime   the simulated time of the change that caused it ({@code X-Chatwoot-Timestamp})
 */
public record Delivery(long id, String event, URI url, Receiver receiver, long accountId, Long conversationId,
                       Map<String, String> requestHeaders, String requestBody, JsonNode payload,
                       Integer responseStatus, String responseBody, Duration duration, String failure,
                       int attempt, Instant simulatedTime) {

    public Delivery {
        requestHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(requestHeaders));
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** A request header, by case-insensitive name; null when it was not sent. */
    public String header(String name) {
        for (Map.Entry<String, String> header : requestHeaders.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** {@code X-Chatwoot-Delivery}: the same for every attempt of one delivery. */
    public String deliveryId() {
        return header(WebhookSignature.DELIVERY_HEADER);
    }

    /** One line for failure messages: id, event, receiver, URL and outcome. */
    public String summary() {
        String outcome = failure == null ? String.valueOf(responseStatus) : "FAILED " + failure;
        return "#" + id + " " + event + " → " + receiver + " " + url + " (attempt " + attempt + ", "
                + duration.toMillis() + " ms): " + outcome;
    }

    @Override
    public String toString() {
        return summary();
    }
}
