package com.bevatel.simulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 §10: an account webhook pointed at the simulator's own agent route made a reply per
 * delivery and a delivery per reply — thousands of messages a second, for ever; one pointed at its
 * Client API did the same with incoming messages. Deliveries to the simulator itself are refused
 * and recorded as failed, nothing sent; its sinks still receive.
 */
class SelfDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String REFUSED = "refused: the simulator does not deliver webhooks to its own admin API";

    private BevatelSimulator sim;
    private Http http;
    private long conversation;

    @BeforeEach
    void start() {
        sim = BevatelSimulator.builder().start();
        http = new Http(sim);
        long contact = http.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Alice\"}").json().at("/payload/contact/id").asLong();
        conversation = http.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":" + contact + "}").json().get("id").asLong();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private void webhook(String url) {
        Http.Result created = http.post(Http.account("/webhooks"), "{\"url\":\"" + url + "\",\"subscriptions\":[\"message_created\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
    }

    private int messages() {
        return http.get(Http.account("/conversations/" + conversation + "/messages")).json().get("payload").size();
    }

    /** One incoming message; answers its one delivery, once recorded. */
    private Delivery oneMessageDelivered() {
        assertThat(http.post(Http.account("/conversations/" + conversation + "/messages"),
                "{\"content\":\"hello\",\"message_type\":\"incoming\"}").status()).isEqualTo(200);
        return sim.webhooks().await(1, d -> d.event().equals("message_created"), WAIT).get(0);
    }

    @Test
    void aWebhookToTheAgentReplyRouteIsRefusedAndDoesNotLoop() {
        webhook(sim.baseUrl() + "/_simulator/agent/conversations/" + conversation + "/reply");

        Delivery refused = oneMessageDelivered();
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.failure()).isEqualTo(REFUSED);
        assertThat(refused.responseStatus()).as("nothing was sent").isNull();
        assertThat(messages()).as("the one incoming message, no reply").isEqualTo(1);
        // Had the delivery gone out, its reply would have been a message_created of its own by now.
        assertThat(sim.webhooks().all()).hasSize(1);
    }

    @Test
    void everyAdminRouteOnEveryNameOfTheOwnAddressIsRefused() {
        int port = sim.port();
        List<String> urls = List.of("http://localhost:" + port + "/_simulator/reset",
                "http://127.0.0.1:" + port + "//_simulator/clock",
                "http://127.0.0.1:" + port + "/%5Fsimulator/faults",
                "http://127.0.0.1:" + port + "/_simulator/sink/../agent/conversations/1/note",
                "http://127.0.0.1:" + port + "/_simulator");
        urls.forEach(this::webhook);
        oneMessageDelivered();
        List<Delivery> all = sim.webhooks().await(urls.size(), d -> true, WAIT);
        assertThat(all).extracting(Delivery::failure).containsOnly(REFUSED);
        assertThat(messages()).isEqualTo(1);
    }

    @Test
    void aWebhookToItsOwnClientApiIsRefusedToo() {
        // The Client API needs no token: each delivery (whose body has "content") would post a message.
        String source = SimulatorAccess.store(sim).read(state -> state.contactInboxes.all().iterator().next().sourceId());
        webhook(sim.baseUrl() + "/public/api/v1/inboxes/" + sim.apiInbox().identifier() + "/contacts/" + source
                + "/conversations/" + conversation + "/messages");
        Delivery refused = oneMessageDelivered();
        assertThat(refused.failure()).isEqualTo("refused: the simulator does not deliver webhooks to its own API"
                + " (each delivery could create the message that causes the next); use a sink, /_simulator/sink/NAME");
        assertThat(messages()).isEqualTo(1);
        assertThat(sim.webhooks().all()).hasSize(1);
    }

    @Test
    void aRedirectToAnAdminRouteIsRefusedToo() {
        try (TestReceiver receiver = new TestReceiver()) {
            receiver.redirect("/hook", 307, sim.baseUrl() + "/_simulator/agent/conversations/" + conversation + "/reply");
            webhook(receiver.url("/hook").toString());
            Delivery refused = oneMessageDelivered();
            assertThat(refused.failure()).isEqualTo(REFUSED);
            assertThat(receiver.received("/hook")).hasSize(1);
        }
        assertThat(messages()).isEqualTo(1);
    }

    @Test
    void theSinksAndOtherServersOnLoopbackStillReceive() {
        webhook(sim.sinkUrl("crm").toString());
        try (TestReceiver receiver = new TestReceiver()) {
            webhook(receiver.url("/_simulator/agent/conversations/1/reply").toString()); // another port: not the simulator
            oneMessageDelivered();
            List<Delivery> all = sim.webhooks().await(2, d -> true, WAIT);
            assertThat(all).allSatisfy(d -> assertThat(d.responseStatus()).as(d.url().toString()).isEqualTo(200));
        }
        assertThat(sim.sink("crm").received()).isEqualTo(1);
    }
}
