package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/accounts/{id}/conversations} (app/controllers/api/v1/accounts/conversations_controller.rb): create, show, list, meta. */
class ConversationApiTest extends ApiTestSupport {

    @Test
    void createFromASourceIdInKeyOrder() {
        String source = contactSource("{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@x.io\"}");
        var result = http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"inbox_id\":1}");
        String uuid = ok(result).get("uuid").asText();
        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}").isNotEqualTo(source);
        assertThat(result.body()).isEqualTo(compact("""
                {"meta":{"sender":{"additional_attributes":{},"availability_status":"offline","email":"alice@x.io",
                "id":1,"name":"Alice","phone_number":null,"blocked":false,"identifier":null,"thumbnail":"",
                "custom_attributes":{},"created_at":%1$d},"channel":"Channel::Api","hmac_verified":false},
                "id":1,"messages":[],"account_id":1,"uuid":"%3$s","additional_attributes":{},
                "agent_last_seen_at":0,"assignee_last_seen_at":0,"can_reply":true,"contact_last_seen_at":0,
                "custom_attributes":{},"inbox_id":1,"labels":[],"muted":false,"snoozed_until":null,"status":"open",
                "created_at":%2$d,"updated_at":%2$d.0,"timestamp":%2$d,"first_reply_created_at":0,"unread_count":0,
                "last_non_activity_message":null,"last_activity_at":%2$d,"priority":null,"waiting_since":%2$d,
                "sla_policy_id":null}
                """.formatted(at(1), at(2), uuid)));
        assertThat(http.get(account("/conversations/1")).body()).isEqualTo(result.body());
    }

    @Test
    void displayIdsCountPerAccount() {
        SecondAccount other = addSecondAccount();
        conversationFor("Alice");
        String base = "/api/v1/accounts/" + other.accountId();
        var theirs = http.withToken("other-token");
        String source = ok(theirs.post(base + "/contacts", "{\"inbox_id\":" + other.inboxId() + "}"))
                .at("/payload/contact_inbox/source_id").asText();
        JsonNode conversation = ok(theirs.post(base + "/conversations", "{\"source_id\":\"" + source + "\"}"));
        assertThat(conversation.get("id").asLong()).isEqualTo(1);
        assertThat(conversation.get("account_id").asLong()).isEqualTo(other.accountId());
        assertThat(conversationFor("Bob")).isEqualTo(2);
        // Their conversation 1 is not ours; ours is not theirs.
        assertThat(ok(http.get(account("/conversations/1"))).at("/meta/sender/name").asText()).isEqualTo("Alice");
        assertThat(ok(theirs.get(base + "/conversations/1")).at("/meta/sender/id").asLong())
                .isEqualTo(conversation.at("/meta/sender/id").asLong());
        // A source id of another account's contact: found, then refused.
        assertError(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\"}"), 401,
                "{\"error\":\"You are not authorized to do this action\"}");
    }

    @Test
    void inboxAndContactWithoutSourceIdMakeANewSessionEachTime() {
        ok(createContact("{\"name\":\"Alice\"}"));
        JsonNode first = ok(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1}"));
        JsonNode second = ok(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1,\"hmac_verified\":true}"));
        assertThat(second.at("/meta/hmac_verified").asBoolean()).isTrue();
        assertThat(first.at("/meta/hmac_verified").asBoolean()).isFalse();
        JsonNode sessions = ok(http.get(account("/contacts/1"))).at("/payload/contact_inboxes");
        assertThat(sessions).hasSize(2);
        // With a source id the session is found or created.
        ok(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1,\"source_id\":\"s-1\"}"));
        ok(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1,\"source_id\":\"s-1\"}"));
        assertThat(ok(http.get(account("/contacts/1"))).at("/payload/contact_inboxes")).hasSize(3);
        assertThat(ok(http.get(account("/conversations?source_id=s-1"))).at("/data/payload")).hasSize(2);
    }

    @Test
    void aSourceIdAnotherContactHoldsIsChatwootsOwn422AndCreatesNothing() {
        String source = contactSource("{\"inbox_id\":1,\"name\":\"Alice\"}");
        ok(createContact("{\"name\":\"Bob\"}"));
        assertError(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":2,\"source_id\":\"" + source + "\"}"),
                422, "{\"error\":\"source_id should be unique\"}");
        assertThat(ok(http.get(account("/conversations"))).at("/data/meta/all_count").asLong()).isZero();
        assertThat(ok(http.get(account("/contacts/2"))).at("/payload/contact_inboxes")).isEmpty();
    }

    @Test
    void unresolvableContactInboxIs404AndCreatesNothing() {
        ok(createContact("{\"name\":\"Alice\"}"));
        assertError(http.post(account("/conversations"), "{}"), 404, NOT_FOUND);
        assertError(http.post(account("/conversations"), "{\"source_id\":\"nope\"}"), 404, NOT_FOUND);
        assertError(http.post(account("/conversations"), "{\"inbox_id\":1}"), 404, NOT_FOUND);
        assertError(http.post(account("/conversations"), "{\"contact_id\":1}"), 404, NOT_FOUND);
        assertError(http.post(account("/conversations"), "{\"inbox_id\":99,\"contact_id\":1}"), 404, NOT_FOUND);
        assertError(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":99}"), 404, NOT_FOUND);
        assertError(http.post(account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1,\"source_id\":\"\"}"), 404, NOT_FOUND);
        // An unknown inbox_id is a 404 even when the source id alone would resolve.
        String source = ok(http.post(account("/contacts/1/contact_inboxes"), "{\"inbox_id\":1}")).get("source_id").asText();
        assertError(http.post(account("/conversations"), "{\"inbox_id\":99,\"source_id\":\"" + source + "\"}"), 404, NOT_FOUND);
        assertThat(ok(http.get(account("/contacts/1"))).at("/payload/contact_inboxes")).hasSize(1);
        assertThat(ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\"}")).get("id").asLong()).isEqualTo(1);
    }

    @Test
    void createWithStatusAttributesAndInitialMessage() {
        String source = contactSource("{\"inbox_id\":1,\"name\":\"Alice\"}");
        JsonNode pending = ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"status\":\"pending\","
                + "\"additional_attributes\":{\"browser\":\"x\"},\"custom_attributes\":{\"order\":7}}"));
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("additional_attributes").toString()).isEqualTo("{\"browser\":\"x\"}");
        assertThat(pending.get("custom_attributes").toString()).isEqualTo("{\"order\":7}");
        JsonNode snoozed = ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"status\":\"snoozed\","
                + "\"snoozed_until\":1767312000}"));
        assertThat(snoozed.get("snoozed_until").asText()).isEqualTo("2026-01-02T00:00:00.000Z");
        JsonNode notSnoozed = ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\","
                + "\"snoozed_until\":\"2026-01-02T00:00:00Z\"}"));
        assertThat(notSnoozed.get("snoozed_until").isNull()).isTrue();

        var withMessage = http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"message\":"
                + "{\"content\":\"Welcome!\",\"message_type\":\"outgoing\",\"content_attributes\":{\"k\":1}}}");
        JsonNode conversation = ok(withMessage);
        assertThat(conversation.get("id").asLong()).isEqualTo(4);
        JsonNode message = conversation.at("/messages/0");
        assertThat(message.get("content").asText()).isEqualTo("Welcome!");
        assertThat(message.get("message_type").asInt()).isEqualTo(1);
        assertThat(message.get("sender_type").asText()).isEqualTo("User");
        assertThat(message.get("content_attributes").toString()).isEqualTo("{\"k\":1}");
        assertThat(message.at("/sender/type").asText()).isEqualTo("user");
        assertThat(conversation.get("last_non_activity_message")).isEqualTo(message);
        // The first reply is bookkept right away.
        assertThat(conversation.get("first_reply_created_at").asLong()).isEqualTo(message.get("created_at").asLong());
        assertThat(conversation.get("waiting_since").asLong()).isZero();
        assertThat(ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"message\":{}}"))
                .get("messages")).isEmpty();
    }

    @Test
    void invalidStatusAndMessageErrorsCreateNothing() {
        String source = contactSource("{\"inbox_id\":1,\"name\":\"Alice\"}");
        // Chatwoot: an unhandled ArgumentError (500); here 422.
        assertError(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"status\":\"bot\"}"), 422,
                "{\"error\":\"'bot' is not a valid status\"}");
        // Model validation of the initial message keeps the record-invalid shape (no rescue in this controller).
        assertError(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"message\":{\"content\":\""
                        + "x".repeat(150_001) + "\"}}"), 422,
                "{\"message\":\"Content is too long (maximum is 150000 characters)\",\"attributes\":[\"content\"]}");
        assertError(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"message\":{\"content\":\"x\","
                + "\"message_type\":\"shout\"}}"), 422, "{\"error\":\"'shout' is not a valid message_type\"}");
        assertError(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"message\":\"hello\"}"), 422,
                "{\"error\":\"Invalid parameter message: expected an object\"}");
        assertError(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"assignee_id\":42}"), 422,
                "{\"message\":\"Assignee must exist\",\"attributes\":[\"assignee\"]}");
        assertError(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"team_id\":3}"), 422,
                "{\"message\":\"Team must exist\",\"attributes\":[\"team\"]}");
        assertError(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"snoozed_until\":\"soon\"}"), 422,
                "{\"error\":\"Invalid parameter snoozed_until: 'soon' is not a time\"}");
        assertError(http.get(account("/conversations/1")), 404, NOT_FOUND);
        JsonNode created = ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"message\":{\"content\":\"hi\"}}"));
        assertThat(created.get("id").asLong()).isEqualTo(1);
        assertThat(created.at("/messages/0/id").asLong()).isEqualTo(1);
    }

    @Test
    void blockedContactsGetResolvedMutedConversations() {
        String source = contactSource("{\"inbox_id\":1,\"name\":\"Troll\",\"blocked\":true}");
        JsonNode conversation = ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"status\":\"open\"}"));
        assertThat(conversation.get("status").asText()).isEqualTo("resolved");
        assertThat(conversation.get("muted").asBoolean()).isTrue();
        // A muted conversation is not reopened by the contact.
        postMessage(1, "{\"content\":\"hello?\",\"message_type\":\"incoming\"}");
        assertThat(ok(http.get(account("/conversations/1"))).get("status").asText()).isEqualTo("resolved");
    }

    @Test
    void singleConversationInboxesReturnTheLatestConversationAndStillTakeTheMessage() {
        ok(http.patch(account("/inboxes/1"), "{\"lock_to_single_conversation\":true}"));
        String source = contactSource("{\"inbox_id\":1,\"name\":\"Alice\"}");
        JsonNode first = ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\"}"));
        ok(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"resolved\"}"));
        JsonNode again = ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"message\":{\"content\":\"again\"}}"));
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(again.get("uuid").asText()).isEqualTo(first.get("uuid").asText());
        assertThat(again.get("status").asText()).isEqualTo("resolved");
        assertThat(again.at("/messages/0/content").asText()).isEqualTo("again");
        assertThat(ok(http.get(account("/conversations/meta?status=all"))).at("/meta/all_count").asLong()).isEqualTo(1);
    }

    @Test
    void assigneeAtCreation() {
        long agent = addAgent();
        String source = contactSource("{\"inbox_id\":1,\"name\":\"Alice\"}");
        var result = http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"assignee_id\":" + agent + "}");
        JsonNode conversation = ok(result);
        assertThat(result.body()).contains(compact("""
                "channel":"Channel::Api","assignee":{"id":2,"account_id":1,"availability_status":"offline",
                "auto_offline":true,"confirmed":true,"email":"sam@bevatel.test","provider":"email",
                "available_name":"Sam","name":"Sam Agent","role":"agent","thumbnail":""},"assignee_type":"User",
                "hmac_verified":false},
                """));
        assertThat(conversation.at("/messages/0/content").asText()).isEqualTo("Assigned to Sam Agent by Bevatel Admin");
        assertThat(conversation.at("/messages/0/message_type").asInt()).isEqualTo(2);
        assertThat(conversation.get("last_non_activity_message").isNull()).isTrue();
        JsonNode self = ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"assignee_id\":1}"));
        assertThat(self.at("/messages/0/content").asText()).isEqualTo("Bevatel Admin self-assigned this conversation");
        assertThat(self.at("/meta/assignee/role").asText()).isEqualTo("administrator");
    }

    @Test
    void showErrors() {
        SecondAccount other = addSecondAccount();
        String base = "/api/v1/accounts/" + other.accountId();
        String source = ok(http.withToken("other-token").post(base + "/contacts", "{\"inbox_id\":" + other.inboxId() + "}"))
                .at("/payload/contact_inbox/source_id").asText();
        ok(http.withToken("other-token").post(base + "/conversations", "{\"source_id\":\"" + source + "\"}"));
        assertError(http.get(account("/conversations/1")), 404, NOT_FOUND);
        assertError(http.get(account("/conversations/abc")), 404, NOT_FOUND);
        assertError(http.get(account("/conversations/-1")), 404, NOT_FOUND);
    }

    @Test
    void listWrapsInDataWithCountsThatIgnoreAssigneeTypeAndPaging() {
        long agent = addAgent();
        for (int i = 1; i <= 27; i++) {
            conversationFor("C" + i);
        }
        ok(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"resolved\"}"));
        // Assign 2 to the agent and 3 to the administrator through creation-time assignment.
        String source = contactSource("{\"inbox_id\":1,\"name\":\"Assigned\"}");
        ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"assignee_id\":" + agent + "}"));
        ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\",\"assignee_id\":1}"));
        // 28 open (26 + 2 assigned), 1 resolved.
        String meta = "{\"mine_count\":1,\"assigned_count\":2,\"unassigned_count\":26,\"all_count\":28}";
        var all = http.get(account("/conversations"));
        assertThat(all.body()).startsWith("{\"data\":{\"meta\":" + meta + ",\"payload\":[");
        JsonNode page1 = ok(all).at("/data/payload");
        assertThat(page1).hasSize(25);
        assertThat(page1.get(0).get("id").asLong()).isEqualTo(29);
        assertThat(ids("/conversations?page=2")).containsExactly(4L, 3L, 2L);
        assertThat(http.get(account("/conversations?page=2")).body()).startsWith("{\"data\":{\"meta\":" + meta);
        assertThat(ids("/conversations?assignee_type=me")).containsExactly(29L);
        assertThat(ids("/conversations?assignee_type=assigned")).containsExactly(29L, 28L);
        assertThat(ok(http.get(account("/conversations?assignee_type=unassigned"))).at("/data/payload")).hasSize(25);
        assertThat(http.get(account("/conversations?assignee_type=me")).body()).startsWith("{\"data\":{\"meta\":" + meta);
        assertThat(ids("/conversations?status=resolved")).containsExactly(1L);
        assertThat(http.get(account("/conversations?status=resolved")).body()).startsWith(
                "{\"data\":{\"meta\":{\"mine_count\":0,\"assigned_count\":0,\"unassigned_count\":1,\"all_count\":1}");
        assertThat(ok(http.get(account("/conversations?status=all"))).at("/data/meta/all_count").asLong()).isEqualTo(29);
        assertThat(ok(http.get(account("/conversations?status=pending"))).at("/data/payload")).isEmpty();
        // The agent's "mine" is its own.
        assertThat(ok(http.withToken("agent-token").get(account("/conversations/meta"))).get("meta").toString())
                .isEqualTo("{\"mine_count\":1,\"assigned_count\":2,\"unassigned_count\":26,\"all_count\":28}");
        assertThat(http.get(account("/conversations/meta?assignee_type=me&page=2")).body()).isEqualTo("{\"meta\":" + meta + "}");
    }

    @Test
    void listFilters() {
        ok(http.post(account("/inboxes"), "{\"name\":\"Second\",\"channel\":{\"type\":\"api\"}}"));
        long a = conversationFor("Alice");
        String source = contactSource("{\"inbox_id\":2,\"name\":\"Bob\"}");
        long b = ok(http.post(account("/conversations"), "{\"source_id\":\"" + source + "\"}")).get("id").asLong();
        postMessage(a, "{\"content\":\"Where is my ORDER?\",\"message_type\":\"incoming\"}");
        postMessage(b, "{\"content\":\"order internally noted\",\"private\":true}");
        ok(http.post(account("/conversations/" + a + "/toggle_status"), "{\"status\":\"resolved\"}"));
        assertThat(ids("/conversations?inbox_id=2")).containsExactly(b);
        assertThat(ids("/conversations?inbox_id=1")).isEmpty();
        assertThat(ids("/conversations?inbox_id=1&status=resolved")).containsExactly(a);
        assertThat(ids("/conversations?source_id=" + source)).containsExactly(b);
        // q searches incoming/outgoing content (private notes included) and skips the status filter.
        assertThat(ids("/conversations?q=order")).containsExactly(a, b);
        assertThat(ids("/conversations?q=where")).containsExactly(a);
        assertThat(ids("/conversations?q=nothing")).isEmpty();
        assertError(http.get(account("/conversations?team_id=1")), 404, NOT_FOUND);
        assertError(http.get(account("/conversations?status=closed")), 422, "{\"error\":\"'closed' is not a valid status\"}");
        assertError(http.get(account("/conversations?assignee_type=someone")), 422,
                "{\"error\":\"'someone' is not a valid assignee_type\"}");
        assertError(http.get(account("/conversations?sort_by=loudest")), 422, "{\"error\":\"'loudest' is not a valid sort_by\"}");
        assertError(http.get(account("/conversations?page=first")), 422, "{\"error\":\"Invalid parameter page: expected an integer\"}");
    }

    @Test
    void listSortOrders() {
        long a = conversationFor("A");
        long b = conversationFor("B");
        long c = conversationFor("C");
        postMessage(a, "{\"content\":\"latest activity\",\"message_type\":\"incoming\"}");
        assertThat(ids("/conversations")).containsExactly(a, c, b);
        assertThat(ids("/conversations?sort_by=last_activity_at_asc")).containsExactly(b, c, a);
        assertThat(ids("/conversations?sort_by=created_at_asc")).containsExactly(a, b, c);
        assertThat(ids("/conversations?sort_by=created_at_desc")).containsExactly(c, b, a);
        assertThat(ids("/conversations?sort_by=latest")).containsExactly(a, c, b);
        // Only conversation a has an unread incoming message.
        assertThat(ids("/conversations?sort_by=unread")).containsExactly(a, c, b);
        // b replied to: waiting_since cleared, so it sorts last; the others by waiting_since.
        postMessage(b, "{\"content\":\"reply\"}");
        assertThat(ids("/conversations?sort_by=waiting_since_asc")).containsExactly(a, c, b);
        assertThat(ids("/conversations?sort_by=waiting_since_desc")).containsExactly(c, a, b);
    }

    private static List<Long> ids(String path) {
        List<Long> ids = new ArrayList<>();
        ok(http.get(account(path))).at("/data/payload").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }
}
