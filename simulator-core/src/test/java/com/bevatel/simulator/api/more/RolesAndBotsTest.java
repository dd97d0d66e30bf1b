package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chatwoot's policies (app/policies/{inbox,conversation,agent_bot,team,team_member,label,custom_attribute_definition}_policy.rb)
 * and BOT_ACCESSIBLE_ENDPOINTS
 * (app/controllers/concerns/access_token_auth_helper.rb): agents vs administrators, record access by inbox and team,
 * and the endpoints open to bots.
 */
@ExtendWith(WorldPerTest.class)
class RolesAndBotsTest {
    static final String BOTS = "{\"error\":\"Access to this endpoint is not authorized for bots\"}";
    static final String NOT_AUTHORIZED = "{\"error\":\"You are not authorized to do this action\"}";
    static final String NOT_FOUND = "{\"error\":\"Resource could not be found\"}";
    static final String SIGN_IN = "{\"errors\":[\"You need to sign in or sign up before continuing.\"]}";

    World world;

    @Test
    void agentsSeeTheirInboxesConversationsOnly() {
        long mine = world.conversation("Alice");
        long other = world.conversationInUnstaffedInbox();

        assertThat(world.sam.get(Http.account("/conversations/" + mine)).status()).isEqualTo(200);
        Http.Result denied = world.sam.get(Http.account("/conversations/" + other));
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.get(Http.account("/conversations/" + other + "/messages")).status()).isEqualTo(401);
        assertThat(world.sam.get(Http.account("/conversations/999")).status()).isEqualTo(404);

        JsonNode list = world.sam.get(Http.account("/conversations")).json().at("/data");
        assertThat(list.get("payload")).extracting(c -> c.get("id").asLong()).containsExactly(mine);
        assertThat(list.at("/meta/all_count").asLong()).isEqualTo(1);
        assertThat(world.admin.get(Http.account("/conversations")).json().at("/data/meta/all_count").asLong()).isEqualTo(2);

        assertThat(world.sam.get(Http.account("/inboxes")).json().get("payload"))
                .extracting(i -> i.get("name").asText()).containsExactly("Bevatel API");
        assertThat(world.sam.get(Http.account("/inboxes/2")).body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.get(Http.account("/inboxes/1")).json().has("hmac_token")).isFalse();
    }

    /** Issue 14 §12: the routes around a conversation do not show or create what its inbox hides. */
    @Test
    void agentsCannotReachAnotherInboxThroughTheContact() {
        long other = world.conversationInUnstaffedInbox();
        JsonNode olga = world.show(other).at("/meta/sender");
        long contact = olga.get("id").asLong();
        assertThat(world.sam.get(Http.account("/conversations/" + other)).status()).isEqualTo(401);
        assertThat(world.sam.get(Http.account("/contacts/" + contact + "/conversations")).json().get("payload"))
                .as("the contact's conversations in inboxes Sam is not a member of").isEmpty();
        assertThat(world.admin.get(Http.account("/contacts/" + contact + "/conversations")).json().get("payload"))
                .extracting(c -> c.get("id").asLong()).containsExactly(other);

        long inbox = world.show(other).get("inbox_id").asLong();
        Http.Result session = world.sam.post(Http.account("/contacts/" + contact + "/contact_inboxes"),
                "{\"inbox_id\":" + inbox + "}");
        assertThat(session.status()).isEqualTo(401);
        assertThat(session.body()).isEqualTo(NOT_AUTHORIZED);
        Http.Result opened = world.sam.post(Http.account("/conversations"),
                "{\"inbox_id\":" + inbox + ",\"contact_id\":" + contact + "}");
        assertThat(opened.status()).isEqualTo(401);
        String sourceId = world.admin.get(Http.account("/contacts/" + contact)).json()
                .at("/payload/contact_inboxes/0/source_id").asText();
        assertThat(world.sam.post(Http.account("/conversations"), "{\"source_id\":\"" + sourceId + "\"}").status())
                .as("by the other inbox's source_id").isEqualTo(401);
        assertThat(world.admin.get(Http.account("/conversations")).json().at("/data/meta/all_count").asLong())
                .as("nothing was created").isEqualTo(1);
        // In his own inbox the same contact is his to work with.
        assertThat(world.sam.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":" + contact + "}")
                .status()).isEqualTo(200);
        assertThat(world.sam.get(Http.account("/contacts/" + contact + "/conversations")).json().get("payload")).hasSize(1);
    }

    /**
     * The conversation's member routes of issue 17 (mute, unmute, unread, transcript, attachments, participants,
     * a message's retry) ask ConversationPolicy#show? first; search filters by the agent's inboxes itself.
     */
    @Test
    void agentsCannotActOnAConversationOutsideTheirInboxes() {
        long other = world.conversationInUnstaffedInbox();
        String base = Http.account("/conversations/" + other);
        for (Http.Result refused : new Http.Result[] {
                world.sam.post(base + "/mute", null),
                world.sam.post(base + "/unmute", null),
                world.sam.post(base + "/unread", null),
                world.sam.post(base + "/transcript", "{\"email\":\"a@b.test\"}"),
                world.sam.get(base + "/attachments"),
                world.sam.get(base + "/participants"),
                world.sam.post(base + "/participants", "{\"user_ids\":[1]}"),
                world.sam.send("DELETE", base + "/participants", "{\"user_ids\":[1]}", "application/json"),
                world.sam.post(base + "/messages/1/retry", null)}) {
            assertThat(refused.body()).as(refused.toString()).isEqualTo(NOT_AUTHORIZED);
        }
        assertThat(world.show(other).get("muted").asBoolean()).isFalse();
        assertThat(world.sam.get(Http.account("/search/conversations")).json().at("/payload/conversations")).isEmpty();
        assertThat(world.admin.get(Http.account("/search/conversations")).json().at("/payload/conversations")).hasSize(1);
    }

    @Test
    void aTeamGivesItsMembersAccessToTheConversation() {
        long other = world.conversationInUnstaffedInbox();
        long team = world.sim.team("support").id();
        assertThat(world.admin.post(Http.account("/conversations/" + other + "/assignments"), "{\"team_id\":" + team + "}")
                .status()).isEqualTo(200);

        assertThat(world.sam.get(Http.account("/conversations/" + other)).status()).isEqualTo(200);
        assertThat(world.kim.get(Http.account("/conversations/" + other)).status()).isEqualTo(401);
        JsonNode meta = world.sam.get(Http.account("/conversations/" + other)).json().at("/meta/team");
        assertThat(meta.get("name").asText()).isEqualTo("support");
    }

    /**
     * A team made and staffed over the API gives access as one defined at start does (ConversationPolicy#show?'s
     * team_access?); leaving it, or its deletion, takes the access away; lists stay by inbox.
     */
    @Test
    void aTeamMadeOverTheApiGivesAndTakesAccess() {
        long other = world.conversationInUnstaffedInbox();
        long team = world.admin.post(Http.account("/teams"), "{\"name\":\"Night Shift\"}").json().get("id").asLong();
        String members = Http.account("/teams/" + team + "/team_members");
        world.admin.post(members, "{\"user_ids\":[3]}");
        world.admin.post(Http.account("/conversations/" + other + "/assignments"), "{\"team_id\":" + team + "}");
        assertThat(world.kim.get(Http.account("/conversations/" + other)).json().at("/meta/team/is_member").asBoolean()).isTrue();
        assertThat(world.kim.get(Http.account("/conversations")).json().at("/data/payload")).as("lists go by inbox").hasSize(0);
        assertThat(world.sam.get(Http.account("/conversations/" + other)).body()).isEqualTo(NOT_AUTHORIZED);

        world.admin.send("DELETE", members, "{\"user_ids\":[3]}", "application/json");
        assertThat(world.kim.get(Http.account("/conversations/" + other)).body()).isEqualTo(NOT_AUTHORIZED);
        world.admin.post(members, "{\"user_ids\":[3]}");
        assertThat(world.kim.get(Http.account("/conversations/" + other)).status()).isEqualTo(200);
        world.admin.delete(Http.account("/teams/" + team));
        assertThat(world.kim.get(Http.account("/conversations/" + other)).body()).isEqualTo(NOT_AUTHORIZED);
    }

    /**
     * app/policies/team_policy.rb, team_member_policy.rb, label_policy.rb: agents read teams and their members and
     * list labels; the rest is for administrators, asked after the record was found (404 before 401), except
     * creating. Canned responses have no policy: agents do everything.
     */
    @Test
    void teamsAndLabelsAreAdministeredCannedResponsesAreEveryones() {
        world.admin.post(Http.account("/labels"), "{\"title\":\"vip\"}");
        assertThat(world.sam.get(Http.account("/teams")).status()).isEqualTo(200);
        assertThat(world.sam.get(Http.account("/teams/1/team_members")).status()).isEqualTo(200);
        assertThat(world.sam.get(Http.account("/labels")).status()).isEqualTo(200);
        for (String[] found : List.of(new String[] {"/teams/1", "/teams/999"}, new String[] {"/labels/1", "/labels/999"},
                new String[] {"/teams/1/team_members", "/teams/999/team_members"})) {
            for (String method : List.of("PATCH", "DELETE")) {
                String body = "{\"user_ids\":[2],\"name\":\"x\"}";
                assertThat(world.sam.send(method, Http.account(found[0]), body, "application/json").body()).isEqualTo(NOT_AUTHORIZED);
                assertThat(world.sam.send(method, Http.account(found[1]), body, "application/json").body()).isEqualTo(NOT_FOUND);
            }
        }
        assertThat(world.sam.get(Http.account("/labels/1")).body()).as("show is for administrators").isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.post(Http.account("/teams"), "{\"name\":\"x\"}").body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.post(Http.account("/labels"), "{\"title\":\"xy\"}").body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.post(Http.account("/canned_responses"), "{\"short_code\":\"hi\",\"content\":\"Hello\"}")
                .status()).isEqualTo(200);
        assertThat(world.kim.delete(Http.account("/canned_responses/1")).status()).isEqualTo(200);
    }

    @Test
    void administratorOnlyActionsAreRefusedToAgents() {
        long conversation = world.conversation("Alice");
        long contact = world.show(conversation).at("/meta/sender/id").asLong();

        assertThat(world.sam.delete(Http.account("/contacts/" + contact)).body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.delete(Http.account("/conversations/" + conversation)).body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.delete(Http.account("/inboxes/1")).body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.post(Http.account("/inboxes"), "{\"name\":\"X\",\"channel\":{\"type\":\"api\"}}").status())
                .isEqualTo(401);
        assertThat(world.show(conversation).get("id").asLong()).isEqualTo(conversation);
    }

    /**
     * Chatwoot's order: a controller that finds its record in a before_action (inboxes, conversations)
     * answers 404 before its policy's 401; one that authorizes first (contacts, webhooks) does not.
     */
    @Test
    void administratorOnlyActionsFindTheirRecordFirstWhereChatwootDoes() {
        String inboxUpdate = "{\"name\":\"X\"}";
        assertThat(world.sam.patch(Http.account("/inboxes/999"), inboxUpdate).body()).isEqualTo(NOT_FOUND);
        assertThat(world.sam.post(Http.account("/inboxes/999/reset_secret"), "{}").body()).isEqualTo(NOT_FOUND);
        assertThat(world.sam.delete(Http.account("/inboxes/999")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.sam.delete(Http.account("/conversations/999")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.sam.patch(Http.account("/inboxes/1"), inboxUpdate).body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.post(Http.account("/inboxes/1/reset_secret"), "{}").body()).isEqualTo(NOT_AUTHORIZED);

        assertThat(world.sam.delete(Http.account("/contacts/999")).body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.patch(Http.account("/webhooks/999"), "{\"url\":\"http://x.test\"}").body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.admin.patch(Http.account("/inboxes/999"), inboxUpdate).body()).isEqualTo(NOT_FOUND);
    }

    /**
     * A contact's notes, merges, avatar and the active list ask no policy (contacts/notes_controller.rb,
     * actions/contact_merges_controller.rb, ContactPolicy#avatar?/#active?): an agent works with a contact whose
     * conversations are all in an inbox they are no member of. Its attachments are those of the agent's inboxes,
     * and a session is found only in an inbox the agent may see (contact_inboxes_controller.rb: InboxPolicy#show?).
     */
    @Test
    void agentsWorkWithAnyContactButSeeSessionsAndFilesOfTheirInboxesOnly() {
        long other = world.conversationInUnstaffedInbox();
        JsonNode olga = world.show(other).at("/meta/sender");
        long contact = olga.get("id").asLong();
        String notes = Http.account("/contacts/" + contact + "/notes");
        assertThat(world.sam.post(notes, "{\"content\":\"Called Olga\"}").status()).isEqualTo(200);
        assertThat(world.kim.patch(notes + "/1", "{\"content\":\"Called Olga twice\"}").status()).isEqualTo(200);
        assertThat(world.kim.get(notes).json()).singleElement().satisfies(n -> assertThat(n.at("/user/name").asText())
                .isEqualTo("Kim Agent"));
        assertThat(world.sam.delete(Http.account("/contacts/" + contact + "/avatar")).status()).isEqualTo(200);
        assertThat(world.sam.get(Http.account("/contacts/active")).status()).isEqualTo(200);
        assertThat(world.sam.get(Http.account("/contacts/" + contact + "/attachments")).body())
                .isEqualTo("{\"meta\":{\"total_count\":0},\"payload\":[]}");
        String source = world.admin.get(Http.account("/contacts/" + contact)).json().at("/payload/contact_inboxes/0/source_id").asText();
        long inbox = world.show(other).get("inbox_id").asLong();
        assertThat(world.sam.post(Http.account("/contact_inboxes/filter"), "{\"inbox_id\":" + inbox + ",\"source_id\":\""
                + source + "\"}").body()).isEqualTo(NOT_AUTHORIZED);

        long alice = world.show(world.conversation("Alice")).at("/meta/sender/id").asLong();
        Http.Result merged = world.sam.post(Http.account("/actions/contact_merge"), "{\"base_contact_id\":" + alice
                + ",\"mergee_contact_id\":" + contact + "}");
        assertThat(merged.status()).isEqualTo(200);
        assertThat(world.sam.get(Http.account("/contacts/" + alice + "/conversations")).json().get("payload"))
                .as("the merged conversation stays in its inbox, out of the agent's sight").hasSize(1);
        assertThat(world.sam.get(Http.account("/contacts/" + alice + "/notes")).json()).hasSize(1);
    }

    /**
     * app/policies/agent_bot_policy.rb: members list and read bots, without their token and secret;
     * only administrators change them. The controller authorizes before it finds the bot, so an
     * agent gets 401 whatever the id.
     */
    @Test
    void agentsReadBotsAndOnlyAdministratorsChangeThemWhateverTheId() {
        JsonNode listed = world.sam.get(Http.account("/agent_bots")).json();
        assertThat(listed).extracting(b -> b.get("name").asText()).containsExactly("Helper Bot");
        assertThat(listed.get(0).has("access_token") || listed.get(0).has("secret")).isFalse();
        assertThat(world.sam.get(Http.account("/agent_bots/1")).json().has("access_token")).isFalse();
        assertThat(world.admin.get(Http.account("/agent_bots/1")).json().get("access_token").asText()).isEqualTo(World.BOT);
        assertThat(world.sam.get(Http.account("/agent_bots/999")).body()).isEqualTo(NOT_FOUND);
        for (String id : List.of("1", "999")) {
            String bot = Http.account("/agent_bots/" + id);
            for (Http.Result refused : new Http.Result[] {
                    world.sam.post(Http.account("/agent_bots"), "{\"name\":\"Mine\"}"),
                    world.sam.patch(bot, "{\"name\":\"Mine\"}"),
                    world.sam.put(bot, "{\"name\":\"Mine\"}"),
                    world.sam.delete(bot),
                    world.sam.delete(bot + "/avatar"),
                    world.sam.post(bot + "/reset_access_token", null),
                    world.sam.post(bot + "/reset_secret", null)}) {
                assertThat(refused.body()).as(refused.toString()).isEqualTo(NOT_AUTHORIZED);
            }
        }
        assertThat(world.admin.patch(Http.account("/agent_bots/999"), "{\"name\":\"Mine\"}").body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.get(Http.account("/agent_bots")).json()).singleElement()
                .satisfies(b -> assertThat(b.get("name").asText()).isEqualTo("Helper Bot"));
    }

    /**
     * An inbox's bot (inboxes_controller.rb): fetch_inbox (401 for an agent who is no member),
     * fetch_agent_bot (404 for an unknown bot), then the policy (set_agent_bot: administrators only).
     */
    @Test
    void anInboxsBotIsReadByItsMembersAndSetByAdministrators() {
        long unstaffed = world.admin.post(Http.account("/inboxes"), "{\"name\":\"Other\",\"channel\":{\"type\":\"api\"}}")
                .json().get("id").asLong();
        String set = Http.account("/inboxes/1/set_agent_bot");
        assertThat(world.sam.get(Http.account("/inboxes/1/agent_bot")).body()).isEqualTo("{}");
        assertThat(world.sam.get(Http.account("/inboxes/" + unstaffed + "/agent_bot")).body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.post(set, "{\"agent_bot\":999}").body()).as("the bot is looked up first").isEqualTo(NOT_FOUND);
        assertThat(world.sam.post(set, "{\"agent_bot\":1}").body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.post(set, "{\"agent_bot\":null}").body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.post(Http.account("/inboxes/" + unstaffed + "/set_agent_bot"), "{\"agent_bot\":999}").body())
                .as("the inbox is looked up before the bot").isEqualTo(NOT_AUTHORIZED);
        assertThat(world.admin.post(Http.account("/inboxes/999/set_agent_bot"), "{\"agent_bot\":1}").body()).isEqualTo(NOT_FOUND);
        assertThat(world.sam.get(Http.account("/inboxes/1/agent_bot")).body()).as("nothing was set").isEqualTo("{}");

        Http.Result attached = world.admin.post(set, "{\"agent_bot\":1}");
        assertThat(attached.status()).isEqualTo(200);
        assertThat(attached.body()).isEmpty();
        JsonNode seen = world.sam.get(Http.account("/inboxes/1/agent_bot")).json().get("agent_bot");
        assertThat(seen.get("name").asText()).isEqualTo("Helper Bot");
        assertThat(seen.has("access_token")).isFalse();
    }

    /**
     * app/policies/custom_attribute_definition_policy.rb: members read definitions, administrators change
     * them, after the controller found the definition (404 first). destroy_custom_attributes: any member
     * for a contact (ContactPolicy), those who may see it for a conversation (ConversationPolicy#show?).
     */
    @Test
    void customAttributesFollowTheirPolicies() {
        world.define("contact_attribute", "plan", "list");
        String definition = Http.account("/custom_attribute_definitions/1");
        assertThat(world.sam.get(definition).status()).isEqualTo(200);
        assertThat(world.sam.patch(definition, "{\"attribute_display_name\":\"Mine\"}").body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.sam.delete(Http.account("/custom_attribute_definitions/9")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.sam.post(Http.account("/custom_attribute_definitions"), "{\"attribute_key\":\"x\"}").body())
                .isEqualTo(NOT_AUTHORIZED);

        long other = world.conversationInUnstaffedInbox();
        String path = Http.account("/conversations/" + other + "/destroy_custom_attributes");
        assertThat(world.sam.post(path, "{\"custom_attributes\":[\"a\"]}").body()).isEqualTo(NOT_AUTHORIZED);
        assertThat(world.admin.post(path, "{\"custom_attributes\":[\"a\"]}").status()).isEqualTo(200);
        long olga = world.show(other).at("/meta/sender/id").asLong();
        assertThat(world.sam.post(Http.account("/contacts/" + olga + "/destroy_custom_attributes"),
                "{\"custom_attributes\":[\"a\"]}").status()).as("contacts: any member").isEqualTo(200);
    }

    /**
     * app/policies/user_policy.rb and inbox_policy.rb: members list agents, read their inboxes' members and
     * assignable agents, and change their own profile; only administrators add, change or remove agents
     * and inbox members.
     */
    @Test
    void agentsReadPeopleAndOnlyAdministratorsManageThem() {
        assertThat(world.sam.get(Http.account("/agents")).status()).isEqualTo(200);
        assertThat(world.sam.get(Http.account("/inbox_members/1")).status()).isEqualTo(200);
        assertThat(world.sam.get(Http.account("/inboxes/1/assignable_agents")).status()).isEqualTo(200);
        assertThat(world.sam.get(Http.account("/assignable_agents?inbox_ids[]=1")).status()).isEqualTo(200);
        assertThat(world.sam.patch("/api/v1/profile", "{\"display_name\":\"Sammy\"}").status()).isEqualTo(200);
        String members = Http.account("/inbox_members");
        for (Http.Result refused : new Http.Result[] {
                world.sam.post(Http.account("/agents"), "{\"email\":\"new@acme.test\"}"),
                world.sam.patch(Http.account("/agents/3"), "{\"role\":\"administrator\"}"),
                world.sam.patch(Http.account("/agents/2"), "{\"role\":\"administrator\"}"),
                world.sam.delete(Http.account("/agents/3")),
                world.sam.post(Http.account("/agents/bulk_create"), "{\"emails\":[\"new@acme.test\"]}"),
                world.sam.post(members, "{\"inbox_id\":1,\"user_ids\":[1]}"),
                world.sam.patch(members, "{\"inbox_id\":1,\"user_ids\":[2]}"),
                world.sam.send("DELETE", members, "{\"inbox_id\":1,\"user_ids\":[3]}", "application/json")}) {
            assertThat(refused.body()).as(refused.toString()).isEqualTo(NOT_AUTHORIZED);
        }
        assertThat(world.admin.get(Http.account("/agents")).json()).extracting(a -> a.get("role").asText())
                .containsExactly("administrator", "agent", "agent");
        assertThat(world.admin.get(Http.account("/inbox_members/1")).json().get("payload")).hasSize(2);
    }

    @Test
    void anAgentReopeningIsSelfAssignedAnAdministratorIsNot() {
        long conversation = world.conversation("Alice");
        world.admin.post(Http.account("/conversations/" + conversation + "/toggle_status"), "{\"status\":\"resolved\"}");
        world.admin.post(Http.account("/conversations/" + conversation + "/toggle_status"), "{\"status\":\"open\"}");
        assertThat(world.show(conversation).at("/meta/assignee").isMissingNode()).isTrue();

        world.admin.post(Http.account("/conversations/" + conversation + "/toggle_status"), "{\"status\":\"resolved\"}");
        world.sam.post(Http.account("/conversations/" + conversation + "/toggle_status"), "{\"status\":\"open\"}");
        assertThat(world.show(conversation).at("/meta/assignee/name").asText()).isEqualTo("Sam Agent");
    }

    @Test
    void botsReachOnlyTheirEndpoints() {
        long conversation = world.conversation("Alice");
        String base = Http.account("/conversations/" + conversation);

        assertThat(world.bot.get(base).status()).isEqualTo(200);
        Http.Result message = world.bot.post(base + "/messages", "{\"content\":\"Beep\"}");
        assertThat(message.status()).as(message.toString()).isEqualTo(200);
        assertThat(message.json().get("sender").toString())
                .isEqualTo("{\"id\":1,\"name\":\"Helper Bot\",\"avatar_url\":\"\",\"type\":\"agent_bot\"}");
        assertThat(world.bot.post(base + "/labels", "{\"labels\":[\"bot\"]}").body()).isEqualTo("{\"payload\":[\"bot\"]}");
        assertThat(world.bot.get(base + "/labels").status()).isEqualTo(200);
        assertThat(world.bot.post(base + "/toggle_priority", "{\"priority\":\"high\"}").status()).isEqualTo(200);
        assertThat(world.bot.post(base + "/toggle_typing_status", "{\"typing_status\":\"on\"}").status()).isEqualTo(200);
        assertThat(world.bot.post(base + "/custom_attributes", "{\"custom_attributes\":{\"a\":1}}").status()).isEqualTo(200);
        assertThat(world.bot.patch(base, "{\"priority\":\"low\"}").status()).isEqualTo(200);
        assertThat(world.bot.post(base + "/assignments", "{\"assignee_id\":2}").status()).isEqualTo(200);
        assertThat(world.bot.post(base + "/toggle_status", "{\"status\":\"resolved\"}").status()).isEqualTo(200);
        assertThat(world.contents(conversation)).contains("Helper Bot set the priority to high",
                "Conversation was marked resolved by Helper Bot");

        for (Http.Result refused : new Http.Result[] {
                world.bot.get(Http.account("/conversations")),
                world.bot.get(base + "/messages"),
                world.bot.post(base + "/update_last_seen", "{}"),
                world.bot.get(Http.account("/contacts")),
                world.bot.get(Http.account("/inboxes")),
                world.bot.delete(base),
                world.bot.get("/api/v1/profile"),
                world.bot.get(Http.account("/agent_bots")),
                world.bot.get(Http.account("/agent_bots/1")),
                world.bot.post(Http.account("/agent_bots/1/reset_access_token"), null),
                world.bot.get(Http.account("/inboxes/1/agent_bot")),
                world.bot.post(Http.account("/inboxes/1/set_agent_bot"), "{\"agent_bot\":1}"),
                world.bot.get(Http.account("/custom_attribute_definitions")),
                world.bot.post(Http.account("/custom_attribute_definitions"), "{\"attribute_key\":\"a\"}"),
                world.bot.post(base + "/destroy_custom_attributes", "{\"custom_attributes\":[\"a\"]}"),
                world.bot.post(Http.account("/contacts/1/destroy_custom_attributes"), "{\"custom_attributes\":[\"a\"]}"),
                world.bot.get(Http.account("/teams")),
                world.bot.get(Http.account("/teams/1/team_members")),
                world.bot.get(Http.account("/labels")),
                world.bot.get(Http.account("/canned_responses")),
                world.bot.get(Http.account("/agents")),
                world.bot.get(Http.account("/inboxes/1/assignable_agents")),
                world.bot.get(Http.account("/assignable_agents?inbox_ids[]=1")),
                world.bot.get(Http.account("/inbox_members/1")),
                world.bot.post(Http.account("/inbox_members"), "{\"inbox_id\":1,\"user_ids\":[2]}"),
                world.bot.patch("/api/v1/profile", "{\"name\":\"Bot\"}"),
                world.bot.get(Http.account("/contacts/1/notes")),
                world.bot.post(Http.account("/contacts/1/notes"), "{\"content\":\"Beep\"}"),
                world.bot.get(Http.account("/contacts/1/attachments")),
                world.bot.delete(Http.account("/contacts/1/avatar")),
                world.bot.get(Http.account("/contacts/active")),
                world.bot.post(Http.account("/contact_inboxes/filter"), "{\"inbox_id\":1,\"source_id\":\"x\"}"),
                world.bot.post(Http.account("/actions/contact_merge"), "{\"base_contact_id\":1,\"mergee_contact_id\":1}"),
                world.bot.post(base + "/mute", null),
                world.bot.post(base + "/unread", null),
                world.bot.post(base + "/transcript", "{\"email\":\"a@b.test\"}"),
                world.bot.get(base + "/attachments"),
                world.bot.get(base + "/participants"),
                world.bot.post(base + "/participants", "{\"user_ids\":[1]}"),
                world.bot.post(base + "/messages/" + message.json().get("id").asLong() + "/retry", null),
                world.bot.get(Http.account("/conversations/search")),
                world.bot.get(Http.account("/search?q=a"))}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo(BOTS);
        }
    }

    @Test
    void aBotOpeningItsPendingConversationHandsItOff() {
        long conversation = world.conversation("Alice");
        String base = Http.account("/conversations/" + conversation);
        Http.Result assigned = world.admin.post(base + "/assignments", "{\"assignee_id\":1,\"assignee_type\":\"AgentBot\"}");
        assertThat(assigned.body()).isEqualTo("{\"id\":1,\"name\":\"Helper Bot\",\"description\":null,\"thumbnail\":\"\","
                + "\"outgoing_url\":null,\"bot_type\":\"webhook\"}");
        assertThat(world.show(conversation).get("status").asText()).isEqualTo("pending");
        assertThat(world.show(conversation).at("/meta/assignee_type").asText()).isEqualTo("AgentBot");

        Http.Result handoff = world.bot.post(base + "/toggle_status", "{\"status\":\"open\"}");
        assertThat(handoff.body()).isEqualTo("{\"meta\":{},\"payload\":{\"success\":null,\"conversation_id\":"
                + conversation + ",\"current_status\":\"open\",\"snoozed_until\":null}}");
        JsonNode after = world.show(conversation);
        assertThat(after.get("status").asText()).isEqualTo("open");
        assertThat(after.at("/meta/assignee").isMissingNode()).isTrue();
    }

    @Test
    void unknownAndMissingTokens() {
        assertThat(world.admin.withToken("nope").get(Http.account("/contacts")).body())
                .isEqualTo("{\"error\":\"Invalid Access Token\"}");
        assertThat(world.admin.withToken(null).get(Http.account("/contacts")).body())
                .isEqualTo("{\"errors\":[\"You need to sign in or sign up before continuing.\"]}");
        assertThat(world.sam.get("/api/v1/profile").json().get("role").asText()).isEqualTo("agent");
        assertThat(world.bot.get("/api/v1/accounts/2/conversations/1").status()).isEqualTo(404);
    }

    @Test
    void theBuilderRejectsAmbiguousWorlds() {
        assertThatThrownBy(() -> BevatelSimulator.builder().agent("A", "a@x.test", "t").agent("B", "b@x.test", "t").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
        assertThatThrownBy(() -> BevatelSimulator.builder().agent("A", "a@x.test", null).agent("A", "c@x.test", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BevatelSimulator.builder().team("support", "Nobody").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nobody");
    }

    @Test
    void derivedTokensAreDeterministicAndLeaveTheAdministratorsAlone() {
        try (BevatelSimulator plain = BevatelSimulator.builder().start();
             BevatelSimulator a = BevatelSimulator.builder().agent("A", "a@x.test", null).agentBot("B", null).start();
             BevatelSimulator b = BevatelSimulator.builder().agent("A", "a@x.test", null).agentBot("B", null).start()) {
            assertThat(a.accessToken()).isEqualTo(plain.accessToken());
            assertThat(a.apiInbox()).isEqualTo(plain.apiInbox());
            assertThat(a.user("A").accessToken()).isEqualTo(b.user("A").accessToken()).hasSize(24);
            assertThat(a.agentBot("B").accessToken()).isEqualTo(b.agentBot("B").accessToken());
            Http agent = new Http(a.baseUrl(), a.user("a@x.test").accessToken());
            assertThat(agent.get("/api/v1/profile").json().get("name").asText()).isEqualTo("A");
        }
    }
}
