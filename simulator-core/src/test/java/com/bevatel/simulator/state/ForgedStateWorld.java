package com.bevatel.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.domain.AgentBots;
import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.Inboxes;
import com.bevatel.simulator.domain.Teams;
import com.bevatel.simulator.domain.Users;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Two accounts with one of everything a state document holds — users, bots (one serving an inbox in
 * each account), teams with members, labels, canned responses, inboxes, webhooks, contacts with labels
 * and sessions, conversations assigned
 * to an agent, a team and a bot, messages from a contact, a user and a bot, activity messages, an
 * attachment, notes, participants, a transcript request, custom attribute definitions — and the requests that read all of it back over HTTP: every listing, every record, the
 * profile, the Client API.
 */
final class ForgedStateWorld {
    static final String ADMIN_ONE = "forged-admin-one";
    static final String ADMIN_TWO = "forged-admin-two";
    static final String AGENT_ONE = "forged-agent-one";
    static final String BOT_ONE = "forged-bot-one";
    static final String BOT_TWO = "forged-bot-two";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ForgedStateWorld() {
    }

    static BevatelSimulator start() {
        return BevatelSimulator.builder().accessToken(ADMIN_ONE).agent("Sam Agent", "sam@one.test", AGENT_ONE)
                .team("Support", "Sam Agent").agentBot("Helper Bot", BOT_ONE).start();
    }

    /** Fills the simulator: account 1 through the API, account 2 (the builder makes one) through the store first. */
    static void fill(BevatelSimulator sim) throws Exception {
        long two = SimulatorAccess.store(sim).write(tx -> {
            Account account = new Account(tx.nextId(Sequence.ACCOUNT), "Account Two", tx.now());
            tx.state().accounts.put(account);
            Users.add(tx, new User(tx.nextId(Sequence.USER), account.id(), "Olga Two", null, "olga@two.test",
                    Role.ADMINISTRATOR, ADMIN_TWO, tx.token(), tx.now()));
            Inboxes.create(tx, account.id(), new Inboxes.NewApiInbox("Two API", null));
            Teams.create(tx, account.id(), "Billing");
            AgentBots.create(tx, account.id(), new AgentBots.BotFields(Change.of("Two Bot"), null, null, null, BOT_TWO, null));
            return account.id();
        });
        Http one = new Http(sim.baseUrl(), ADMIN_ONE);
        Http other = new Http(sim.baseUrl(), ADMIN_TWO);
        String a1 = "/api/v1/accounts/1";
        String a2 = "/api/v1/accounts/" + two;
        long inboxTwo = SimulatorAccess.store(sim).read(state -> state.inboxes.all().stream()
                .filter(i -> i.accountId() == two).findFirst().orElseThrow().id());

        ok(one.post(a1 + "/contacts", "{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@one.test\","
                + "\"phone_number\":\"+15550001111\",\"custom_attributes\":{\"tier\":\"gold\"}}"));
        ok(one.post(a1 + "/contacts", "{\"inbox_id\":1,\"name\":\"Bob\",\"identifier\":\"bob-1\"}"));
        ok(one.post(a1 + "/conversations", "{\"inbox_id\":1,\"contact_id\":1}"));
        ok(one.post(a1 + "/conversations", "{\"inbox_id\":1,\"contact_id\":2,\"status\":\"pending\"}"));
        ok(one.post(a1 + "/conversations/1/messages", "{\"content\":\"Hi\",\"message_type\":\"incoming\"}"));
        ok(one.post(a1 + "/conversations/1/messages", "{\"content\":\"Hello\",\"message_type\":\"outgoing\"}"));
        ok(one.post(a1 + "/conversations/1/messages", "{\"content\":\"note\",\"private\":true}"));
        ok(one.withToken(BOT_ONE).post(a1 + "/conversations/1/messages", "{\"content\":\"From the bot\"}"));
        ok(one.post(a1 + "/conversations/1/labels", "{\"labels\":[\"vip\",\"billing\"]}"));
        ok(one.post(a1 + "/contacts/1/labels", "{\"labels\":[\"customer\"]}"));
        ok(one.post(a1 + "/conversations/1/assignments", "{\"assignee_id\":2}"));
        ok(one.post(a1 + "/conversations/1/assignments", "{\"team_id\":1}"));
        ok(one.post(a1 + "/conversations/2/assignments", "{\"assignee_id\":1,\"assignee_type\":\"AgentBot\"}"));
        ok(one.post(a1 + "/conversations/1/toggle_priority", "{\"priority\":\"high\"}"));
        ok(one.post(a1 + "/webhooks", "{\"url\":\"http://127.0.0.1:9/hooks\",\"subscriptions\":[\"message_created\"],"
                + "\"inbox_id\":1}"));
        ok(upload(sim, a1 + "/conversations/1/messages"));
        String identifier = sim.apiInbox().identifier();
        String publicContacts = "/public/api/v1/inboxes/" + identifier + "/contacts";
        String source = ok(one.withToken(null).post(publicContacts, "{\"name\":\"Visitor\"}")).json().get("source_id").asText();
        ok(one.withToken(null).post(publicContacts + "/" + source + "/conversations", "{}"));
        ok(one.withToken(null).post(publicContacts + "/" + source + "/conversations/3/messages", "{\"content\":\"public hi\"}"));

        ok(other.post(a2 + "/contacts", "{\"inbox_id\":" + inboxTwo + ",\"name\":\"Zed\",\"email\":\"zed@two.test\"}"));
        ok(other.post(a2 + "/conversations", "{\"inbox_id\":" + inboxTwo + ",\"contact_id\":4}"));
        ok(other.post(a2 + "/conversations/1/messages", "{\"content\":\"Zed here\",\"message_type\":\"incoming\"}"));
        ok(other.post(a2 + "/conversations/1/messages", "{\"content\":\"Olga here\"}"));
        ok(other.post(a2 + "/webhooks", "{\"url\":\"http://127.0.0.1:9/two\",\"subscriptions\":[\"message_created\"]}"));
        // Custom attribute definitions: a list of the contacts' (Alice carries it) and a number of the
        // conversations' in account 1, the same contact key in account 2.
        ok(one.post(a1 + "/custom_attribute_definitions", "{\"attribute_display_name\":\"Tier\",\"attribute_key\":\"tier\","
                + "\"attribute_model\":\"contact_attribute\",\"attribute_display_type\":\"list\","
                + "\"attribute_values\":[\"gold\",\"silver\"],\"attribute_description\":\"Support tier\"}"));
        ok(one.post(a1 + "/custom_attribute_definitions", "{\"attribute_display_name\":\"Order\",\"attribute_key\":\"order\","
                + "\"attribute_display_type\":\"number\",\"regex_pattern\":\"^[0-9]+$\",\"regex_cue\":\"digits\"}"));
        ok(other.post(a2 + "/custom_attribute_definitions", "{\"attribute_display_name\":\"Tier\",\"attribute_key\":\"tier\","
                + "\"attribute_model\":\"contact_attribute\"}"));
        ok(one.post(a1 + "/conversations/1/participants", "{\"user_ids\":[2]}"));
        ok(other.post(a2 + "/conversations/1/participants", "{\"user_ids\":[3]}"));
        ok(one.post(a1 + "/conversations/1/transcript", "{\"email\":\"boss@one.test\"}"));

        // Bots serving inboxes (agent_bot_inboxes), a conversation that started with its inbox's bot, a bot
        // made through the API with every field set, and a message of the other account's bot.
        long botTwo = SimulatorAccess.store(sim).read(state -> state.agentBotByToken.find(BOT_TWO).orElseThrow());
        ok(one.post(a1 + "/agent_bots", "{\"name\":\"Webhook Bot\",\"description\":\"Answers first\","
                + "\"outgoing_url\":\"http://127.0.0.1:9/bot\",\"bot_config\":{\"lang\":\"en\"}}"));
        ok(one.post(a1 + "/inboxes/1/set_agent_bot", "{\"agent_bot\":1}"));
        ok(one.post(a1 + "/conversations", "{\"inbox_id\":1,\"contact_id\":2}"));
        ok(other.post(a2 + "/inboxes/" + inboxTwo + "/set_agent_bot", "{\"agent_bot\":" + botTwo + "}"));
        ok(other.withToken(BOT_TWO).post(a2 + "/conversations/1/messages", "{\"content\":\"Two bot here\"}"));

        // A team made through the API with every field set and a member, labels (one shown in the sidebar) and
        // canned responses in each account; a conversation created with its team.
        long night = ok(one.post(a1 + "/teams", "{\"name\":\"Night Shift\",\"description\":\"After hours\","
                + "\"allow_auto_assign\":false,\"icon\":\"i-lucide-moon\",\"icon_color\":\"#112233\"}")).json().get("id").asLong();
        ok(one.post(a1 + "/teams/" + night + "/team_members", "{\"user_ids\":[1,2]}"));
        ok(one.post(a1 + "/conversations", "{\"inbox_id\":1,\"contact_id\":1,\"team_id\":" + night + ",\"assignee_id\":2}"));
        ok(one.post(a1 + "/labels", "{\"title\":\"vip\",\"description\":\"Very important\",\"color\":\"#ff0000\","
                + "\"show_on_sidebar\":true}"));
        ok(one.post(a1 + "/labels", "{\"title\":\"billing\"}"));
        ok(other.post(a2 + "/labels", "{\"title\":\"vip\"}"));
        ok(one.post(a1 + "/canned_responses", "{\"short_code\":\"hello\",\"content\":\"Hello {{contact.name}}\"}"));
        ok(other.post(a2 + "/canned_responses", "{\"short_code\":\"hello\",\"content\":\"Hi from two\"}"));

        // Profiles and people: settings, a signature and a phone number, an availability shown as set, an agent
        // invited through the API (unconfirmed, with an inviter) and made a member of the inbox.
        ok(one.patch("/api/v1/profile", "{\"display_name\":\"Boss\",\"message_signature\":\"-- Boss\","
                + "\"ui_settings\":{\"locale\":\"en\",\"panes\":[1,2]},\"phone_number\":\"+15550002222\"}"));
        ok(one.post("/api/v1/profile/availability", "{\"account_id\":1,\"availability\":\"busy\"}"));
        ok(one.post("/api/v1/profile/auto_offline", "{\"account_id\":1,\"auto_offline\":false}"));
        long invited = ok(one.post(a1 + "/agents", "{\"name\":\"Ivy Invited\",\"email\":\"ivy@one.test\"}")).json().get("id").asLong();
        ok(one.post(a1 + "/inbox_members", "{\"inbox_id\":1,\"user_ids\":[" + invited + "]}"));
        // Notes: an agent's and the administrator's in account 1, one in account 2.
        ok(one.withToken(AGENT_ONE).post(a1 + "/contacts/1/notes", "{\"content\":\"Prefers email\"}"));
        ok(one.post(a1 + "/contacts/2/notes", "{\"content\":\"Bob is bob-1\"}"));
        ok(other.post(a2 + "/contacts/4/notes", "{\"content\":\"Zed's note\"}"));
    }

    /** A read of the API: a path, the token it is sent with (null: none), and the account whose data it shows. */
    record Read(String path, String token, long account) {
    }

    /** Every read of what {@code doc} holds: the listings and records of each account, as its admin, and the public API. */
    static List<Read> reads(JsonNode doc) {
        List<Read> reads = new ArrayList<>();
        reads.add(new Read("/_simulator/clock", null, 0));
        reads.add(new Read("/api/v1/profile", AGENT_ONE, 1));
        reads.add(new Read("/api/v1/accounts/1/conversations?status=all", AGENT_ONE, 1));
        reads.add(new Read("/api/v1/accounts/1/conversations/1", BOT_ONE, 1));
        reads.add(new Read("/api/v1/accounts/1/agent_bots", AGENT_ONE, 1));
        reads.add(new Read("/api/v1/accounts/1/inboxes/1/agent_bot", AGENT_ONE, 1));
        for (JsonNode account : doc.get("accounts")) {
            long id = account.get("id").asLong();
            String token = id == 1 ? ADMIN_ONE : ADMIN_TWO;
            String base = "/api/v1/accounts/" + id;
            reads.add(new Read("/api/v1/profile", token, id));
            for (String listing : List.of("/contacts", "/contacts?sort=-name", "/contacts/search?q=a",
                    "/conversations?status=all", "/conversations?status=open&assignee_type=unassigned",
                    "/conversations/meta?status=all", "/inboxes", "/webhooks", "/agent_bots", "/teams", "/labels",
                    "/canned_responses", "/canned_responses?search=hel", "/custom_attribute_definitions", "/agents",
                    "/search?q=a", "/conversations/search?q=e")) {
                reads.add(new Read(base + listing, token, id));
            }
            for (JsonNode contact : rowsOf(doc, "contacts", id)) {
                String path = base + "/contacts/" + contact.get("id").asLong();
                for (String suffix : List.of("", "/conversations", "/labels", "/contactable_inboxes", "/notes", "/attachments")) {
                    reads.add(new Read(path + suffix, token, id));
                }
            }
            for (JsonNode conversation : rowsOf(doc, "conversations", id)) {
                String path = base + "/conversations/" + conversation.get("display_id").asLong();
                for (String suffix : List.of("", "/messages", "/labels", "/participants", "/attachments")) {
                    reads.add(new Read(path + suffix, token, id));
                }
            }
            for (JsonNode inbox : rowsOf(doc, "inboxes", id)) {
                reads.add(new Read(base + "/inboxes/" + inbox.get("id").asLong(), token, id));
                reads.add(new Read(base + "/inboxes/" + inbox.get("id").asLong() + "/agent_bot", token, id));
                reads.add(new Read(base + "/inboxes/" + inbox.get("id").asLong() + "/assignable_agents", token, id));
                reads.add(new Read(base + "/inbox_members/" + inbox.get("id").asLong(), token, id));
            }
            for (JsonNode bot : rowsOf(doc, "agent_bots", id)) {
                reads.add(new Read(base + "/agent_bots/" + bot.get("id").asLong(), token, id));
            }
            for (JsonNode definition : rowsOf(doc, "custom_attribute_definitions", id)) {
                reads.add(new Read(base + "/custom_attribute_definitions/" + definition.get("id").asLong(), token, id));
            }
            for (JsonNode team : rowsOf(doc, "teams", id)) {
                reads.add(new Read(base + "/teams/" + team.get("id").asLong(), token, id));
                reads.add(new Read(base + "/teams/" + team.get("id").asLong() + "/team_members", token, id));
            }
            for (JsonNode label : rowsOf(doc, "labels", id)) {
                reads.add(new Read(base + "/labels/" + label.get("id").asLong(), token, id));
            }
            for (JsonNode note : rowsOf(doc, "notes", id)) {
                reads.add(new Read(base + "/contacts/" + note.get("contact_id").asLong() + "/notes/" + note.get("id").asLong(),
                        token, id));
            }
        }
        for (JsonNode session : doc.get("contact_inboxes")) {
            JsonNode inbox = rowById(doc, "inboxes", session.get("inbox_id").asLong());
            long account = inbox.get("account_id").asLong();
            String contact = "/public/api/v1/inboxes/" + inbox.at("/channel/identifier").asText() + "/contacts/"
                    + session.get("source_id").asText();
            reads.add(new Read("/public/api/v1/inboxes/" + inbox.at("/channel/identifier").asText(), null, account));
            reads.add(new Read(contact, null, account));
            reads.add(new Read(contact + "/conversations", null, account));
            for (JsonNode conversation : doc.get("conversations")) {
                if (conversation.get("contact_inbox_id").asLong() == session.get("id").asLong()) {
                    reads.add(new Read(contact + "/conversations/" + conversation.get("display_id").asLong() + "/messages",
                            null, account));
                }
            }
        }
        for (JsonNode attachment : doc.get("attachments")) {
            reads.add(new Read("/rails/active_storage/blobs/redirect/" + attachment.get("blob_key").asText() + "/"
                    + attachment.get("file_name").asText(), null, attachment.get("account_id").asLong()));
        }
        return reads;
    }

    static List<JsonNode> rowsOf(JsonNode doc, String table, long accountId) {
        List<JsonNode> rows = new ArrayList<>();
        doc.get(table).forEach(row -> {
            if (row.get("account_id").asLong() == accountId) {
                rows.add(row);
            }
        });
        return rows;
    }

    static JsonNode rowById(JsonNode doc, String table, long id) {
        for (JsonNode row : doc.get(table)) {
            if (row.get("id").asLong() == id) {
                return row;
            }
        }
        throw new AssertionError("no " + table + " row " + id);
    }

    private static Http.Result ok(Http.Result result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result;
    }

    private static Http.Result upload(BevatelSimulator sim, String path) throws Exception {
        String boundary = "----forged-state";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nfile\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {1, 2, 3});
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(sim.baseUrl().resolve(path))
                .header("api_access_token", ADMIN_ONE).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Result(response.statusCode(), response.body(), null);
    }
}
