package com.bevatel.simulator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that send half a request and then nothing: more of them than the JVM-wide pool has
 * request threads (32). Half a body of declared length is buffered on the I/O thread and holds no
 * request thread at all; a chunked body that stops, headers that never end, and a connection that
 * never sends anything are cut off by the read timeout ({@code Builder.readTimeout}, 60 s by default).
 */
class SlowClientTest {
    private static final int STALLED = 40;
    private static final String TOKEN = "slow-token";

    @Test
    void halfABodyOfDeclaredLengthHoldsNoRequestThread() throws IOException {
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken(TOKEN).readTimeout(Duration.ofSeconds(30)).start()) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < STALLED; i++) {
                    stalled.add(stall(sim.port(), "POST /api/v1/accounts/1/contacts HTTP/1.1\r\nHost: x\r\napi_access_token: " + TOKEN
                            + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":"));
                }
                long started = System.nanoTime();
                Http.Result answer = new Http(sim).get("/api/v1/profile");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(answer.status()).isEqualTo(200);
                // Had each stalled request taken a request thread, this one would wait for the 30 s timeout.
                assertThat(took).isLessThan(Duration.ofSeconds(10));
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
            assertThat(SimulatorAccess.store(sim).read(state -> state.contacts.size()).intValue()).isZero();
        }
    }

    @Test
    void clientsThatStopSendingAreCutOffAfterTheReadTimeout() throws IOException {
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken(TOKEN).readTimeout(Duration.ofSeconds(1)).start()) {
            String head = "POST /api/v1/accounts/1/contacts HTTP/1.1\r\nHost: x\r\napi_access_token: " + TOKEN
                    + "\r\nContent-Type: application/json\r\n";
            List<Socket> stalled = new ArrayList<>();
            try {
                // Chunked bodies are read by a request thread: these take every one of them until the timeout.
                for (int i = 0; i < STALLED; i++) {
                    stalled.add(stall(sim.port(), head + "Transfer-Encoding: chunked\r\n\r\n8\r\n{\"name\":\r\n"));
                }
                stalled.add(stall(sim.port(), head + "Content-Length: 100\r\n\r\n{\"name\":"));
                stalled.add(stall(sim.port(), "GET /api/v1/profile HTTP/1.1\r\nHost: x\r\napi_acc"));
                stalled.add(stall(sim.port(), ""));
                for (Socket socket : stalled) {
                    assertThat(closedByServerWithin(socket, Duration.ofSeconds(30))).as("closed by the server").isTrue();
                }
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
            assertThat(new Http(sim).get("/api/v1/profile").status()).isEqualTo(200);
            assertThat(SimulatorAccess.store(sim).read(state -> state.contacts.size()).intValue()).isZero();
        }
    }

    private static Socket stall(int port, String bytes) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = socket.getOutputStream();
        out.write(bytes.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    /** Reads until the server closes (end of stream or reset); false when it is still open after {@code bound}. */
    private static boolean closedByServerWithin(Socket socket, Duration bound) throws IOException {
        socket.setSoTimeout((int) bound.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // a late error answer is fine; what matters is that the connection ends
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
