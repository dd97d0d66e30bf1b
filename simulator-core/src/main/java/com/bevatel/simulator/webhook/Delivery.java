package com.bevatel.simulator.webhook;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

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
import org.apiguardian.api.API;

/**
 * One recorded delivery attempt: what was sent (headers, raw body, parsed payload) and what came
 * back (status, bounded body, how long it took, the failure if any). Read like a record: one
 * accessor per component.
 *
 * <p>The payload is parsed from the body when first asked for: a journal keeps thousands of
 * deliveries, and holding each payload's tree from the start tripled what it retains, which made
 * the collector's pauses long enough to stall deliveries under load.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
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
     * A recorded attempt. Internal: the journal records these; read them, build none (what a
     * delivery holds may grow).
     *
     * @param id              the journal's recording sequence number
     * @param event           the event name
     * @param url             where it was sent
     * @param receiver        whom it was for
     * @param accountId       the account whose change caused it
     * @param conversationId  the conversation's display id, or null
     * @param requestHeaders  the headers sent (copied)
     * @param requestBody     the body sent
     * @param payload         {@code requestBody} parsed, or null to parse it on first use
     * @param responseStatus  the status answered, or null
     * @param responseBody    the body answered (bounded), or null
     * @param duration        how long the attempt took
     * @param failure         null on success, else why it failed
     * @param attempt         the attempt's number, 0 when dropped before any
     * @param simulatedTime   the simulated time of the change that caused it
     */
    @API(status = INTERNAL)
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

    /**
     * The journal's recording sequence number; attempts are recorded as they finish.
     *
     * @return 1, 2, … in recording order
     */
    public long id() {
        return id;
    }

    /**
     * The Chatwoot event name, as in the payload's {@code event}.
     *
     * @return e.g. {@code message_created}
     */
    public String event() {
        return event;
    }

    /**
     * Where the attempt was sent.
     *
     * @return the receiver's URL
     */
    public URI url() {
        return url;
    }

    /**
     * Whom the delivery is for: an account webhook, an API inbox or an agent bot.
     *
     * @return the receiver
     */
    public Receiver receiver() {
        return receiver;
    }

    /**
     * The account whose change caused the delivery.
     *
     * @return the account's id
     */
    public long accountId() {
        return accountId;
    }

    /**
     * The conversation the delivery is about.
     *
     * @return its display id (the {@code id} payloads show); null for contact and inbox events
     */
    public Long conversationId() {
        return conversationId;
    }

    /**
     * The headers sent, in the order sent.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> requestHeaders() {
        return requestHeaders;
    }

    /**
     * The body sent, as sent.
     *
     * @return the JSON text
     */
    public String requestBody() {
        return requestBody;
    }

    /**
     * {@code requestBody} parsed (read it, don't change it).
     *
     * @return the payload, or null when there was no body
     */
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

    /**
     * The status the receiver answered.
     *
     * @return the status; null when no response arrived (refused, timed out, dropped)
     */
    public Integer responseStatus() {
        return responseStatus;
    }

    /**
     * What the receiver answered, cut to {@link WebhookJournal#MAX_RESPONSE_BODY_CHARS} characters.
     *
     * @return the body, or null when no response arrived
     */
    public String responseBody() {
        return responseBody;
    }

    /**
     * How long the attempt took, from connecting to the end of the response or the failure.
     *
     * @return the attempt's duration
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Why the attempt failed, as Chatwoot would log it.
     *
     * @return null on success; otherwise e.g. "500 Internal Server Error" or a timeout
     */
    public String failure() {
        return failure;
    }

    /**
     * Which attempt this was.
     *
     * @return 1 for the first (Chatwoot makes only one, but up to 3 to an agent bot); 0 when dropped before any attempt
     */
    public int attempt() {
        return attempt;
    }

    /**
     * The simulated time of the change that caused the delivery, as sent in {@code X-Chatwoot-Timestamp}.
     *
     * @return the simulated instant
     */
    public Instant simulatedTime() {
        return simulatedTime;
    }

    /**
     * Whether the receiver answered with a 2xx status.
     *
     * @return true when {@link #failure()} is null
     */
    public boolean succeeded() {
        return failure == null;
    }

    /**
     * A request header, by case-insensitive name.
     *
     * @param name the header's name
     * @return its value, or null when it was not sent
     */
    public String header(String name) {
        for (Map.Entry<String, String> header : requestHeaders.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /**
     * {@code X-Chatwoot-Delivery}: the same for every attempt of one delivery.
     *
     * @return the header's value
     */
    public String deliveryId() {
        return header(WebhookSignature.DELIVERY_HEADER);
    }

    /**
     * One line for failure messages: id, event, receiver, URL and outcome.
     *
     * @return the line
     */
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
