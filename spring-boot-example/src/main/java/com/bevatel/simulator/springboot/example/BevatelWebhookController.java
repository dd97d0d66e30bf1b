package com.bevatel.simulator.springboot.example;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API inbox's webhook URL points here. Bevatel posts every event of the inbox's conversations,
 * the echoes of the desk's own messages included: the desk answers only what a customer wrote.
 */
@RestController
public class BevatelWebhookController {
    private final SupportDesk desk;
    private final JsonMapper json;
    private final BevatelProperties bevatel;

    public BevatelWebhookController(SupportDesk desk, JsonMapper json, BevatelProperties bevatel) {
        this.desk = desk;
        this.json = json;
        this.bevatel = bevatel;
    }

    @PostMapping("/bevatel/webhook")
    public ResponseEntity<Void> receive(@RequestBody String body,
                                        @RequestHeader(name = "X-Chatwoot-Timestamp", required = false) String timestamp,
                                        @RequestHeader(name = "X-Chatwoot-Signature", required = false) String signature) {
        if (bevatel.webhookSecret() != null && !signedWithTheInboxSecret(body, timestamp, signature)) {
            return ResponseEntity.status(401).build();
        }
        JsonNode event = json.readTree(body);
        if (event.path("event").asString().equals("message_created")
                && event.path("message_type").asString().equals("incoming")
                && !event.path("private").asBoolean()) {
            desk.answer(event.at("/conversation/id").asLong(), event.at("/sender/name").asString(),
                    event.path("content").asString());
        }
        return ResponseEntity.ok().build();
    }

    /** {@code X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>}. */
    private boolean signedWithTheInboxSecret(String body, String timestamp, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bevatel.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
