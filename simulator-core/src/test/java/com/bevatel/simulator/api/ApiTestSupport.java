package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.domain.Inboxes;
import com.bevatel.simulator.domain.Users;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.InboxMember;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulator per test class, reset before every test, so each test starts from the seeded world
 * (account 1, administrator 1 with token "test-token", API inbox 1) with ids and the clock at their
 * starting values: the clock starts at {@link #START} and each write moves it one second.
 */
abstract class ApiTestSupport {
    static final String TOKEN = "test-token";
    /** 2026-01-01T00:00:00Z; the n-th write is stamped START + n. */
    static final long START = 1767225600L;

    static BevatelSimulator sim;
    static Http http;

    @BeforeAll
    static void startSimulator() {
        sim = BevatelSimulator.builder().accessToken(TOKEN).start();
        http = new Http(sim);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }

    static String account(String path) {
        return Http.account(path);
    }

    /** Writes one-key-per-line JSON as the compact string the simulator sends (lines stripped and joined). */
    static String compact(String json) {
        return json.lines().map(String::strip).collect(Collectors.joining());
    }

    /** Asserts a 200 and returns the JSON body. */
    static JsonNode ok(Http.Result result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.contentType()).isEqualTo("application/json; charset=utf-8");
        return result.json();
    }

    static void assertError(Http.Result result, int status, String body) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.body()).isEqualTo(body);
        assertThat(result.contentType()).isEqualTo("application/json; charset=utf-8");
    }

    static final String NOT_FOUND = "{\"error\":\"Resource could not be found\"}";

    static Http.Result createContact(String json) {
        return http.post(account("/contacts"), json);
    }

    /** A contact in API inbox 1 and its source id. */
    static String contactSource(String json) {
        return ok(createContact(json)).at("/payload/contact_inbox/source_id").asText();
    }

    /** A conversation for a new contact (named {@code name}) in inbox 1; returns its display id. */
    static long conversationFor(String name) {
        return http.openConversation(name);
    }

    static JsonNode postMessage(long conversation, String json) {
        return ok(http.post(account("/conversations/" + conversation + "/messages"), json));
    }

    /** A second account with its own administrator (token "other-token") and API inbox, made through the store. */
    static SecondAccount addSecondAccount() {
        return SimulatorAccess.store(sim).write(tx -> {
            Account other = new Account(tx.nextId(Sequence.ACCOUNT), "Other Account", tx.now());
            tx.state().accounts.put(other);
            User admin = Users.add(tx, new User(tx.nextId(Sequence.USER), other.id(), "Olga Other", null,
                    "olga@other.test", Role.ADMINISTRATOR, "other-token", tx.token(), tx.now()));
            Inbox inbox = Inboxes.create(tx, other.id(), new Inboxes.NewApiInbox("Other API", null));
            return new SecondAccount(other.id(), admin.id(), inbox.id());
        });
    }

    record SecondAccount(long accountId, long adminId, long inboxId) {
    }

    /** An agent (not an administrator) of account 1, member of the API inbox, with token "agent-token". */
    static long addAgent() {
        return SimulatorAccess.store(sim).write(tx -> {
            User agent = Users.add(tx, new User(tx.nextId(Sequence.USER), 1L, "Sam Agent", "Sam",
                    "sam@bevatel.test", Role.AGENT, "agent-token", tx.token(), tx.now()));
            tx.state().inboxMembers.put(new InboxMember(1L, agent.id()));
            return agent.id();
        });
    }

    static long at(int write) {
        return START + write;
    }

    static String iso(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString().replace("Z", ".000Z");
    }
}
