package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.ApiChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * Client API identity validation (app/controllers/public/api/v1/inboxes/contacts_controller.rb#valid_hmac?):
 * {@code identifier_hash} is the lower-case hex
 * HMAC-SHA256 of the {@code identifier}, keyed with the API channel's {@code hmac_token}.
 */
@API(status = INTERNAL)
public final class IdentityHmac {
    /** Chatwoot's exception text; it answers 500 with it hidden, we answer 401 showing it. */
    static final String FAILED = "HMAC failed: Invalid Identifier Hash Provided";

    private IdentityHmac() {
    }

    /** The hash an integrator's backend computes for {@code identifier}. */
    public static String hash(String hmacToken, String identifier) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Constant-time comparison; a hash of another length never matches. */
    public static boolean matches(String hmacToken, String identifier, String identifierHash) {
        byte[] expected = hash(hmacToken, identifier == null ? "" : identifier).getBytes(StandardCharsets.UTF_8);
        byte[] given = (identifierHash == null ? "" : identifierHash).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    /**
     * The check contact create/show/update run: only when a hash is given or the inbox makes it
     * mandatory. Returns whether the identity was checked (and passed); a failure is 401 (Chatwoot: 500).
     */
    public static boolean verify(ApiChannel channel, String identifier, String identifierHash) {
        boolean hashGiven = identifierHash != null && !identifierHash.isBlank();
        if (!hashGiven && !channel.hmacMandatory()) {
            return false;
        }
        if (!hashGiven) {
            throw Errors.error(401, FAILED + " (this inbox requires identifier and identifier_hash)");
        }
        if (!matches(channel.hmacToken(), identifier, identifierHash)) {
            throw Errors.error(401, FAILED);
        }
        return true;
    }
}
