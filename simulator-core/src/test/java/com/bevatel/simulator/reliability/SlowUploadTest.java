package com.bevatel.simulator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue #14: 33 slow unauthenticated multipart uploads took every one of the 32 request threads all
 * simulators of a JVM share (a multipart body was read blocking, on a request thread), so health,
 * dashboard data, uploads and state import/export all stopped. Here 40 clients send multipart
 * headers and then their body a byte every 100 ms, some unauthenticated on the Application API,
 * some on the Client API (which has no token); meanwhile other clients' requests — an I/O-thread
 * route, a core {@code /_simulator/} route, an extension route (on a request thread, like the
 * standalone jar's health and dashboard data) and a normal upload — must be answered promptly.
 */
class SlowUploadTest {
    private static final String TOKEN = "slow-upload-token";
    private static final int SLOW_CLIENTS = 40;
    /** How long the slow clients keep dribbling: bounded, and longer than any answer may take. */
    private static final Duration DRIBBLE = Duration.ofSeconds(8);
    private static final Duration PROMPT = Duration.ofSeconds(5);

    @Test
    void slowMultipartUploadsHoldNoRequestThread() throws Exception {
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken(TOKEN).readTimeout(Duration.ofSeconds(30))
                .extension((router, s) -> router.get("/_simulator/slow-upload-health", request -> {
                    var body = Json.object();
                    body.put("ok", true);
                    return Response.ok(body);
                }))
                .start()) {
            Http http = new Http(sim);
            String publicBase = "/public/api/v1/inboxes/" + sim.apiInbox().identifier() + "/contacts";
            String contact = http.post(publicBase, "{\"name\":\"Widget\"}").json().get("source_id").asText();
            String conversation = http.post(publicBase + "/" + contact + "/conversations", "{}").json().get("id").asText();
            String publicMessages = publicBase + "/" + contact + "/conversations/" + conversation + "/messages";
            String source = http.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Ada\"}").json()
                    .at("/payload/contact_inbox/source_id").asText();
            assertThat(http.post(Http.account("/conversations"), "{\"source_id\":\"" + source + "\"}").status()).isEqualTo(200);
            int messagesBefore = SimulatorAccess.store(sim).read(state -> state.messages.size()).intValue();

            List<Socket> slow = new ArrayList<>();
            Map<String, Long> latencies = new LinkedHashMap<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    // Unauthenticated on the Application API, or on the Client API; a body too large to be
                    // buffered before the handler runs (over 1 MiB), or chunked.
                    String path = i % 2 == 0 ? Http.account("/conversations/1/messages") : publicMessages;
                    String part = "--slow\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\n";
                    String framing = i % 4 < 2 ? "Content-Length: 2000000\r\n\r\n" + part
                            : "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(part.length() + 100_000) + "\r\n" + part;
                    slow.add(open(sim.port(), "POST " + path + " HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Type: multipart/form-data; boundary=slow\r\n" + framing));
                }
                long dribbleEnd = System.nanoTime() + DRIBBLE.toNanos();
                Thread dribbler = new Thread(() -> dribble(slow, dribbleEnd), "slow-upload-dribbler");
                dribbler.start();
                Thread.sleep(1_000); // every slow request has been taken up by the server
                latencies.put("GET /api/v1/profile", time(() -> http.get("/api/v1/profile").status()));
                latencies.put("GET /_simulator/clock", time(() -> http.get("/_simulator/clock").status()));
                latencies.put("GET /_simulator/slow-upload-health (request thread)",
                        time(() -> http.get("/_simulator/slow-upload-health").status()));
                latencies.put("POST multipart upload", time(() -> RawHttp.send(sim.port(), ParamsAttackTest.multipart(
                        Http.account("/conversations/1/messages"), List.of(ParamsAttackTest.field("content", "prompt"),
                                "Content-Disposition: form-data; name=\"attachments[]\"; filename=\"a.txt\"\r\n"
                                        + "Content-Type: text/plain\r\n\r\nhello")).header("api_access_token", TOKEN)).status()));
                System.out.println("during " + SLOW_CLIENTS + " slow multipart uploads, answered in (ms): " + latencies);
                dribbler.join(DRIBBLE.toMillis() + 5_000);
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
            assertThat(latencies.values()).allSatisfy(millis -> assertThat(millis).isLessThan(PROMPT.toMillis()));
            assertThat(SimulatorAccess.store(sim).read(state -> state.messages.size()).intValue()).as("only the prompt upload was stored")
                    .isEqualTo(messagesBefore + 1);
        }
    }

    /** The request's status must be 200; returns how long it took, in milliseconds. */
    private static long time(Supplier<Integer> request) {
        long started = System.nanoTime();
        int status = request.get();
        long took = (System.nanoTime() - started) / 1_000_000;
        assertThat(status).isEqualTo(200);
        return took;
    }

    private static Socket open(int port, String head) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    /** A byte to every slow client each 100 ms until {@code endNanos}; a client the server closed is left alone. */
    private static void dribble(List<Socket> sockets, long endNanos) {
        boolean[] closed = new boolean[sockets.size()];
        while (System.nanoTime() < endNanos) {
            for (int i = 0; i < sockets.size(); i++) {
                if (closed[i]) {
                    continue;
                }
                try {
                    sockets.get(i).getOutputStream().write('x');
                    sockets.get(i).getOutputStream().flush();
                } catch (IOException e) {
                    closed[i] = true;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
