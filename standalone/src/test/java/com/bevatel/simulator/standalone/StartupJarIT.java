package com.bevatel.simulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.fixture.Fixtures;
import com.bevatel.simulator.fixture.Fixtures.ContactEntry;
import com.bevatel.simulator.fixture.Fixtures.ConversationEntry;
import com.bevatel.simulator.fixture.Fixtures.MessageEntry;
import com.bevatel.simulator.standalone.files.StateFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's start as a client that waits only for the port sees it (docker-compose depends_on,
 * Testcontainers' listening-port wait, wait-for-it): with a state file of thousands of
 * conversations the port opens well before the state is loaded, and every request sent from the
 * first open port on is held and answered with the real data — never 503.
 */
class StartupJarIT {
    private static final Path JAR = Path.of(System.getProperty("simulator.jar", "target/bevatel-simulator.jar"));
    private static final int CONVERSATIONS = 4000;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(120);

    @TempDir
    Path dir;

    @Test
    void requestsFromTheFirstOpenPortAreHeldUntilTheStateIsLoaded() throws Exception {
        Path state = dir.resolve("state.json");
        new StateFile(state).save(stateWithManyConversations());
        int port = freePort();
        Process process = new ProcessBuilder(javaCommand("--port", String.valueOf(port), "--access-token", "T",
                "--state", state.toString())).redirectErrorStream(true).start();
        List<String> output = drain(process);
        try {
            String lastConversation = "/api/v1/accounts/1/conversations/" + CONVERSATIONS;
            List<Integer> refused = new ArrayList<>();
            EarlyRequest.Response first = null;
            long portOpenedAt = 0;
            long deadline = System.nanoTime() + WAIT_NANOS;
            // Poll as a port-waiting client does: connect in a tight loop, send at once, retry on 503.
            while (first == null || first.status() == 503) {
                if (first != null) {
                    refused.add(first.status());
                }
                Socket socket = connectAsSoonAsOpen(port, process, deadline, output);
                if (portOpenedAt == 0) {
                    portOpenedAt = System.nanoTime();
                }
                first = EarlyRequest.get(socket, lastConversation, "T");
            }
            long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - portOpenedAt);
            System.out.printf("start-up with %d conversations: %d answers 503 before the first 200; first answer %d ms"
                    + " after the port opened%n", CONVERSATIONS, refused.size(), heldMillis);

            assertThat(refused).as("503 answers while the jar started").isEmpty();
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            JsonNode conversation = new ObjectMapper().readTree(first.body());
            assertThat(conversation.get("id").asLong()).isEqualTo(CONVERSATIONS);
            assertThat(conversation.at("/meta/sender/name").asText()).isEqualTo("Customer " + CONVERSATIONS);
            // A conversation's JSON carries its last message only.
            assertThat(conversation.get("messages").findValuesAsText("content")).containsExactly("On its way");
        } finally {
            process.toHandle().destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aTakenPortStopsTheJarWithOneLineSayingWhatToPass() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Process process = new ProcessBuilder(javaCommand("--port", String.valueOf(port))).start();
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("bevatel-simulator:"
                    + " cannot start: port " + port + " on 127.0.0.1 is in use; pass --port 0 for a free one or --port N"
                    + System.lineSeparator());
            assertThat(process.getInputStream().readAllBytes()).as("nothing on stdout").isEmpty();
        }
    }

    /** A simulator with {@link #CONVERSATIONS} conversations of two messages each, exported as the state file holds it. */
    private static JsonNode stateWithManyConversations() {
        List<ContactEntry> contacts = new ArrayList<>();
        List<ConversationEntry> conversations = new ArrayList<>();
        for (long i = 1; i <= CONVERSATIONS; i++) {
            contacts.add(new ContactEntry(i, null, "Customer " + i, "customer" + i + "@example.com", null, null, null,
                    null, null, null, null, null));
            conversations.add(new ConversationEntry(i, 1L, i, null, null, null, null, null, null, null, null, null,
                    // Not List.of: Fixtures checks its lists for null entries, which List.of refuses to be asked.
                    Arrays.asList(new MessageEntry(null, "Order " + i + " is late", null, null, null, null, null, null),
                            new MessageEntry(null, "On its way", "outgoing", null, null, null, null, null))));
        }
        Fixtures fixtures = new Fixtures(null, null, null, null, null, null, contacts, conversations, null, null);
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken("T").fixtures(fixtures).start()) {
            return sim.exportState();
        }
    }

    /** Connection attempts back to back until one succeeds; fails if the jar exits or the port never opens. */
    private static Socket connectAsSoonAsOpen(int port, Process process, long deadline, List<String> output)
            throws IOException {
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(90));
                return socket;
            } catch (ConnectException notYetOpen) {
                socket.close();
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the port never opened; the jar printed:\n" + String.join("\n", output));
                }
            }
        }
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> drain(Process process) {
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread drain = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(output::add);
            } catch (IOException | java.io.UncheckedIOException closed) {
                // The process is gone; what it printed is kept.
            }
        }, "jar-output");
        drain.setDaemon(true);
        drain.start();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
