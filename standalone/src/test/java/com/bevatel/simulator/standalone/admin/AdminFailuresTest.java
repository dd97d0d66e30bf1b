package com.bevatel.simulator.standalone.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.state.DomainEventListener;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #14, attack 7: the admin routes answer, always, with JSON — a forged import with a 422 naming
 * the field, and whatever else the work behind a route ends in (an exception, an Error) with a 500
 * naming it. Before, {@code PUT /_simulator/state} left the client waiting for ever when the import
 * threw anything but the expected refusal. Every request here gives up after 20 s, so a regression
 * fails instead of hanging the build.
 */
class AdminFailuresTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private BevatelSimulator sim;
    private volatile Supplier<? extends Throwable> resetFailure;

    @BeforeEach
    void start() {
        sim = BevatelSimulator.builder().accessToken("T")
                .extension(new AdminApi(new AdminApi.Settings("test", null, null, null))).start();
        // A stand-in for any bug behind the routes: a listener that fails when the state is replaced.
        SimulatorAccess.store(sim).addListener(new DomainEventListener() {
            @Override
            public void onCommit(List<DomainEvent> events, State committed) {
            }

            @Override
            public void onReset() {
                Supplier<? extends Throwable> failure = resetFailure;
                if (failure != null) {
                    throwUnchecked(failure.get());
                }
            }
        });
    }

    @AfterEach
    void stop() {
        resetFailure = null;
        sim.close();
    }

    @Test
    void aForgedImportIsRefusedWith422NamingTheField() throws Exception {
        ObjectNode forged = (ObjectNode) send("GET", "/_simulator/state", null).json;
        ((ObjectNode) forged.get("users").get(0)).putNull("role");
        Answer refused = send("PUT", "/_simulator/state", forged.toString());
        assertThat(refused.status).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json.get("error").asText()).isEqualTo("users[0] (id 1): role must not be null");
        assertThat(refused.json.get("pointer").asText()).isEqualTo("/users/0/role");
        assertThat(send("GET", "/api/v1/profile", null).json.get("role").asText()).as("nothing changed").isEqualTo("administrator");
    }

    @Test
    void anImportThatFailsUnexpectedlyIsAnsweredWithJsonAndTheServerGoesOn() throws Exception {
        String exported = send("GET", "/_simulator/state", null).body;
        resetFailure = () -> new IllegalStateException("listener broke");
        Answer failed = send("PUT", "/_simulator/state", exported);
        assertThat(failed.status).as(failed.toString()).isEqualTo(500);
        assertThat(failed.contentType).startsWith("application/json");
        assertThat(failed.json.get("exception").asText()).isEqualTo("java.lang.IllegalStateException: listener broke");
        resetFailure = null;
        assertThat(send("PUT", "/_simulator/state", exported).status).isEqualTo(200);
        assertThat(send("GET", "/_simulator/health", null).status).isEqualTo(200);
    }

    @Test
    void anErrorIsAnsweredWithJsonToo() throws Exception {
        String exported = send("GET", "/_simulator/state", null).body;
        resetFailure = () -> new StackOverflowError("deep");
        for (Answer failed : List.of(send("PUT", "/_simulator/state", exported), send("POST", "/_simulator/reset", null))) {
            assertThat(failed.status).as(failed.toString()).isEqualTo(500);
            assertThat(failed.contentType).as(failed.toString()).startsWith("application/json");
            assertThat(failed.json.get("exception").asText()).isEqualTo("java.lang.StackOverflowError: deep");
        }
    }

    private record Answer(int status, String contentType, String body, JsonNode json) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(sim.baseUrl().resolve(path)).timeout(Duration.ofSeconds(20))
                .header("api_access_token", "T").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError(method + " " + path + ": no answer within 20 s", e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode json = type.startsWith("application/json") ? JSON.readTree(response.body()) : null;
        return new Answer(response.statusCode(), type, response.body(), json);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void throwUnchecked(Throwable failure) throws E {
        throw (E) failure;
    }
}
