package com.bevatel.simulator.webhook;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * Chatwoot 4.16's delivery signature (lib/webhooks/trigger.rb#request_headers):
 * {@code sha256=<lower-case hex HMAC-SHA256(key = secret, message = "<timestamp>.<raw body>")>}.
 */
@API(status = INTERNAL)
public final class WebhookSignature {
    public static final String DELIVERY_HEADER = "X-Chatwoot-Delivery";
    public static final String TIMESTAMP_HEADER = "X-Chatwoot-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Chatwoot-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
