package com.bevatel.simulator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.SimulatorAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed framing (issue #14): a request always gets an answer or, where Undertow's own parser
 * refuses it before any handler runs, at least Undertow's 400 and a closed connection — never a
 * connection left open until the read timeout. See RELIABILITY.md, "Parameter and body attacks".
 */
class ProtocolErrorsTest {
    private static final String TOKEN = "protocol-token";
    private static BevatelSimulator sim;

    @BeforeAll
    static void start() {
        // A read timeout far beyond the bounds below, so a connection left hanging shows.
        sim = BevatelSimulator.builder().accessToken(TOKEN).readTimeout(Duration.ofSeconds(60)).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String post(String framing, String body) {
        return "POST /api/v1/accounts/1/contacts HTTP/1.1\r\nHost: x\r\napi_access_token: " + TOKEN
                + "\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n" + body;
    }

    private static RawHttp.Reply send(String request) {
        return RawHttp.send(sim.port(), request.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(10));
    }

    /**
     * 23 digits overflow a long. Undertow's parser keeps the overflowed value; when it is negative it
     * refuses the request itself (its bare 400), when it is positive the request reached the
     * application, which failed and dropped the connection: now it is a JSON 400.
     */
    @Test
    void aContentLengthOf23DigitsIsAnswered400AndTheConnectionClosed() {
        RawHttp.Reply reaching = send(post("Content-Length: 99999999999999999999999", "{}"));
        assertThat(reaching.dropped()).as("answered, not dropped").isFalse();
        assertThat(reaching.status()).isEqualTo(400);
        assertThat(reaching.header("content-type")).isEqualTo(ErrorShapes.JSON_UTF8);
        assertThat(reaching.jsonOrNull().get("message").asText()).contains("Content-Length");
        assertThat(reaching.header("connection")).isEqualTo("close");

        RawHttp.Reply refusedByUndertow = send(post("Content-Length: 12345678901234567890123", "{}"));
        assertThat(refusedByUndertow.status()).isEqualTo(400);
        assertThat(refusedByUndertow.header("connection")).isEqualTo("close");

        RawHttp.Reply letters = send(post("Content-Length: 12ab", "{}"));
        assertThat(letters.status()).isEqualTo(400);
        assertThat(letters.header("connection")).isEqualTo("close");
        assertThat(SimulatorAccess.store(sim).read(state -> state.contacts.size()).intValue()).isZero();
    }

    /**
     * A chunk size that is not hex, or too large: Undertow's chunked decoder closes the connection
     * itself, inside the read, before the exception reaches the application, so no answer can be
     * written. What is required is that the connection ends at once rather than hanging.
     */
    @Test
    void aBadChunkSizeEndsTheConnectionAtOnce() throws IOException {
        for (String chunks : new String[] {"ZZ\r\n{}\r\n0\r\n\r\n", "fffffffffffffffffffff\r\n{}\r\n0\r\n\r\n"}) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                out.write(post("Transfer-Encoding: chunked", chunks).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = socket.getInputStream();
                try {
                    RawHttp.Reply reply = RawHttp.parse(RawHttp.readAll(in));
                    assertThat(reply.dropped() || reply.status() == 400).as(reply.toString()).isTrue();
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the connection was left open: " + chunks.split("\r\n")[0], e);
                }
            }
        }
        assertThat(SimulatorAccess.store(sim).read(state -> state.contacts.size()).intValue()).isZero();
    }
}
