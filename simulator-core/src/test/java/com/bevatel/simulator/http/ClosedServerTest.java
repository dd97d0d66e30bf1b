package com.bevatel.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.BevatelSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The I/O threads are shared by every simulator of the JVM: a closed simulator must not go on answering on
 * connections its clients keep alive (a test would then pass against a simulator it believes gone).
 */
class ClosedServerTest {

    @Test
    void aKeptAliveConnectionIsClosedWithTheSimulator() throws IOException {
        BevatelSimulator sim = BevatelSimulator.builder().port(0).start();
        byte[] profile = ("GET /api/v1/profile HTTP/1.1\r\nHost: 127.0.0.1\r\napi_access_token: " + sim.accessToken()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", sim.baseUrl().getPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(profile);
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 200 OK");
            drain(in);

            sim.close();

            assertThatThrownBy(() -> {
                out.write(profile);
                out.flush();
                String answer = statusLine(in);
                if (!answer.isEmpty()) {
                    throw new AssertionError("the closed simulator answered " + answer);
                }
                throw new IOException("closed without an answer");
            }).isInstanceOf(IOException.class);
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    /** Reads the rest of a small answer (headers and a body of Content-Length bytes). */
    private static void drain(InputStream in) throws IOException {
        int length = 0;
        for (String header = statusLine(in); !header.isEmpty(); header = statusLine(in)) {
            if (header.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        assertThat(in.readNBytes(length)).hasSize(length);
    }
}
