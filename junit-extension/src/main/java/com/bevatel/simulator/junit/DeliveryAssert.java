package com.bevatel.simulator.junit;

import static org.apiguardian.api.API.Status.STABLE;

import com.bevatel.simulator.webhook.Delivery;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one recorded delivery: outcome, headers, signature and payload (by JSON pointer).
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class DeliveryAssert extends AbstractAssert<DeliveryAssert, Delivery> {
    DeliveryAssert(Delivery delivery) {
        super(delivery, DeliveryAssert.class);
    }

    /**
     * The delivery is of this event.
     *
     * @param event the event name
     * @return this assertion
     */
    public DeliveryAssert hasEvent(String event) {
        isNotNull();
        if (!actual.event().equals(event)) {
            failWithMessage("Expected event %s but was:%n  %s", event, line(actual));
        }
        return this;
    }

    /**
     * The receiver answered with a 2xx status.
     *
     * @return this assertion
     */
    public DeliveryAssert succeeded() {
        isNotNull();
        if (!actual.succeeded()) {
            failWithMessage("Expected a successful delivery but was:%n  %s", line(actual));
        }
        return this;
    }

    /**
     * Failed, with a failure text containing {@code fragment}.
     *
     * @param fragment e.g. "500", "timed out", "refused"
     * @return this assertion
     */
    public DeliveryAssert failedWith(String fragment) {
        isNotNull();
        if (actual.succeeded() || actual.failure() == null || !actual.failure().contains(fragment)) {
            failWithMessage("Expected a failed delivery mentioning \"%s\" but was:%n  %s", fragment, line(actual));
        }
        return this;
    }

    /**
     * A request header (name ignoring case) has this value.
     *
     * @param name the header's name
     * @param value its expected value; null: not sent
     * @return this assertion
     */
    public DeliveryAssert hasHeader(String name, String value) {
        isNotNull();
        String found = header(name);
        if (!Objects.equals(found, value)) {
            failWithMessage("Expected header %s: %s but was %s in %s", name, value, found, actual.requestHeaders());
        }
        return this;
    }

    /**
     * {@code X-Chatwoot-Signature} is {@code sha256=}HMAC-SHA256(secret, "{timestamp}.{body}"), as Chatwoot signs.
     *
     * @param secret the inbox's or webhook's secret
     * @return this assertion
     */
    public DeliveryAssert isSignedWith(String secret) {
        isNotNull();
        String timestamp = header("X-Chatwoot-Timestamp");
        String signature = header("X-Chatwoot-Signature");
        String expected = "sha256=" + hmacHex(secret, timestamp + "." + actual.requestBody());
        if (timestamp == null || !expected.equals(signature)) {
            failWithMessage("Expected a signature made with the given secret (%s) but X-Chatwoot-Signature was %s "
                    + "(timestamp %s) on%n  %s", expected, signature, timestamp, line(actual));
        }
        return this;
    }

    /**
     * The payload value at a JSON pointer equals {@code expected}.
     *
     * @param pointer e.g. {@code /conversation/id}
     * @param expected a text, number or boolean; null for JSON null
     * @return this assertion
     */
    public DeliveryAssert hasPayloadAt(String pointer, Object expected) {
        isNotNull();
        JsonNode node = actual.payload().at(pointer);
        Object value = node.isMissingNode() ? "<missing>" : node.isNull() ? null
                : node.isNumber() ? (Object) node.numberValue() : node.isBoolean() ? node.booleanValue()
                : node.isTextual() ? node.textValue() : node.toString();
        boolean equal = expected instanceof Number n && value instanceof Number v
                ? n.toString().equals(v.toString()) : Objects.equals(expected, value);
        if (!equal) {
            failWithMessage("Expected %s at %s of the %s payload but found %s in%n  %s", expected, pointer,
                    actual.event(), value, actual.requestBody());
        }
        return this;
    }

    /**
     * The text at a JSON pointer of the payload, for further string assertions.
     *
     * @param pointer e.g. {@code /content}
     * @return a string assertion on that value (null when missing; JSON text for objects and arrays)
     */
    public AbstractStringAssert<?> payloadAt(String pointer) {
        isNotNull();
        JsonNode node = actual.payload().at(pointer);
        return Assertions.assertThat(node.isMissingNode() ? null : node.isValueNode() ? node.asText() : node.toString())
                .as("%s at %s of %s", actual.event(), pointer, actual.requestBody());
    }

    private String header(String name) {
        return actual.requestHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** One delivery as a line: "#3 message_created → API_INBOX 1 http://… 200 in 2 ms (conversation 1)". */
    static String line(Delivery d) {
        String outcome = d.succeeded() ? String.valueOf(d.responseStatus())
                : "FAILED " + d.failure();
        return "#" + d.id() + " " + d.event() + " → " + d.receiver().kind() + " " + d.receiver().id() + " " + d.url()
                + " " + outcome + " in " + d.duration().toMillis() + " ms"
                + (d.conversationId() == null ? "" : " (conversation " + d.conversationId() + ")")
                + (d.attempt() > 1 ? " attempt " + d.attempt() : "");
    }
}
