package com.bevatel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request that reaches the port while the simulator is still being assembled (here: an extension
 * that registers slowly, after the server started) waits, and is answered by the simulator once it
 * is ready — or 503 JSON when the start fails.
 */
class StartupHoldTest {
    private static final String CONTACT = "{\"name\":\"Alice\",\"email\":\"alice@example.com\"}";

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch registering = new CountDownLatch(1);
    private final CountDownLatch finishRegistering = new CountDownLatch(1);
    private final AtomicReference<URI> baseUrl = new AtomicReference<>();

    @AfterEach
    void stopThreads() {
        finishRegistering.countDown();
        threads.shutdownNow();
    }

    /** Registers once the test says so: the port is open, the routes are not bound. */
    private HttpExtension slowExtension(RuntimeException failure) {
        return (router, simulator) -> {
            baseUrl.set(simulator.baseUrl());
            registering.countDown();
            try {
                finishRegistering.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
        };
    }

    @Test
    void aPostSentWhileTheSimulatorStartsIsAnsweredWithItsBodyOnceItIsReady() throws Exception {
        CompletableFuture<BevatelSimulator> starting = CompletableFuture.supplyAsync(
                () -> BevatelSimulator.builder().accessToken("T").extension(slowExtension(null)).start(), threads);
        CompletableFuture<Http.Result> created = sendWhileStarting();
        assertThat(created).as("held while the simulator starts, not refused").isNotDone();

        finishRegistering.countDown();

        try (BevatelSimulator sim = starting.get(30, TimeUnit.SECONDS)) {
            Http.Result answer = created.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().at("/payload/contact/email").asText()).isEqualTo("alice@example.com");
            assertThat(new Http(sim).get(Http.account("/contacts/1")).json().at("/payload/name").asText()).isEqualTo("Alice");
        }
    }

    @Test
    void aFailedStartAnswersTheRequestsItHeld503AndThrowsItsCause() throws Exception {
        CompletableFuture<BevatelSimulator> starting = CompletableFuture.supplyAsync(() -> BevatelSimulator.builder()
                .accessToken("T").extension(slowExtension(new IllegalStateException("the extension broke"))).start(), threads);
        CompletableFuture<Http.Result> created = sendWhileStarting();

        finishRegistering.countDown();

        assertThatThrownBy(() -> starting.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("the extension broke");
        Http.Result answer = created.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.body()).isEqualTo("{\"status\":503,\"error\":\"Service Unavailable\","
                + "\"message\":\"the simulator failed to start: the extension broke\"}");
    }

    /** Once the port is open and the start is held in the extension: a contact POST, given time to reach the server. */
    private CompletableFuture<Http.Result> sendWhileStarting() throws InterruptedException {
        assertThat(registering.await(30, TimeUnit.SECONDS)).as("the start reached the extension").isTrue();
        CompletableFuture<Http.Result> created = CompletableFuture.supplyAsync(
                () -> new Http(baseUrl.get(), "T").post(Http.account("/contacts"), CONTACT), threads);
        // Nothing outside the server says a request is held (LateBoundHandlerTest counts them); this is ample
        // time for the request to arrive, so that the start goes on, or fails, with the request held.
        Thread.sleep(500);
        return created;
    }
}
