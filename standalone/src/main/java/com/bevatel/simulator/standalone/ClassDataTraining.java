package com.bevatel.simulator.standalone;

import com.bevatel.simulator.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run behind the jar's class-data-sharing archive, made by the build with
 * {@code java -XX:ArchiveClassesAtExit=bevatel-simulator.jsa -cp bevatel-simulator.jar …ClassDataTraining}:
 * it starts the simulator as {@code java -jar} does and walks the guide's flow (contact, conversation,
 * incoming and outgoing messages with their webhook, the dashboard), so the archive holds the classes
 * a first start and first requests load. With the archive, the JVM maps them instead of reading,
 * verifying and linking each one from the jar: a large part of a cold start.
 */
public final class ClassDataTraining {
    private static final String TOKEN = "class-data-training";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private ClassDataTraining() {
    }

    /**
     * The build's training run for the class-data archive: starts the jar's command line, walks the guide's
     * flow against it, and stops it.
     *
     * @param args not used
     * @throws Exception when the run fails, which fails the build
     */
    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        int[] exit = {-1};
        Thread server = new Thread(() -> exit[0] = Main.commandLine(new PrintStream(banner, true, StandardCharsets.UTF_8), stop)
                .execute("--port", "0", "--access-token", TOKEN, "--webhook-sink", "training"), "training-server");
        server.setDaemon(true);
        server.start();
        try {
            String base = awaitBaseUrl(banner, server);
            String account = base + "/api/v1/accounts/1";
            request("GET", base + "/api/v1/profile", null);
            String contact = request("POST", account + "/contacts", "{\"inbox_id\":1,\"name\":\"Training\",\"email\":\"training@example.com\"}");
            String sourceId = Json.parse(contact, true).at("/payload/contact/contact_inboxes/0/source_id").asText();
            String conversation = request("POST", account + "/conversations", "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":1}");
            long conversationId = Json.parse(conversation, true).path("id").asLong();
            String messages = account + "/conversations/" + conversationId + "/messages";
            request("POST", messages, "{\"content\":\"Hello from training\",\"message_type\":\"incoming\"}");
            request("POST", messages, "{\"content\":\"An agent's reply\",\"message_type\":\"outgoing\"}");
            request("GET", messages, null);
            request("GET", account + "/conversations", null);
            request("GET", base + "/_simulator/health", null);
            request("GET", base + "/_simulator/deliveries", null);
            // What test runners in other languages call after each action (the Node package does).
            request("GET", base + "/_simulator/deliveries/wait?event=message_created&count=2&timeout_ms=10000&bodies=true", null);
            request("GET", base + "/_simulator/ui", null);
        } finally {
            stop.countDown();
            server.join(30_000);
        }
        if (exit[0] != 0) {
            throw new IllegalStateException("the simulator exited with " + exit[0] + ": " + banner);
        }
    }

    private static String awaitBaseUrl(ByteArrayOutputStream banner, Thread server) throws InterruptedException {
        for (int i = 0; i < 3_000; i++) {
            Matcher listening = LISTENING.matcher(banner.toString(StandardCharsets.UTF_8));
            if (listening.find()) {
                return listening.group(1);
            }
            if (!server.isAlive()) {
                break;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the simulator did not start: " + banner);
    }

    /** Sends one request and insists on a 2xx, so a broken training run fails the build. */
    private static String request(String method, String url, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("api_access_token", TOKEN);
        if (json != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream body = connection.getOutputStream()) {
                body.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        if (status / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + status);
        }
        try (InputStream body = connection.getInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
