package com.bevatel.simulator.springboot.example;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.junit.BevatelSimulatorExtension;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The desk, started on a free port, against a Bevatel simulator: the README's "Spring Boot" example
 * (the README shows this file as it is). The test classes that extend it share one application
 * context, which Spring caches, and the one simulator of the static field, reset before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AgainstBevatel {
    @RegisterExtension
    static final BevatelSimulatorExtension bevatel = BevatelSimulatorExtension.builder().build();

    /** Spring reads these while it starts the desk; the simulator starts then if it has not yet. */
    @DynamicPropertySource
    static void bevatelProperties(DynamicPropertyRegistry properties) {
        properties.add("bevatel.base-url", () -> bevatel.simulator().baseUrl());
        properties.add("bevatel.access-token", () -> bevatel.simulator().accessToken());
        properties.add("bevatel.account-id", () -> bevatel.simulator().accountId());
        properties.add("bevatel.inbox-id", () -> bevatel.simulator().apiInbox().id());
        properties.add("bevatel.webhook-secret", () -> bevatel.simulator().apiInbox().secret());
    }

    @LocalServerPort
    int port;

    /**
     * Runs after the extension's reset, which gives the inbox back its configured start (no webhook
     * URL): what an integrator sets once in the inbox's settings, here this run's port.
     */
    @BeforeEach
    void pointTheApiInboxAtTheDesk(BevatelSimulator sim) {
        pointTheApiInboxAt(sim, URI.create("http://127.0.0.1:" + port + "/bevatel/webhook"));
    }

    static void pointTheApiInboxAt(BevatelSimulator sim, URI webhookUrl) {
        RestClient.create(sim.baseUrl().toString()).patch()
                .uri("/api/v1/accounts/{account}/inboxes/{inbox}", sim.accountId(), sim.apiInbox().id())
                .header("api_access_token", sim.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("channel", Map.of("webhook_url", webhookUrl.toString())))
                .retrieve().toBodilessEntity();
    }

    /** The desk's own API, over HTTP, as the shop's web page calls it. */
    RestClient desk() {
        return RestClient.create("http://127.0.0.1:" + port);
    }
}
