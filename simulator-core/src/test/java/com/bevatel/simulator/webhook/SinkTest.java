package com.bevatel.simulator.webhook;

import static com.bevatel.simulator.webhook.WebhookTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The built-in receiver at /_simulator/sink/{name}: real deliveries without a server of one's own. */
class SinkTest {
    @Test
    void aSinkAcceptsDeliveriesWith200ByDefault() {
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            assertThat(sim.sinkUrl("crm").toString()).isEqualTo(sim.baseUrl() + "/_simulator/sink/crm");
            Http http = new Http(sim);
            WebhookTestSupport.addWebhook(http, sim.sinkUrl("crm"), "contact_created");
            WebhookTestSupport.contact(http, "Sam", "+15550400001");

            Delivery delivery = sim.webhooks().awaitEvent("contact_created", WAIT);
            assertThat(delivery.responseStatus()).isEqualTo(200);
            assertThat(delivery.url()).isEqualTo(sim.sinkUrl("crm"));
            assertThat(sim.sink("crm").received()).isEqualTo(1);
        }
    }

    @Test
    void aConfiguredStatusOrDelayMakesDeliveriesFail() {
        try (BevatelSimulator sim = BevatelSimulator.builder().webhookTimeout(Duration.ofMillis(200)).start()) {
            Http http = new Http(sim);
            sim.sink("down").respondWith(503);
            sim.sink("slow").delay(Duration.ofSeconds(30));
            WebhookTestSupport.addWebhook(http, sim.sinkUrl("down"), "contact_created");
            WebhookTestSupport.addWebhook(http, sim.sinkUrl("slow"), "contact_created");
            WebhookTestSupport.contact(http, "Tia", "+15550400002");

            sim.webhooks().await(2, d -> true, WAIT);
            assertThat(sim.webhooks().byReceiver(Receiver.accountWebhook(1))).singleElement()
                    .satisfies(d -> assertThat(d.failure()).isEqualTo("503 Service Unavailable"));
            assertThat(sim.webhooks().byReceiver(Receiver.accountWebhook(2))).singleElement()
                    .satisfies(d -> assertThat(d.failure()).isEqualTo("Net::ReadTimeout with #<TCPSocket:(closed)>"));
            // A delayed sink holds no server thread: the API still answers at once.
            assertThat(http.get(Http.account("/webhooks")).status()).isEqualTo(200);

            sim.sink("down").reset();
            WebhookTestSupport.contact(http, "Uma", "+15550400003");
            sim.webhooks().await(1, d -> d.receiver().id() == 1 && d.succeeded(), WAIT);
            assertThat(sim.sink("down").received()).isEqualTo(1);
        }
    }

    @Test
    void onlyPostToAValidNameIsAccepted() {
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            assertThat(http.get("/_simulator/sink/crm").status()).isEqualTo(405);
            assertThat(http.post("/_simulator/sink/", "{}").status()).isEqualTo(404);
            assertThat(http.post("/_simulator/sink/a/b", "{}").status()).isEqualTo(404);
            assertThat(http.post("/_simulator/sink/anything", "{}").status()).isEqualTo(200);
            assertThatThrownBy(() -> sim.sinkUrl("no spaces")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.sink("x").respondWith(700)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Issue 14 §11: sinks made by unauthenticated requests are bounded. */
    @Test
    void newNamesBeyondTheBoundAreRefusedAndOldOnesStillAnswer() {
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            for (int i = 0; i < Sinks.MAX_SINKS; i++) {
                sim.sink("s" + i);
            }
            Http.Result refused = http.post("/_simulator/sink/one-too-many", "{}");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("message").asText()).contains("1000 sinks already");
            assertThat(sim.sinks()).hasSize(Sinks.MAX_SINKS);
            assertThat(http.post("/_simulator/sink/s7", "{}").status()).isEqualTo(200);
            assertThatThrownBy(() -> sim.sink("another")).isInstanceOf(IllegalStateException.class);
        }
    }
}
