package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.domain.Teams;
import com.bevatel.simulator.domain.Users;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.DomainEventListener;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A started simulator with a small team (admin token "admin-token"; agents Sam and Kim, members
 * of the API inbox; team "support" = Sam; bot "Helper Bot"), HTTP clients per token, and the
 * domain events of every committed write (what the webhook dispatcher receives).
 */
final class World implements AutoCloseable {
    static final String ADMIN = "admin-token";
    static final String SAM = "sam-token";
    static final String KIM = "kim-token";
    static final String BOT = "bot-token";

    final BevatelSimulator sim;
    final Http admin;
    final Http sam;
    final Http kim;
    final Http bot;
    final Events events = new Events();

    World() {
        this(BevatelSimulator.builder());
    }

    World(BevatelSimulator.Builder builder) {
        sim = builder.accessToken(ADMIN)
                .agent("Sam Agent", "sam@acme.test", SAM)
                .agent("Kim Agent", "kim@acme.test", KIM)
                .team("Support", "Sam Agent")
                .agentBot("Helper Bot", BOT)
                .start();
        SimulatorAccess.store(sim).addListener(events);
        admin = new Http(sim.baseUrl(), ADMIN);
        sam = admin.withToken(SAM);
        kim = admin.withToken(KIM);
        bot = admin.withToken(BOT);
    }

    static BevatelSimulator.Builder builder() {
        return BevatelSimulator.builder();
    }

    /** A contact with a session in the API inbox; returns the contact JSON. */
    JsonNode contact(String json) {
        Http.Result r = admin.post(Http.account("/contacts"), json);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().at("/payload/contact");
    }

    /** A new conversation for a new contact "name" in inbox 1; returns its display id. */
    long conversation(String name) {
        return admin.openConversation(name);
    }

    /** A second API inbox (no members: the agents may not see it) with one conversation; returns its display id. */
    long conversationInUnstaffedInbox() {
        Http.Result inbox = admin.post(Http.account("/inboxes"), "{\"name\":\"Other\",\"channel\":{\"type\":\"api\"}}");
        long inboxId = inbox.json().get("id").asLong();
        JsonNode contact = contact("{\"inbox_id\":" + inboxId + ",\"name\":\"Olga\"}");
        Http.Result conversation = admin.post(Http.account("/conversations"),
                "{\"inbox_id\":" + inboxId + ",\"contact_id\":" + contact.get("id").asLong() + "}");
        return conversation.json().get("id").asLong();
    }

    Http.Result incoming(long conversation, String content) {
        Http.Result r = admin.post(Http.account("/conversations/" + conversation + "/messages"),
                "{\"content\":\"" + content + "\",\"message_type\":\"incoming\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    /**
     * Defines a custom attribute ({@code POST /custom_attribute_definitions}) — what the filters need
     * before they accept its key; returns the definition.
     *
     * @param model {@code contact_attribute} or {@code conversation_attribute}
     * @param type  {@code text}, {@code number}, {@code date}, {@code list}, {@code checkbox} …
     */
    JsonNode define(String model, String key, String type) {
        Http.Result r = admin.post(Http.account("/custom_attribute_definitions"), "{\"attribute_display_name\":\"" + key
                + "\",\"attribute_key\":\"" + key + "\",\"attribute_model\":\"" + model
                + "\",\"attribute_display_type\":\"" + type + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode show(long conversation) {
        return admin.get(Http.account("/conversations/" + conversation)).json();
    }

    /** The contents of the conversation's messages, oldest first. */
    List<String> contents(long conversation) {
        List<String> out = new ArrayList<>();
        admin.get(Http.account("/conversations/" + conversation + "/messages")).json().get("payload")
                .forEach(m -> out.add(m.get("content").asText()));
        return out;
    }

    /**
     * The event names a webhook receiver would get: activity messages emit message_created in the
     * domain but are never delivered, so they are left out here.
     */
    List<String> delivered() {
        return SimulatorAccess.store(sim).read(state -> events.list().stream()
                .filter(e -> !(e instanceof DomainEvent.MessageCreated m)
                        || state.messages.find(m.messageId()).map(x -> x.messageType() != MessageType.ACTIVITY).orElse(true))
                .map(DomainEvent::name).toList());
    }

    /** A second account (the builder makes one; this goes through the store) with its administrator; returns the user's id. */
    long otherAccountUser() {
        return SimulatorAccess.store(sim).write(tx -> {
            Account account = new Account(tx.nextId(Sequence.ACCOUNT), "Other", tx.now());
            tx.state().accounts.put(account);
            return Users.add(tx, new User(tx.nextId(Sequence.USER), account.id(), "Olga Other", null, "olga@other.test",
                    Role.ADMINISTRATOR, "olga-token", tx.token(), tx.now())).id();
        });
    }

    /** A team "theirs" of a second account; returns its id. */
    long otherAccountTeam() {
        long olga = otherAccountUser();
        return SimulatorAccess.store(sim).write(tx -> Teams.create(tx, tx.state().users.get(olga).accountId(), "Theirs").id());
    }

    @Override
    public void close() {
        sim.close();
    }

    /** Every committed domain event, in commit order. */
    static final class Events implements DomainEventListener {
        private final List<DomainEvent> all = new ArrayList<>();

        @Override
        public synchronized void onCommit(List<DomainEvent> events, State committed) {
            all.addAll(events);
        }

        @Override
        public synchronized void onReset() {
            all.clear();
        }

        synchronized void clear() {
            all.clear();
        }

        synchronized List<DomainEvent> list() {
            return List.copyOf(all);
        }

        /** The event names, e.g. ["message_created", "conversation_updated"]. */
        synchronized List<String> names() {
            return all.stream().map(DomainEvent::name).toList();
        }

        synchronized <E extends DomainEvent> List<E> of(Class<E> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
