package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a new message does to its conversation and contact (app/models/message.rb#execute_after_create_commit_callbacks). */
class MessageSideEffectsApiTest extends ApiTestSupport {

    private static JsonNode conversation() {
        return ok(http.get(account("/conversations/1")));
    }

    private static void toggle(String status) {
        ok(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"" + status + "\"}"));
    }

    /** Conversation 1's messages as "type:content". */
    private static List<String> messages() {
        List<String> out = new ArrayList<>();
        ok(http.get(account("/conversations/1/messages"))).get("payload")
                .forEach(m -> out.add(m.get("message_type").asInt() + ":" + m.get("content").asText()));
        return out;
    }

    @Test
    void aMessageMovesTheConversationsActivity() {
        conversationFor("Alice");
        postMessage(1, "{\"content\":\"hi\",\"message_type\":\"incoming\"}");
        var show = http.get(account("/conversations/1"));
        JsonNode c = ok(show);
        assertThat(c.get("last_activity_at").asLong()).isEqualTo(at(3));
        assertThat(c.get("timestamp").asLong()).isEqualTo(at(3));
        assertThat(show.body()).contains("\"updated_at\":" + at(3) + ".0,");
        assertThat(c.get("unread_count").asInt()).isEqualTo(1);
        assertThat(c.at("/messages/0/conversation/unread_count").asInt()).isEqualTo(1);
        // The contact's last activity follows its messages.
        assertThat(ok(http.get(account("/contacts/1"))).at("/payload/last_activity_at").asLong()).isEqualTo(at(3));
    }

    @Test
    void unreadCountStopsAtTen() {
        conversationFor("Alice");
        for (int i = 0; i < 12; i++) {
            postMessage(1, "{\"content\":\"" + i + "\",\"message_type\":\"incoming\"}");
        }
        postMessage(1, "{\"content\":\"reply\"}");
        assertThat(conversation().get("unread_count").asInt()).isEqualTo(10);
    }

    @Test
    void firstReplyAndWaitingSince() {
        conversationFor("Alice");
        // waiting_since starts at creation; an incoming message keeps it.
        postMessage(1, "{\"content\":\"hi\",\"message_type\":\"incoming\"}");
        assertThat(conversation().get("waiting_since").asLong()).isEqualTo(at(2));
        // A private note is not a reply.
        postMessage(1, "{\"content\":\"note\",\"private\":true}");
        assertThat(conversation().get("first_reply_created_at").asLong()).isZero();
        long reply = postMessage(1, "{\"content\":\"On its way\"}").get("created_at").asLong();
        JsonNode c = conversation();
        assertThat(c.get("first_reply_created_at").asLong()).isEqualTo(reply);
        assertThat(c.get("waiting_since").asLong()).isZero();
        long again = postMessage(1, "{\"content\":\"Still there?\",\"message_type\":\"incoming\"}").get("created_at").asLong();
        assertThat(conversation().get("waiting_since").asLong()).isEqualTo(again);
        postMessage(1, "{\"content\":\"Yes\"}");
        c = conversation();
        assertThat(c.get("waiting_since").asLong()).isZero();
        assertThat(c.get("first_reply_created_at").asLong()).isEqualTo(reply);
    }

    @Test
    void campaignMessagesAreNotReplies() {
        conversationFor("Alice");
        postMessage(1, "{\"content\":\"promo\",\"campaign_id\":3}");
        JsonNode c = conversation();
        assertThat(c.get("first_reply_created_at").asLong()).isZero();
        assertThat(c.get("waiting_since").asLong()).isEqualTo(at(2));
    }

    @Test
    void anOutgoingMessageDoesNotReopen() {
        conversationFor("Alice");
        toggle("resolved");
        postMessage(1, "{\"content\":\"follow-up\"}");
        assertThat(conversation().get("status").asText()).isEqualTo("resolved");
    }

    @Test
    void anIncomingMessageReopensAResolvedConversationAsTheSystem() {
        conversationFor("Alice");
        toggle("resolved");
        postMessage(1, "{\"content\":\"hello?\",\"message_type\":\"incoming\"}");
        JsonNode c = conversation();
        assertThat(c.get("status").asText()).isEqualTo("open");
        assertThat(messages()).containsExactly("2:Conversation was marked resolved by Bevatel Admin", "0:hello?",
                "2:System reopened the conversation due to a new incoming message.");
        assertThat(c.at("/messages/0/content_attributes").toString())
                .isEqualTo("{\"activity\":{\"type\":\"conversation_status_changed\",\"status\":\"open\"}}");
        assertThat(c.at("/last_non_activity_message/content").asText()).isEqualTo("hello?");
        assertThat(c.get("waiting_since").asLong()).isEqualTo(at(4));
    }

    @Test
    void aPrivateIncomingNoteReopensInTheUsersName() {
        conversationFor("Alice");
        toggle("resolved");
        postMessage(1, "{\"content\":\"logged call\",\"message_type\":\"incoming\",\"private\":true}");
        assertThat(conversation().get("status").asText()).isEqualTo("open");
        assertThat(messages()).containsExactly("2:Conversation was marked resolved by Bevatel Admin", "0:logged call",
                "2:Conversation was reopened by Bevatel Admin");
    }

    @Test
    void anIncomingMessageWakesASnoozedConversation() {
        conversationFor("Alice");
        ok(http.post(account("/conversations/1/toggle_status"), "{\"status\":\"snoozed\",\"snoozed_until\":1767312000}"));
        postMessage(1, "{\"content\":\"wake up\",\"message_type\":\"incoming\"}");
        JsonNode c = conversation();
        assertThat(c.get("status").asText()).isEqualTo("open");
        assertThat(c.get("snoozed_until").isNull()).isTrue();
        assertThat(messages()).containsExactly("2:Conversation was snoozed by Bevatel Admin", "0:wake up",
                "2:Conversation was reopened by Bevatel Admin");
    }

    @Test
    void pendingConversationsStayPending() {
        conversationFor("Alice");
        toggle("pending");
        postMessage(1, "{\"content\":\"hi\",\"message_type\":\"incoming\"}");
        assertThat(conversation().get("status").asText()).isEqualTo("pending");
    }

    @Test
    void greetingIsSentOnceForTheFirstContactMessage() {
        ok(http.patch(account("/inboxes/1"), "{\"greeting_enabled\":true,\"greeting_message\":\"Welcome to Bevatel!\"}"));
        conversationFor("Alice");
        postMessage(1, "{\"content\":\"hi\",\"message_type\":\"incoming\"}");
        postMessage(1, "{\"content\":\"anyone?\",\"message_type\":\"incoming\"}");
        assertThat(messages()).containsExactly("0:hi", "3:Welcome to Bevatel!", "0:anyone?");
        JsonNode greeting = ok(http.get(account("/conversations/1/messages"))).at("/payload/1");
        assertThat(greeting.has("sender")).isFalse();
        assertThat(greeting.get("status").asText()).isEqualTo("sent");
        // Not when an agent spoke first.
        conversationFor("Bob");
        postMessage(2, "{\"content\":\"Hello Bob\"}");
        postMessage(2, "{\"content\":\"hi\",\"message_type\":\"incoming\"}");
        assertThat(ok(http.get(account("/conversations/2/messages"))).get("payload")).hasSize(2);
    }

    @Test
    void outOfOfficeReplyOutsideWorkingHoursOncePerDay() {
        // 2026-01-01 is a Thursday; the default week opens 09:00-17:00 UTC, and the clock starts at midnight.
        ok(http.patch(account("/inboxes/1"), "{\"working_hours_enabled\":true,\"out_of_office_message\":\"We are closed\"}"));
        conversationFor("Alice");
        postMessage(1, "{\"content\":\"hi\",\"message_type\":\"incoming\"}");
        postMessage(1, "{\"content\":\"hello?\",\"message_type\":\"incoming\"}");
        assertThat(messages()).containsExactly("0:hi", "3:We are closed", "0:hello?");
        // In working hours nothing is sent.
        sim.clock().advance(Duration.ofHours(10));
        conversationFor("Bob");
        postMessage(2, "{\"content\":\"hi\",\"message_type\":\"incoming\"}");
        assertThat(ok(http.get(account("/conversations/2/messages"))).get("payload")).hasSize(1);
    }
}
