package com.bevatel.simulator.reliability;

import static com.bevatel.simulator.Http.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.domain.AgentBots;
import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.state.DomainEventListener;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator the fuzzer hammers, with a small world in it (two accounts, contacts,
 * conversations, messages, labels, notes, a participant, a webhook, an attachment, a Client API contact, bots: one serving
 * the API inbox and assigned a conversation, one in each account besides) so that random
 * requests often name records that exist. Every {@link #RESET_EVERY} requests it is reset and the
 * world rebuilt (same ids every time: the simulator is deterministic), which keeps the state, and
 * so the before/after fingerprint, small.
 */
final class FuzzWorld implements AutoCloseable {
    static final String ADMIN_TOKEN = "fuzz-admin-token";
    static final String AGENT_TOKEN = "fuzz-agent-token";
    static final String BOT_TOKEN = "fuzz-bot-token";
    static final String OTHER_TOKEN = "fuzz-other-token";
    static final String OTHER_BOT_TOKEN = "fuzz-other-bot-token";
    static final String AGENT = "Agnes Agent";
    private static final int RESET_EVERY = 150;

    final BevatelSimulator sim;
    final int port;
    private final Router router;
    private final AtomicLong backgroundCommits = new AtomicLong();
    private int sinceReset;

    // What the world holds, as path and parameter values (strings: they go into URLs).
    String inboxIdentifier;
    String otherInboxIdentifier;
    String contactIdentifier;
    String publicConversationId;
    String blobKey;
    final List<String> sourceIds = new ArrayList<>();

    /** Requests sent, by property and status (-1: dropped). */
    final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    /** Rejected requests whose before/after comparison a webhook-thread write overlapped. */
    int inconclusive;

    FuzzWorld() {
        AtomicReference<Router> captured = new AtomicReference<>();
        this.sim = BevatelSimulator.builder()
                .accessToken(ADMIN_TOKEN)
                .agent(AGENT, "agnes@fuzz.test", AGENT_TOKEN)
                .team("support", AGENT)
                .agentBot("Fuzzbot", BOT_TOKEN)
                .apiInboxWebhookSink("fuzz-inbox")
                .extension((r, s) -> captured.set(r))
                .start();
        this.port = sim.port();
        this.router = captured.get();
        // Delivery failures are written back (the message turns failed) from the webhook threads:
        // counted, so a rejected request is never blamed for them.
        SimulatorAccess.store(sim).addListener(new DomainEventListener() {
            @Override
            public void onCommit(List<DomainEvent> events, State committed) {
                if (Thread.currentThread().getName().startsWith("bevatel-webhooks-")) {
                    backgroundCommits.incrementAndGet();
                }
            }

            @Override
            public void onReset() {
            }
        });
        build();
    }

    /** Every route the simulator registered, "METHOD /template", plus the sink (served before the router). */
    List<String> routes() {
        List<String> routes = new ArrayList<>(router.routes().stream().map(r -> r.method() + " " + r.template()).toList());
        routes.add("POST /_simulator/sink/{name}");
        return routes;
    }

    long backgroundCommits() {
        return backgroundCommits.get();
    }

    /** Called before each request: resets and rebuilds the world every {@link #RESET_EVERY} requests. */
    void beforeRequest() {
        // Also once the administrator's token no longer works (deleted, demoted or its token reset):
        // the requests after it would all be 401s.
        if (++sinceReset > RESET_EVERY || !administratorActs()) {
            sim.reset();
            build();
            sinceReset = 0;
        }
    }

    private boolean administratorActs() {
        return SimulatorAccess.store(sim).read(state -> state.userByToken.find(ADMIN_TOKEN).flatMap(state.users::find)
                .map(u -> u.role() == Role.ADMINISTRATOR).orElse(false));
    }

    /** Null while every index and child list matches the rows ({@link State#checkInvariants}); else what differs. */
    String brokenInvariants() {
        return SimulatorAccess.store(sim).read(state -> {
            try {
                state.checkInvariants();
                return null;
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        });
    }

    void record(String property, int status) {
        statuses.computeIfAbsent(property, p -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }

    int requests() {
        return statuses.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    private void build() {
        Http http = new Http(sim);
        OtherAccount other = OtherAccount.add(sim, OTHER_TOKEN);
        otherInboxIdentifier = other.inboxIdentifier();
        inboxIdentifier = sim.apiInbox().identifier();
        sourceIds.clear();
        for (int i = 1; i <= 2; i++) {
            JsonNode contact = ok(http.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Fuzz " + i
                    + "\",\"email\":\"f" + i + "@fuzz.test\",\"phone_number\":\"+1555010000" + i + "\",\"identifier\":\"fuzz-" + i + "\"}"));
            String source = contact.at("/payload/contact_inbox/source_id").asText();
            sourceIds.add(source);
            ok(http.post(Http.account("/conversations"), "{\"source_id\":\"" + source + "\",\"inbox_id\":1}"));
            ok(http.post(Http.account("/conversations/" + i + "/messages"), "{\"content\":\"hello " + i + "\",\"message_type\":\"incoming\"}"));
            ok(http.post(Http.account("/conversations/" + i + "/messages"), "{\"content\":\"reply\",\"message_type\":\"outgoing\"}"));
        }
        ok(http.post(Http.account("/conversations/1/messages"), "{\"content\":\"note\",\"private\":true}"));
        ok(http.post(Http.account("/conversations/1/labels"), "{\"labels\":[\"vip\",\"billing\"]}"));
        ok(http.post(Http.account("/contacts/1/labels"), "{\"labels\":[\"lead\"]}"));
        ok(http.post(Http.account("/contacts/1/notes"), "{\"content\":\"fuzz note\"}"));
        ok(http.post(Http.account("/contacts/2/notes"), "{\"content\":\"another note\"}"));
        ok(http.post(Http.account("/conversations/1/participants"), "{\"user_ids\":[2]}"));
        ok(http.post(Http.account("/webhooks"), "{\"webhook\":{\"url\":\"" + sim.sinkUrl("fuzz-hook")
                + "\",\"subscriptions\":[\"message_created\",\"conversation_created\"]}}"));
        Http otherHttp = http.withToken(OTHER_TOKEN);
        String otherSource = ok(otherHttp.post(other.path("/contacts"), "{\"inbox_id\":" + other.inboxId() + ",\"name\":\"Other\"}"))
                .at("/payload/contact_inbox/source_id").asText();
        ok(otherHttp.post(other.path("/conversations"), "{\"source_id\":\"" + otherSource + "\"}"));
        // Bots: the other account's (its own token), one made through the API, and Fuzzbot serving the API inbox,
        // so a new conversation there starts pending with it, and assigned a conversation.
        SimulatorAccess.store(sim).write(tx -> AgentBots.create(tx, other.accountId(), new AgentBots.BotFields(
                Change.of("Other Bot"), null, null, null, OTHER_BOT_TOKEN, null)));
        ok(http.post(Http.account("/agent_bots"), "{\"name\":\"Webhook Bot\",\"description\":\"made by the fuzzer\","
                + "\"outgoing_url\":\"" + sim.sinkUrl("fuzz-bot") + "\",\"bot_config\":{\"a\":1}}"));
        assertThat(http.post(Http.account("/inboxes/1/set_agent_bot"), "{\"agent_bot\":1}").status()).isEqualTo(200);
        ok(http.post(Http.account("/conversations/2/assignments"), "{\"assignee_id\":1,\"assignee_type\":\"AgentBot\"}"));
        // Custom attribute definitions of every kind the filters compare, carried by the contacts (one value
        // that is not a number, which a numeric filter refuses) and a conversation.
        for (String definition : List.of("plan:contact_attribute:list", "seats:contact_attribute:number",
                "since:contact_attribute:date", "vip:contact_attribute:checkbox", "budget:contact_attribute:currency",
                "order:conversation_attribute:number")) {
            String[] d = definition.split(":");
            ok(http.post(Http.account("/custom_attribute_definitions"), "{\"attribute_display_name\":\"" + d[0]
                    + "\",\"attribute_key\":\"" + d[0] + "\",\"attribute_model\":\"" + d[1] + "\",\"attribute_display_type\":\""
                    + d[2] + "\",\"attribute_values\":[\"gold\",\"silver\"]}"));
        }
        ok(http.patch(Http.account("/contacts/1"), "{\"custom_attributes\":{\"plan\":\"gold\",\"seats\":3,"
                + "\"since\":\"2024-01-01\",\"vip\":true,\"budget\":10}}"));
        ok(http.patch(Http.account("/contacts/2"), "{\"custom_attributes\":{\"seats\":\"many\"}}"));
        ok(http.post(Http.account("/conversations/1/custom_attributes"), "{\"custom_attributes\":{\"order\":7}}"));
        // A team (made through the API, Fuzz Agent its member) assigned conversation 1; a label; a canned response.
        long team = ok(http.post(Http.account("/teams"), "{\"name\":\"Fuzzers\"}")).get("id").asLong();
        ok(http.post(Http.account("/teams/" + team + "/team_members"), "{\"user_ids\":[2]}"));
        ok(http.post(Http.account("/conversations/1/assignments"), "{\"team_id\":" + team + "}"));
        ok(http.post(Http.account("/labels"), "{\"title\":\"vip\"}"));
        ok(http.post(Http.account("/canned_responses"), "{\"short_code\":\"hello\",\"content\":\"Hello {{contact.name}}\"}"));
        blobKey = attachment();
        String publicBase = "/public/api/v1/inboxes/" + inboxIdentifier + "/contacts";
        contactIdentifier = ok(http.post(publicBase, "{\"name\":\"Public\",\"email\":\"pub@fuzz.test\"}")).get("source_id").asText();
        publicConversationId = ok(http.post(publicBase + "/" + contactIdentifier + "/conversations", "{}")).get("id").asText();
        ok(http.post(publicBase + "/" + contactIdentifier + "/conversations/" + publicConversationId + "/messages",
                "{\"content\":\"from the widget\"}"));
    }

    /** A message with one attachment; returns the blob key its URL names. */
    private String attachment() {
        String boundary = "fuzz-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nfile\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
        RawHttp.Reply reply = RawHttp.send(port, new RawHttp.Request("POST", "/api/v1/accounts/1/conversations/1/messages")
                .header("api_access_token", ADMIN_TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .body(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String url = reply.jsonOrNull().at("/attachments/0/data_url").asText();
        String[] parts = url.split("/");
        return parts[parts.length - 2];
    }

    @Override
    public void close() {
        sim.close();
    }
}
