package com.bevatel.simulator.publicapi;

import static com.bevatel.simulator.Http.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.state.DomainEventListener;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started simulator seen the way a browser widget sees it: the Client API without any token
 * ({@link #client}), plus the Application API ({@link #app}) for what an agent or the integrator
 * does, and the domain events each request fired. As a test class's
 * {@code @RegisterExtension static} field it is reset before each test and closed after the last.
 */
final class PublicApi implements AutoCloseable, BeforeEachCallback, AfterAllCallback {
    final BevatelSimulator sim;
    final Http app;
    final Http client;
    private final List<DomainEvent> events = new ArrayList<>();

    PublicApi() {
        this(BevatelSimulator.builder().start());
    }

    PublicApi(BevatelSimulator sim) {
        this.sim = sim;
        this.app = new Http(sim);
        this.client = app.withToken(null);
        SimulatorAccess.store(sim).addListener(new DomainEventListener() {
            @Override
            public void onCommit(List<DomainEvent> committed, State state) {
                synchronized (events) {
                    events.addAll(committed);
                }
            }
        });
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Back to the seeded state with no events recorded. */
    void reset() {
        sim.reset();
        clearEvents();
    }

    String inbox() {
        return "/public/api/v1/inboxes/" + sim.apiInbox().identifier();
    }

    String contact(String sourceId) {
        return inbox() + "/contacts/" + sourceId;
    }

    String conversation(String sourceId, long displayId) {
        return contact(sourceId) + "/conversations/" + displayId;
    }

    /** POST …/contacts; asserts 200 and returns the body. */
    JsonNode createContact(String json) {
        return ok(client.post(inbox() + "/contacts", json));
    }

    /** A new contact's source_id. */
    String newContact(String json) {
        return createContact(json).get("source_id").asText();
    }

    /** POST …/conversations; asserts 200 and returns the public conversation. */
    JsonNode createConversation(String sourceId) {
        return ok(client.post(contact(sourceId) + "/conversations", "{}"));
    }

    List<DomainEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    List<String> eventNames() {
        return events().stream().map(DomainEvent::name).toList();
    }

    void clearEvents() {
        synchronized (events) {
            events.clear();
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
