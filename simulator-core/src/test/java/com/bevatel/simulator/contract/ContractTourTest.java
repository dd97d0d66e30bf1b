package com.bevatel.simulator.contract;

import static com.bevatel.simulator.Http.account;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.AgentBotSetup;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.contract.ContractTable.ResponseRule;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every line of {@code responses.txt} answered at least once, and every event of
 * {@code deliveries.txt} delivered at least once, so every shape the simulator emits — each
 * route's success body, each error body, each webhook payload — goes through the contract in every
 * build, not only where some other test happens to call it. (The checking is the extension's; this
 * test makes the traffic and then asserts that no line went unused.)
 */
class ContractTourTest {
    /** Lines no request can reach yet, and why. */
    private static final Set<String> UNREACHABLE = Set.of(
            // Message status update on a non-API inbox (Chatwoot's ensure_api_inbox in
            // app/controllers/api/v1/accounts/conversations/messages_controller.rb): only API inboxes are simulated.
            "* /api/v1/** 403 error.json");

    private static final String ALL_EVENTS = "[\"conversation_created\",\"conversation_status_changed\",\"conversation_updated\","
            + "\"contact_created\",\"contact_updated\",\"message_created\",\"message_updated\",\"webwidget_triggered\","
            + "\"inbox_created\",\"inbox_updated\",\"conversation_typing_on\",\"conversation_typing_off\"]";

    private BevatelSimulator sim;
    private Http app;
    private Http client;
    /** A conversation in an inbox the agent Sam is no member of. */
    private long elsewhere;

    @BeforeEach
    void start() {
        sim = BevatelSimulator.builder().maxRequestBodyBytes(64 * 1024)
                .agent("Sam Agent", "sam@acme.test", null).team("support", "Sam Agent")
                .agentBot(AgentBotSetup.named("Helper Bot").outgoingSink("bot")).inboxEvents(true).start();
        app = new Http(sim);
        client = app.withToken(null);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void everyLineOfTheResponseAndDeliveryTablesIsExercised() {
        // First, so every later change is delivered (and its payload checked) for every event.
        ok(app.post(account("/webhooks"), "{\"url\":\"" + sim.sinkUrl("tour") + "\",\"subscriptions\":" + ALL_EVENTS + "}"));
        applicationApi();
        moreApplicationApi();
        contactsApi();
        webhooksApi();
        agentBotsApi();
        customAttributesApi();
        teamsLabelsAndCannedResponsesApi();
        peopleApi();
        simulatorRoutes();
        clientApi();
        errors();

        List<String> unused = Contract.get().responseRules().stream()
                .filter(rule -> !Contract.get().matchedRules().contains(rule))
                // Raw routes write their own bytes past the JSON handler: no exchange ever reaches the contract.
                .filter(rule -> !rule.schema().equals(ResponseRule.NOT_JSON))
                .map(ResponseRule::toString)
                .filter(rule -> UNREACHABLE.stream().noneMatch(rule::endsWith))
                .toList();
        assertThat(unused).as("response lines no request of the tour matched").isEmpty();
        assertThat(Contract.get().checkedDeliveryEvents()).as("events whose payloads were checked")
                .containsAll(Contract.get().deliveryRules().keySet());
    }

    private void applicationApi() {
        ok(app.get("/api/v1/profile"));
        ok(app.get(account("/inboxes")));
        ok(app.get(account("/inboxes/1")));
        long inbox = ok(app.post(account("/inboxes"), "{\"name\":\"Second\",\"channel\":{\"type\":\"api\","
                + "\"webhook_url\":\"" + sim.sinkUrl("second") + "\"}}")).get("id").asLong();
        ok(app.patch(account("/inboxes/" + inbox), "{\"greeting_enabled\":true,\"greeting_message\":\"Hello!\"}"));
        ok(app.put(account("/inboxes/" + inbox), "{\"timezone\":\"Europe/Paris\"}"));
        ok(app.post(account("/inboxes/" + inbox + "/reset_secret"), null));

        JsonNode alice = ok(app.post(account("/contacts"), "{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@example.com\","
                + "\"phone_number\":\"+15550001111\",\"identifier\":\"user-42\",\"custom_attributes\":{\"plan\":\"gold\"}}"));
        long aliceId = alice.at("/payload/contact/id").asLong();
        String sourceId = alice.at("/payload/contact_inbox/source_id").asText();
        long nameless = ok(app.post(account("/contacts"), "{\"name\":\"Nameless\"}")).at("/payload/contact/id").asLong();
        ok(app.get(account("/contacts")));
        ok(app.get(account("/contacts?page=2&sort=-name")));
        ok(app.get(account("/contacts/search?q=ali")));
        ok(app.get(account("/contacts/search")));
        ok(app.get(account("/contacts/" + aliceId)));
        ok(app.get(account("/contacts/" + aliceId + "?include_contact_inboxes=false")));
        ok(app.patch(account("/contacts/" + aliceId), "{\"additional_attributes\":{\"city\":\"Paris\"}}"));
        ok(app.put(account("/contacts/" + aliceId), "{\"blocked\":false}"));
        ok(app.post(account("/contacts/" + aliceId + "/contact_inboxes"), "{\"inbox_id\":" + inbox + "}"));
        ok(app.delete(account("/contacts/" + nameless)));

        ok(app.post(account("/conversations"), "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":1,"
                + "\"message\":{\"content\":\"Hello\",\"message_type\":\"incoming\"}}"));
        ok(app.post(account("/conversations"), "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":1,\"assignee_id\":1,"
                + "\"additional_attributes\":{\"channel\":\"app\"}}"));
        ok(app.get(account("/contacts/" + aliceId + "/conversations")));
        ok(app.get(account("/conversations?status=all")));
        ok(app.get(account("/conversations/meta")));
        ok(app.get(account("/conversations/1")));
        ok(app.post(account("/conversations/2/toggle_status"), "{\"status\":\"snoozed\",\"snoozed_until\":1767312000}"));
        ok(app.post(account("/conversations/2/toggle_status"), null));
        ok(app.get(account("/conversations/2")));

        long reply = ok(app.post(account("/conversations/1/messages"), "{\"content\":\"On its way\",\"echo_id\":\"tmp-1\"}"))
                .get("id").asLong();
        ok(app.post(account("/conversations/2/messages"), "{\"content\":\"A note\",\"private\":true,"
                + "\"content_type\":\"input_select\",\"content_attributes\":{\"items\":[{\"title\":\"A\",\"value\":\"a\"}]}}"));
        ok(app.patch(account("/conversations/1/messages/" + reply), "{\"status\":\"delivered\"}"));
        ok(app.put(account("/conversations/1/messages/" + reply), "{\"status\":\"failed\",\"external_error\":\"timeout\"}"));
        ok(app.delete(account("/conversations/1/messages/" + reply)));
        ok(app.get(account("/conversations/1/messages")));
        ok(app.get(account("/conversations/2/messages")));
        elsewhere = ok(app.post(account("/conversations"), "{\"inbox_id\":" + inbox + ",\"contact_id\":" + aliceId + "}"))
                .get("id").asLong();
    }

    /** Labels, filters, the conversation's member actions, assignments, inbox deletion (Chatwoot's api/v1/accounts controllers). */
    private void moreApplicationApi() {
        JsonNode carol = ok(app.post(account("/contacts"), "{\"inbox_id\":1,\"name\":\"Carol\",\"email\":\"carol@example.com\"}"));
        long carolId = carol.at("/payload/contact/id").asLong();
        String sourceId = carol.at("/payload/contact_inbox/source_id").asText();
        ok(app.get(account("/contacts/" + carolId + "/contactable_inboxes")));
        ok(app.post(account("/contacts/" + carolId + "/labels"), "{\"labels\":[\"vip\",\"beta\"]}"));
        ok(app.get(account("/contacts/" + carolId + "/labels")));
        ok(app.post(account("/contacts/filter"), "{\"payload\":[{\"attribute_key\":\"email\",\"filter_operator\":\"contains\","
                + "\"values\":[\"example.com\"],\"query_operator\":null}]}"));

        long id = ok(app.post(account("/conversations"), "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":1}")).get("id").asLong();
        String conversation = account("/conversations/" + id);
        ok(app.patch(conversation, "{\"priority\":\"high\"}"));
        ok(app.put(conversation, "{\"priority\":\"low\"}"));
        ok(app.get(conversation));
        ok(app.post(conversation + "/toggle_priority", "{\"priority\":\"urgent\"}"));
        ok(app.post(conversation + "/toggle_typing_status", "{\"typing_status\":\"on\"}"));
        ok(app.post(conversation + "/toggle_typing_status", "{\"typing_status\":\"off\",\"is_private\":true}"));
        ok(app.post(conversation + "/update_last_seen", null));
        ok(app.post(conversation + "/custom_attributes", "{\"custom_attributes\":{\"order\":\"A-1\"}}"));
        ok(app.post(conversation + "/labels", "{\"labels\":[\"billing\"]}"));
        ok(app.get(conversation + "/labels"));
        ok(app.post(account("/conversations/filter"), "{\"payload\":[{\"attribute_key\":\"status\",\"filter_operator\":\"equal_to\","
                + "\"values\":[\"open\"],\"query_operator\":null}]}"));

        String assignments = conversation + "/assignments";
        long sam = sim.user("Sam Agent").id();
        assertThat(ok(app.post(assignments, "{\"assignee_id\":" + sam + "}")).get("email").asText()).isEqualTo("sam@acme.test");
        assertThat(ok(app.post(assignments, "{\"assignee_id\":" + sim.agentBot("Helper Bot").id() + ",\"assignee_type\":\"AgentBot\"}"))
                .has("outgoing_url")).isTrue();
        // The bot it is assigned to is sent conversation_resolved, then conversation_opened (app/listeners/agent_bot_listener.rb).
        ok(app.post(conversation + "/toggle_status", "{\"status\":\"resolved\"}"));
        ok(app.post(conversation + "/messages", "{\"content\":\"Back again\",\"message_type\":\"incoming\"}"));
        assertThat(ok(app.post(assignments, "{\"team_id\":" + sim.team("support").id() + "}")).has("created_at")).isTrue();
        assertThat(ok(app.post(assignments, "{\"assignee_id\":null}")).isNull()).isTrue();
        ConversationExtrasTour.walk(app, id, sam);

        long doomed = ok(app.post(account("/conversations"), "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":1}")).get("id").asLong();
        ok(app.delete(account("/conversations/" + doomed)));
        long emptyInbox = ok(app.post(account("/inboxes"), "{\"name\":\"Short-lived\",\"channel\":{\"type\":\"api\"}}"))
                .get("id").asLong();
        ok(app.delete(account("/inboxes/" + emptyInbox)));
    }

    /**
     * A contact's notes, attachments and avatar, the active list, the contact of a session and a merge
     * (contacts_controller.rb, contacts/, contact_inboxes_controller.rb, actions/contact_merges_controller.rb).
     */
    private void contactsApi() {
        JsonNode dana = ok(app.post(account("/contacts"), "{\"inbox_id\":1,\"name\":\"Dana\",\"email\":\"dana@example.com\"}"));
        long danaId = dana.at("/payload/contact/id").asLong();
        String sourceId = dana.at("/payload/contact_inbox/source_id").asText();
        String notes = account("/contacts/" + danaId + "/notes");
        long note = ok(app.post(notes, "{\"content\":\"Prefers email\"}")).get("id").asLong();
        ok(app.get(notes));
        ok(app.get(notes + "/" + note));
        ok(app.patch(notes + "/" + note, "{\"content\":\"Prefers email, mornings\"}"));
        ok(app.put(notes + "/" + note, "{\"note\":{\"content\":\"Prefers phone\"}}"));
        long doomed = ok(app.post(notes, "{\"content\":\"Short-lived\"}")).get("id").asLong();
        ok(app.delete(notes + "/" + doomed));
        ok(app.get(account("/contacts/active")));
        ok(app.delete(account("/contacts/" + danaId + "/avatar")));
        ok(app.post(account("/contact_inboxes/filter"), "{\"inbox_id\":1,\"source_id\":\"" + sourceId + "\"}"));
        expect(404, app.post(account("/contact_inboxes/filter"), "{\"inbox_id\":1,\"source_id\":\"nobody\"}"));

        long conversation = ok(app.post(account("/conversations"), "{\"source_id\":\"" + sourceId + "\"}")).get("id").asLong();
        String boundary = "tour-boundary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"message_type\"\r\n\r\nincoming\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"note.txt\"\r\nContent-Type: text/plain"
                + "\r\n\r\nhello\r\n--" + boundary + "--\r\n";
        ok(app.send("POST", account("/conversations/" + conversation + "/messages"), form,
                "multipart/form-data; boundary=" + boundary));
        assertThat(ok(app.get(account("/contacts/" + danaId + "/attachments"))).at("/meta/total_count").asInt()).isEqualTo(1);

        JsonNode eve = ok(app.post(account("/contacts"), "{\"inbox_id\":1,\"name\":\"Eve\",\"phone_number\":\"+15550003333\"}"));
        long eveConversation = ok(app.post(account("/conversations"), "{\"source_id\":\""
                + eve.at("/payload/contact_inbox/source_id").asText() + "\"}")).get("id").asLong();
        ok(app.post(account("/conversations/" + eveConversation + "/messages"), "{\"content\":\"Eve here\",\"message_type\":\"incoming\"}"));
        ok(app.post(account("/actions/contact_merge"), "{\"base_contact_id\":" + danaId + ",\"mergee_contact_id\":"
                + eve.at("/payload/contact/id").asLong() + "}"));
    }

    private void webhooksApi() {
        long webhook = ok(app.post(account("/webhooks"), "{\"webhook\":{\"url\":\"https://crm.example/hook\",\"name\":\"CRM\","
                + "\"subscriptions\":[\"message_created\"],\"inbox_id\":1}}")).at("/payload/webhook/id").asLong();
        ok(app.get(account("/webhooks")));
        ok(app.patch(account("/webhooks/" + webhook), "{\"name\":\"CRM sync\"}"));
        ok(app.put(account("/webhooks/" + webhook), "{\"webhook\":{\"inbox_id\":null}}"));
        ok(app.delete(account("/webhooks/" + webhook)));
    }

    /**
     * Agent bots and an inbox's bot, each status of each route (agent_bots_controller.rb and
     * inboxes_controller.rb#agent_bot/#set_agent_bot), as an administrator, an agent and a bot.
     */
    private void agentBotsApi() {
        Http agent = app.withToken(sim.user("Sam Agent").accessToken());
        Http asBot = app.withToken(sim.agentBot("Helper Bot").accessToken());
        String tooLong = "x".repeat(256);
        ok(app.get(account("/agent_bots")));
        ok(agent.get(account("/agent_bots")));
        long id = ok(app.post(account("/agent_bots"), "{\"name\":\"Tour Bot\",\"outgoing_url\":\"" + sim.sinkUrl("tour-bot")
                + "\",\"bot_config\":{\"greeting\":\"hi\"}}")).get("id").asLong();
        expect(401, asBot.get(account("/agent_bots")));
        expect(422, app.post(account("/agent_bots"), "{\"name\":\"" + tooLong + "\"}"));
        expect(422, app.post(account("/agent_bots"), "{\"bot_type\":\"csml\"}"));
        String bot = account("/agent_bots/" + id);
        ok(app.get(bot));
        ok(agent.get(bot));
        ok(app.patch(bot, "{\"description\":\"Answers first\"}"));
        ok(app.put(bot, "{\"name\":\"Tour Bot Two\"}"));
        expect(401, agent.patch(bot, "{\"name\":\"x\"}"));
        expect(404, app.get(account("/agent_bots/999")));
        expect(422, app.patch(bot, "{\"description\":\"" + tooLong + "\"}"));
        for (String action : List.of("/avatar", "/reset_access_token", "/reset_secret")) {
            String method = action.equals("/avatar") ? "DELETE" : "POST";
            ok(app.send(method, bot + action, null, null));
            expect(401, agent.send(method, bot + action, null, null));
            expect(404, app.send(method, account("/agent_bots/999") + action, null, null));
        }

        long inbox = ok(app.post(account("/inboxes"), "{\"name\":\"Bot inbox\",\"channel\":{\"type\":\"api\"}}")).get("id").asLong();
        String inboxBot = account("/inboxes/" + inbox + "/agent_bot");
        String setBot = account("/inboxes/" + inbox + "/set_agent_bot");
        assertThat(ok(app.get(inboxBot)).size()).as("no bot: {}").isZero();
        ok(app.post(setBot, "{\"agent_bot\":" + id + "}"));
        assertThat(ok(app.get(inboxBot)).get("agent_bot").get("id").asLong()).isEqualTo(id);
        expect(401, agent.get(inboxBot));
        expect(404, app.get(account("/inboxes/999/agent_bot")));
        expect(401, agent.post(setBot, "{\"agent_bot\":" + id + "}"));
        expect(404, app.post(setBot, "{\"agent_bot\":999}"));
        expect(422, app.post(setBot, "{\"agent_bot\":\"first\"}"));
        ok(app.post(setBot, "{\"agent_bot\":null}"));
        ok(app.delete(bot));
    }

    /**
     * Custom attribute definitions, each status of each route (custom_attribute_definitions_controller.rb),
     * a filter on one, and destroy_custom_attributes of a contact and a conversation.
     */
    private void customAttributesApi() {
        Http agent = app.withToken(sim.user("Sam Agent").accessToken());
        String definitions = account("/custom_attribute_definitions");
        long id = ok(app.post(definitions, "{\"attribute_display_name\":\"Plan\",\"attribute_key\":\"plan\","
                + "\"attribute_model\":\"contact_attribute\",\"attribute_display_type\":\"list\","
                + "\"attribute_values\":[\"gold\",\"silver\"]}")).get("id").asLong();
        ok(app.get(definitions));
        ok(agent.get(definitions + "?attribute_model=contact_attribute"));
        expect(401, agent.post(definitions, "{\"attribute_display_name\":\"Mine\",\"attribute_key\":\"mine\"}"));
        expect(422, app.post(definitions, "{\"attribute_display_name\":\"Status\",\"attribute_key\":\"status\"}"));
        String definition = definitions + "/" + id;
        ok(app.get(definition));
        ok(agent.get(definition));
        ok(app.patch(definition, "{\"attribute_description\":\"Billing plan\"}"));
        ok(app.put(definition, "{\"custom_attribute_definition\":{\"regex_cue\":\"gold or silver\"}}"));
        expect(401, agent.patch(definition, "{\"attribute_display_name\":\"x\"}"));
        expect(404, app.get(definitions + "/999"));
        expect(422, app.patch(definition, "{\"attribute_key\":\"not a key\"}"));

        long fran = ok(app.post(account("/contacts"), "{\"name\":\"Fran\",\"email\":\"fran@example.com\","
                + "\"custom_attributes\":{\"plan\":\"gold\",\"seats\":3}}")).at("/payload/contact/id").asLong();
        ok(app.post(account("/contacts/filter"), "{\"payload\":[{\"attribute_key\":\"plan\",\"filter_operator\":\"equal_to\","
                + "\"values\":[\"Gold\"],\"query_operator\":null}]}"));
        ok(app.post(account("/contacts/" + fran + "/destroy_custom_attributes"), "{\"custom_attributes\":[\"plan\"]}"));
        ok(app.post(account("/conversations/1/destroy_custom_attributes"), "{\"custom_attributes\":[\"order\"]}"));
        expect(204, app.delete(definition));
    }

    /**
     * Teams and their members, labels, canned responses: each status of each route (teams_controller.rb,
     * team_members_controller.rb, labels_controller.rb, canned_responses_controller.rb), as an administrator and an agent.
     */
    private void teamsLabelsAndCannedResponsesApi() {
        Http agent = app.withToken(sim.user("Sam Agent").accessToken());
        String tooLong = "x".repeat(256);
        ok(app.get(account("/teams")));
        long id = ok(app.post(account("/teams"), "{\"name\":\"Tour Team\",\"icon\":\"i-lucide-map\"}")).get("id").asLong();
        expect(401, agent.post(account("/teams"), "{\"name\":\"x\"}"));
        expect(422, app.post(account("/teams"), "{\"name\":\"tour team\"}"));
        String team = account("/teams/" + id);
        ok(app.get(team));
        ok(app.patch(team, "{\"description\":\"Shows the way\"}"));
        ok(app.put(team, "{\"allow_auto_assign\":false}"));
        expect(401, agent.patch(team, "{\"name\":\"x\"}"));
        expect(404, app.get(account("/teams/999")));
        expect(422, app.patch(team, "{\"name\":\"" + tooLong + "\"}"));
        String members = team + "/team_members";
        ok(app.post(members, "{\"user_ids\":[" + sim.user("Sam Agent").id() + "]}"));
        ok(app.patch(members, "{\"user_ids\":[1," + sim.user("Sam Agent").id() + "]}"));
        ok(agent.get(members));
        ok(app.send("DELETE", members, "{\"user_ids\":[1]}", "application/json"));
        expect(401, app.post(members, "{\"user_ids\":[999]}"));
        expect(404, app.get(account("/teams/999/team_members")));
        expect(422, app.post(members, "{}"));
        ok(app.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1,\"team_id\":" + id + "}"));
        ok(app.delete(team));

        ok(agent.get(account("/labels")));
        long label = ok(app.post(account("/labels"), "{\"title\":\"Tour\",\"show_on_sidebar\":true}")).get("id").asLong();
        expect(401, agent.post(account("/labels"), "{\"title\":\"xy\"}"));
        expect(422, app.post(account("/labels"), "{\"title\":\"a b\"}"));
        String one = account("/labels/" + label);
        ok(app.get(one));
        ok(app.patch(one, "{\"title\":\"tour-2\"}"));
        ok(app.put(one, "{\"color\":\"#000000\"}"));
        expect(401, agent.get(one));
        expect(404, app.get(account("/labels/999")));
        expect(422, app.put(one, "{\"title\":\"\"}"));
        ok(app.delete(one));

        long canned = ok(agent.post(account("/canned_responses"), "{\"short_code\":\"tour\",\"content\":\"Welcome!\"}"))
                .get("id").asLong();
        ok(app.get(account("/canned_responses?search=tour")));
        expect(401, asBot().get(account("/canned_responses")));
        expect(422, app.post(account("/canned_responses"), "{\"short_code\":\"tour\",\"content\":\"Again\"}"));
        String response = account("/canned_responses/" + canned);
        ok(agent.patch(response, "{\"content\":\"Welcome back!\"}"));
        ok(app.put(response, "{\"canned_response\":{\"short_code\":\"tour-2\"}}"));
        expect(401, asBot().patch(response, "{\"content\":\"x\"}"));
        expect(404, app.delete(account("/canned_responses/999")));
        expect(422, app.patch(response, "{\"content\":\"\"}"));
        ok(app.delete(response));
    }

    private Http asBot() {
        return app.withToken(sim.agentBot("Helper Bot").accessToken());
    }

    /**
     * The profile, agents, assignable agents and inbox members, each status of each route
     * (profiles_controller.rb, agents_controller.rb, assignable_agents_controller.rb, inbox_members_controller.rb),
     * as an administrator and an agent. Sam stays a member of inbox 1 only.
     */
    private void peopleApi() {
        Http agent = app.withToken(sim.user("Sam Agent").accessToken());
        long sam = sim.user("Sam Agent").id();
        ok(app.put("/api/v1/profile", "{\"profile\":{\"display_name\":\"Boss\",\"ui_settings\":{\"locale\":\"en\"}}}"));
        ok(app.patch("/api/v1/profile", "{\"message_signature\":\"-- Boss\",\"phone_number\":\"+15550009999\"}"));
        ok(app.post("/api/v1/profile/availability", "{\"profile\":{\"account_id\":1,\"availability\":\"busy\"}}"));
        ok(app.post("/api/v1/profile/auto_offline", "{\"profile\":{\"account_id\":1,\"auto_offline\":false}}"));

        ok(app.get(account("/agents")));
        ok(agent.get(account("/agents")));
        long tour = ok(app.post(account("/agents"), "{\"name\":\"Tour Agent\",\"email\":\"tour@acme.test\"}")).get("id").asLong();
        expect(401, agent.post(account("/agents"), "{\"email\":\"x@acme.test\"}"));
        expect(422, app.post(account("/agents"), "{\"email\":\"not-an-email\"}"));
        String tourAgent = account("/agents/" + tour);
        ok(app.patch(tourAgent, "{\"availability\":\"busy\",\"auto_offline\":false}"));
        ok(app.put(tourAgent, "{\"name\":\"Tour Agent Two\"}"));
        expect(401, agent.patch(tourAgent, "{\"name\":\"x\"}"));
        expect(404, app.patch(account("/agents/999"), "{\"name\":\"x\"}"));
        expect(422, app.patch(tourAgent, "{\"name\":\"\"}"));
        ok(app.post(account("/agents/bulk_create"), "{\"emails\":[\"bulk@acme.test\"]}"));
        expect(401, agent.post(account("/agents/bulk_create"), "{\"emails\":[\"x@acme.test\"]}"));
        expect(422, app.post(account("/agents/bulk_create"), "{}"));
        ok(app.withToken(sim.user("tour@acme.test").accessToken()).post("/api/v1/profile/reset_access_token", null));

        ok(app.get(account("/inboxes/1/assignable_agents")));
        ok(app.get(account("/assignable_agents?inbox_ids[]=1&include_agent_bots=true")));
        expect(401, agent.get(account("/inboxes/" + elsewhereInbox() + "/assignable_agents")));
        expect(404, app.get(account("/inboxes/999/assignable_agents")));
        expect(401, agent.get(account("/assignable_agents?inbox_ids[]=" + elsewhereInbox())));
        expect(404, app.get(account("/assignable_agents")));

        ok(app.get(account("/inbox_members/1")));
        ok(app.post(account("/inbox_members"), "{\"inbox_id\":1,\"user_ids\":[" + tour + "]}"));
        ok(app.patch(account("/inbox_members"), "{\"inbox_id\":1,\"user_ids\":[" + sam + "," + tour + "]}"));
        ok(app.send("DELETE", account("/inbox_members"), "{\"inbox_id\":1,\"user_ids\":[" + tour + "]}", "application/json"));
        expect(401, agent.get(account("/inbox_members/" + elsewhereInbox())));
        expect(404, app.get(account("/inbox_members/999")));
        expect(401, agent.post(account("/inbox_members"), "{\"inbox_id\":1,\"user_ids\":[" + sam + "]}"));
        expect(404, app.post(account("/inbox_members"), "{\"user_ids\":[" + sam + "]}"));
        expect(422, app.post(account("/inbox_members"), "{\"inbox_id\":1,\"user_ids\":[\"invalid\"]}"));
        ok(app.delete(tourAgent));
    }

    /** The inbox of the conversation Sam may not see. */
    private long elsewhereInbox() {
        return ok(app.get(account("/conversations/" + elsewhere))).get("inbox_id").asLong();
    }

    /** The simulator's own routes: the dashboard agent's actions and the clock. */
    private void simulatorRoutes() {
        String agent = "/_simulator/agent/conversations/1/";
        long reply = ok(app.post(agent + "reply", "{\"agent\":\"Sam Agent\",\"content\":\"From the dashboard\"}")).get("id").asLong();
        ok(app.post(agent + "note", "{\"content\":\"Internal\"}"));
        ok(app.post(agent + "messages/" + reply + "/status", "{\"status\":\"read\"}"));
        ok(app.post(agent + "resolve", "{}"));
        ok(app.post(agent + "reopen", "{}"));
        ok(app.post(agent + "pending", "{}"));
        ok(app.post(agent + "snooze", "{\"snoozed_until\":\"2026-02-01T09:00:00Z\"}"));
        ok(app.post(agent + "assign", "{\"assignee\":\"Sam Agent\"}"));
        ok(app.post(agent + "unassign", "{}"));
        ok(app.post(agent + "assign_team", "{\"team\":\"support\"}"));
        ok(app.post(agent + "priority", "{\"priority\":\"medium\"}"));
        ok(app.post(agent + "labels", "{\"labels\":[\"dashboard\"]}"));
        ok(app.post(agent + "typing", "{\"typing_status\":\"on\"}"));
        ok(app.get("/_simulator/clock"));
        ok(app.post("/_simulator/clock", "{\"advance_seconds\":60}"));
    }

    private void clientApi() {
        String inbox = "/public/api/v1/inboxes/" + sim.apiInbox().identifier();
        ok(client.get(inbox));
        String sourceId = ok(client.post(inbox + "/contacts", "{\"name\":\"Bob\",\"email\":\"bob@example.com\"}"))
                .get("source_id").asText();
        String contact = inbox + "/contacts/" + sourceId;
        ok(client.get(contact));
        ok(client.patch(contact, "{\"phone_number\":\"+15550002222\"}"));
        ok(client.put(contact, "{\"custom_attributes\":{\"tier\":\"b\"}}"));
        long displayId = ok(client.post(contact + "/conversations", "{}")).get("id").asLong();
        String conversation = contact + "/conversations/" + displayId;
        long message = ok(client.post(conversation + "/messages", "{\"content\":\"Hi there\",\"echo_id\":\"e-1\"}"))
                .get("id").asLong();
        ok(app.post(account("/conversations/" + displayId + "/messages"), "{\"content\":\"Hello Bob\"}"));
        ok(client.get(conversation + "/messages"));
        ok(client.patch(conversation + "/messages/" + message, "{\"submitted_values\":[{\"name\":\"a\",\"value\":\"b\"}]}"));
        ok(client.put(conversation + "/messages/" + message, "{\"submitted_values\":{\"value\":\"c\"}}"));
        ok(client.post(conversation + "/toggle_typing", "{\"typing_status\":\"on\"}"));
        ok(client.post(conversation + "/update_last_seen", null));
        ok(client.get(contact + "/conversations"));
        ok(client.get(conversation));
        ok(client.post(conversation + "/toggle_status", null));
    }

    private void errors() {
        String inbox = "/public/api/v1/inboxes/" + sim.apiInbox().identifier();
        expect(401, app.withToken(null).get(account("/contacts")));
        expect(401, app.withToken("wrong").get(account("/contacts")));
        expect(404, app.get(account("/conversations/999")));
        expect(422, app.post(account("/contacts"), "{\"email\":\"not-an-email\"}"));
        expect(422, app.post(account("/conversations/1/messages"), "{\"content\":\"x\",\"message_type\":\"foo\"}"));
        expect(401, client.post(inbox + "/contacts", "{\"identifier\":\"u\",\"identifier_hash\":\"00\"}"));
        expect(404, client.get("/public/api/v1/inboxes/unknown"));
        expect(422, client.post(inbox + "/contacts", "{\"email\":\"not-an-email\"}"));
        expect(400, app.post(account("/contacts"), "{\"name\":"));
        expect(400, app.post("/nowhere", "{\"name\":"));
        expect(404, app.get("/nowhere"));
        expect(404, app.send("DELETE", "/api/v1/profile", null, null));
        expect(401, app.post("/_simulator/agent/conversations/" + elsewhere + "/typing", "{\"agent\":\"Sam Agent\",\"typing_status\":\"on\"}"));
        expect(404, app.post("/_simulator/agent/conversations/1/reply", "{\"agent\":\"Nobody\",\"content\":\"x\"}"));
        expect(422, app.post("/_simulator/clock", "{\"advance_seconds\":-1}"));
        expect(413, tooLarge(account("/contacts")));
        expect(413, tooLarge("/nowhere"));
        // Last: a stopping simulator refuses writes from its final snapshot on.
        sim.stopWritesAndExport();
        expect(503, app.post(account("/contacts"), "{\"name\":\"Too late\"}"));
    }

    /**
     * A body over the limit, on a connection of its own: after a 413 the simulator leaves the
     * keep-alive connection unusable (the unread rest of the body), so the next request on it fails.
     */
    private Http.Result tooLarge(String path) {
        String body = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<String> response = fresh.send(HttpRequest.newBuilder(sim.baseUrl().resolve(path))
                    .header("api_access_token", sim.accessToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Result(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(Http.Result result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.body().isEmpty() ? null : result.json();
    }

    private static void expect(int status, Http.Result result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
    }
}
