package com.bevatel.simulator.webhook;

import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded delivery attempt: what was sent (headers, raw body, parsed payload) and what came
 * back (status, bounded body, how long it took, the failure if any). Read like a record: one
 * accessor per component.
 *
 * <p>The payload is parsed from the body when first asked for: a journal keeps thousands of
 * deliveries, and holding each payload's tree from the start tripled what it retains, which made
 * the collector's pauses long enough to stall deliveries under load.
 */
public final class Delivery {
    private final long id;
    private final String event;
    private final URI url;
    private final Receiver receiver;
    private final long accountId;
    private final Long conversationId;
    private final Map<String, String> requestHeaders;
    private final String requestBody;
    private volatile JsonNode payload;
    private final Integer responseStatus;
    private final String responseBody;
    private final Duration duration;
    private final String failure;
    private final int attempt;
    private final Instant simulatedTime;

    /**
     * @param id              the journal's recording sequence number (1, 2, …); attempts are recorded as they finish
     * @param payload         {@code requestBody} parsed, or null to parse it on first use
     * @param conversationId  the conversation's display id, null for contact and inbox events
     * @param responseStatus  null when no response arrived (refused, timeout, dropped)
     * @param responseBody    at most {@link WebhookJournal#MAX_RESPONSE_BODY_CHARS} characters
     * @param failure         null on success; otherwise the error Chatwoot would log (e.g. "500 Internal Server Error")
     * @param attempt         1 for the first attempt (Chatwoot makes only one); 0 when dropped before any attempt
     * @param simulatedTime   the simulated time of the change that caused it ({@code X-Chatwoot-Timestamp})
     */
    public Delivery(long id, String event, URI url, Receiver receiver, long accountId, Long conversationId,
                    Map<String, String> requestHeaders, String requestBody, JsonNode payload,
                    Integer responseStatus, String responseBody, Duration duration, String failure,
                    int attempt, Instant simulatedTime) {
        this(id, event, url, receiver, accountId, conversationId, Collections.unmodifiableMap(new LinkedHashMap<>(requestHeaders)),
                requestBody, payload, responseStatus, responseBody, duration, failure, attempt, simulatedTime, true);
    }

    /** Keeps {@code requestHeaders} as given: the caller hands over an unmodifiable map nobody changes. */
    private Delivery(long id, String event, URI url, Receiver receiver, long accountId, Long conversationId,
                     Map<String, String> requestHeaders, String requestBody, JsonNode payload,
                     Integer responseStatus, String responseBody, Duration duration, String failure,
                     int attempt, Instant simulatedTime, boolean owned) {
        this.id = id;
        this.event = event;
        this.url = url;
        this.receiver = receiver;
        this.accountId = accountId;
        this.conversationId = conversationId;
        this.requestHeaders = requestHeaders;
        this.requestBody = requestBody;
        this.payload = payload;
        this.responseStatus = responseStatus;
        this.responseBody = responseBody;
        this.duration = duration;
        this.failure = failure;
        this.attempt = attempt;
        this.simulatedTime = simulatedTime;
    }

    /** For the dispatcher: the recorded attempt, sharing the outgoing's unmodifiable headers; payload parsed on use. */
    static Delivery recorded(long id, String event, URI url, Receiver receiver, long accountId, Long conversationId,
                             Map<String, String> unmodifiableHeaders, String requestBody, Integer responseStatus,
                             String responseBody, Duration duration, String failure, int attempt, Instant simulatedTime) {
        return new Delivery(id, event, url, receiver, accountId, conversationId, unmodifiableHeaders, requestBody, null,
                responseStatus, responseBody, duration, failure, attempt, simulatedTime, true);
    }

    public long id() {
        return id;
    }

    public String event() {
        return event;
    }

    public URI url() {
        return url;
    }

    public Receiver receiver() {
        return receiver;
    }

    public long accountId() {
        return accountId;
    }

    public Long conversationId() {
        return conversationId;
    }

    public Map<String, String> requestHeaders() {
        return requestHeaders;
    }

    public String requestBody() {
        return requestBody;
    }

    /** {@code requestBody} parsed (read it, don't change it); null when there was no body. */
    public JsonNode payload() {
        JsonNode parsed = payload;
        if (parsed == null && requestBody != null) {
            try {
                parsed = Json.parse(requestBody, true);
            } catch (IOException e) {
                throw new UncheckedIOException("a webhook body the simulator wrote is not JSON", e);
            }
            payload = parsed;
        }
        return parsed;
    }

    public Integer responseStatus() {
        return responseStatus;
    }

    public String responseBody() {
        return responseBody;
    }

    public Duration duration() {
        return duration;
    }

    public String failure() {
        return failure;
    }

    public int attempt() {
        return attempt;
    }

    public Instant simulatedTime() {
        return simulatedTime;
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

    /** Same recording, same attempt: equal (the payload follows from the body). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Delivery d && id == d.id && accountId == d.accountId && attempt == d.attempt
                && event.equals(d.event) && Objects.equals(url, d.url) && Objects.equals(receiver, d.receiver)
                && Objects.equals(conversationId, d.conversationId) && requestHeaders.equals(d.requestHeaders)
                && Objects.equals(requestBody, d.requestBody) && Objects.equals(responseStatus, d.responseStatus)
                && Objects.equals(responseBody, d.responseBody) && Objects.equals(duration, d.duration)
                && Objects.equals(failure, d.failure) && Objects.equals(simulatedTime, d.simulatedTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, event, receiver, attempt, requestBody);
    }

    @Override
    public String toString() {
        return summary();
    }
}
