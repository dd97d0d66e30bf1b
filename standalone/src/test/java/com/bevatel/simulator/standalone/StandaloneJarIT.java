package com.bevatel.simulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as a user runs it: {@code java -jar}, the guide's flow over HTTP, then SIGTERM
 * and a clean exit. Proves the relocated dependencies still wire up (XNIO providers, services).
 */
class StandaloneJarIT {
    private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void runsTheGuideFlowAndStopsOnSigterm() throws Exception {
        Path jar = Path.of(System.getProperty("simulator.jar", "target/bevatel-simulator.jar"));
        assertThat(jar).exists();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", "0", "--access-token", "T").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            StringBuilder seen = new StringBuilder();
            for (String line; base == null && (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                }
            }
            assertThat(base).as("banner; output was:%n%s", seen).isNotNull();

            HttpResponse<String> contact = post(base + "/api/v1/accounts/1/contacts",
                    "{\"inbox_id\":1,\"name\":\"Alice\",\"phone_number\":\"+15550001111\"}");
            assertThat(contact.statusCode()).as(contact.body()).isEqualTo(200);
            String sourceId = contact.body().replaceAll(".*\"contact_inbox\":\\{.*\"source_id\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> conversation = post(base + "/api/v1/accounts/1/conversations",
                    "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":1}");
            assertThat(conversation.statusCode()).as(conversation.body()).isEqualTo(200);
            assertThat(conversation.body()).contains("\"id\":1,\"messages\":[]");
            HttpResponse<String> message = post(base + "/api/v1/accounts/1/conversations/1/messages",
                    "{\"content\":\"Hi, my order is late\",\"message_type\":\"incoming\"}");
            assertThat(message.statusCode()).isEqualTo(200);
            assertThat(message.body()).contains("\"message_type\":0");
            // The dashboard's page and data come out of the shaded jar too.
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/_simulator/ui/app.js")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/_simulator/ui/api/conversations")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("Hi, my order is late");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            assertThat(process.exitValue()).isIn(0, 143);
        } finally {
            process.destroyForcibly();
        }
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("api_access_token", "T")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
