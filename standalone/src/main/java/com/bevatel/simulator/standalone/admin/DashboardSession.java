package com.bevatel.simulator.standalone.admin;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's session with an admin token: a browser opens {@code /_simulator/ui?admin_token=…}
 * once, and from then on its requests carry a cookie instead of the token. An {@code EventSource}
 * cannot send a header, and the token in the page's URL ended up in its address bar, its history
 * and the {@code Referer} of every link opened from it; the cookie is none of those places and no
 * script can read it ({@code HttpOnly}). It is sent to this simulator's {@code /_simulator/} only
 * ({@code Path}, and a name with the port, since cookies ignore ports), never with a request another
 * site starts ({@code SameSite=Strict}), and it proves only that the token was shown, up to
 * {@link #LIFETIME} ago: its value is that time's end, signed with a key this process made.
 */
final class DashboardSession {
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final String ALGORITHM = "HmacSHA256";

    private final String name;
    private final SecretKeySpec key;
    private final Clock clock;

    DashboardSession(int port, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.name = "bevatel_simulator_admin_" + port;
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.clock = clock;
    }

    String cookieName() {
        return name;
    }

    /** Seconds the request's session has left: 0 when it has none, or a forged or expired one. */
    long remainingSeconds(HttpServerExchange exchange) {
        Cookie cookie = exchange.getRequestCookie(name);
        if (cookie == null || cookie.getValue() == null) {
            return 0;
        }
        String value = cookie.getValue();
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return 0;
        }
        long expires;
        try {
            expires = Long.parseLong(value.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signature(expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, expected)) {
            return 0;
        }
        return Math.max(0, expires - clock.instant().getEpochSecond());
    }

    /** Starts (or renews) the session: a cookie valid for {@link #LIFETIME} from now. */
    void start(HttpServerExchange exchange) {
        long expires = clock.instant().getEpochSecond() + LIFETIME.toSeconds();
        exchange.getResponseHeaders().add(Headers.SET_COOKIE, name + "=" + expires + "." + signature(expires)
                + "; Path=/_simulator/; Max-Age=" + LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict");
    }

    private String signature(long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] signed = mac.doFinal((name + ":" + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, e);
        }
    }
}
