package com.bevatel.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.webhook.WebhookJournal;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What both ways in (annotation and {@code @RegisterExtension}) must do; run once per way by its
 * subclasses, which is the parity proof.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ExtensionContract {
    private static final Map<Class<?>, Set<Integer>> PORTS = new ConcurrentHashMap<>();
    private final BevatelSimulator fromConstructor;
    private BevatelSimulator fromBeforeEach;

    ExtensionContract(BevatelSimulator fromConstructor) {
        this.fromConstructor = fromConstructor;
    }

    @BeforeEach
    void lifecycleMethodsAreInjectedToo(BevatelSimulator sim) {
        this.fromBeforeEach = sim;
    }

    @Test
    @Order(1)
    void injectsTheSameSimulatorEverywhereWithTheConfiguredToken(BevatelSimulator sim, URI baseUrl) {
        assertThat(sim).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
        assertThat(baseUrl).isEqualTo(sim.baseUrl());
        assertThat(sim.accessToken()).isEqualTo("contract-token");
        assertThat(sim.seed()).isEqualTo(7L);
        ports().add(sim.port());
        assertThat(Api.createContact(sim, "first")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void resetsStateBeforeEachTestOnTheSameServer(BevatelSimulator sim) {
        ports().add(sim.port());
        assertThat(ports()).as("one simulator for the whole class").hasSize(1);
        assertThat(Api.get(sim, "/contacts")).contains("\"count\":0");
        assertThat(Api.createContact(sim, "second")).as("ids start again after the reset").isEqualTo(1);
    }

    private Set<Integer> ports() {
        return PORTS.computeIfAbsent(getClass(), c -> ConcurrentHashMap.newKeySet());
    }

    @Test
    @Order(3)
    void injectsTheJournalAndDeliversToTheConfiguredSink(BevatelSimulator sim, WebhookJournal journal) {
        assertThat(journal).isSameAs(sim.webhooks());
        long contact = Api.createContact(sim, "carol");
        Api.post(sim, "/conversations", "{\"inbox_id\":1,\"contact_id\":" + contact + "}");
        WebhookAssertions.awaitThat(journal).toApiInbox().event("conversation_created").hasSize(1)
                .single().succeeded().hasPayloadAt("/id", 1).isSignedWith(sim.apiInbox().secret());
    }

    @Test
    @Order(4)
    void startsEachTestWithAnEmptyJournal(WebhookJournal journal) {
        WebhookAssertions.assertThat(journal).hasNoDeliveries();
    }

    @Nested
    class NestedTests {
        @Test
        void reuseTheEnclosingSimulator(BevatelSimulator sim) {
            assertThat(sim).isSameAs(fromConstructor);
            assertThat(sim.accessToken()).isEqualTo("contract-token");
        }
    }
}
