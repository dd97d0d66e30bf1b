package com.bevatel.simulator.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.DomainEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Client API messages (app/controllers/public/api/v1/inboxes/messages_controller.rb): list, create, and form/CSAT replies. */
class PublicMessageTest {
    private static final String NOT_FOUND = "404 {\"status\":404,\"error\":\"Not Found\"}";
    private static final long START = 1767225600L; // 2026-01-01T00:00:00Z, the default start time

    @RegisterExtension
    static final PublicApi api = new PublicApi();

    private String sourceId;
    private String messages;
    private String agentMessages;

    /** Alice (contact 1) with conversation 1: writes at t+1 and t+2. */
    @BeforeEach
    void aliceWithAConversation() {
        sourceId = api.newContact("{\"name\":\"Alice\"}");
        long id = api.createConversation(sourceId).get("id").asLong();
        messages = api.conversation(sourceId, id) + "/messages";
        agentMessages = Http.account("/conversations/" + id + "/messages");
        api.clearEvents();
    }

    @Test
    void createWritesAnIncomingMessageFromTheContact() {
        Http.Result result = api.client.post(messages, "{\"content\":\"Hi <there>\",\"echo_id\":\"tmp-1\",\"message_type\":\"outgoing\",\"private\":true}");

        assertThat(result.toString()).isEqualTo("200 {\"id\":1,\"content\":\"Hi \\u003cthere\\u003e\",\"message_type\":0,"
                + "\"content_type\":\"text\",\"content_attributes\":{},\"created_at\":" + (START + 3) + ",\"conversation_id\":1,"
                + "\"sender\":{\"additional_attributes\":{},\"custom_attributes\":{},\"email\":null,\"id\":1,"
                + "\"identifier\":null,\"name\":\"Alice\",\"phone_number\":null,\"thumbnail\":\"\",\"blocked\":false,"
                + "\"type\":\"contact\"}}");
        assertThat(api.eventNames()).containsExactly("message_created", "contact_updated");
        JsonNode asAgentSeesIt = Http.ok(api.app.get(agentMessages)).at("/payload/0");
        assertThat(asAgentSeesIt.get("private").asBoolean()).as("only content and echo_id are read").isFalse();
        assertThat(asAgentSeesIt.at("/sender/type").asText()).isEqualTo("contact");
    }

    @Test
    void aFormEncodedBodyWorksToo() {
        Http.Result result = api.client.send("POST", messages, "content=Hi+there%21", "application/x-www-form-urlencoded");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("content").asText()).isEqualTo("Hi there!");
    }

    @Test
    void anIncomingMessageReopensAResolvedConversation() {
        Http.ok(api.client.post(api.conversation(sourceId, 1) + "/toggle_status", ""));
        api.clearEvents();

        Http.ok(api.client.post(messages, "{\"content\":\"One more thing\"}"));

        // Resolving cleared waiting_since, so the new incoming message sets it again: a second conversation_updated.
        assertThat(api.eventNames()).containsExactly("conversation_status_changed", "conversation_updated",
                "message_created", "message_created", "conversation_updated", "contact_updated");
        assertThat(Http.ok(api.client.get(api.conversation(sourceId, 1))).get("status").asText()).isEqualTo("open");
        assertThat(Http.ok(api.app.get(agentMessages)).get("payload")).extracting(m -> m.get("content").asText())
                .containsExactly("Conversation was resolved by Alice", "One more thing",
                        "System reopened the conversation due to a new incoming message.");
    }

    @Test
    void tooLongContentIsAValidationError() {
        Http.Result result = api.client.post(messages, "{\"content\":\"" + "x".repeat(150_001) + "\"}");

        assertThat(result.toString()).isEqualTo(
                "422 {\"message\":\"Content is too long (maximum is 150000 characters)\",\"attributes\":[\"content\"]}");
        assertThat(api.eventNames()).isEmpty();
        assertThat(api.client.get(messages).body()).isEqualTo("[]");
    }

    @Test
    void listsTheLatestTwentyPublicMessagesOldestFirst() {
        List<Long> visible = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            visible.add(Http.ok(api.client.post(messages, "{\"content\":\"m" + i + "\"}")).get("id").asLong());
            if (i == 20) {
                Http.ok(api.app.post(agentMessages, "{\"content\":\"internal\",\"private\":true}"));
                visible.add(Http.ok(api.app.post(agentMessages, "{\"content\":\"reply\"}")).get("id").asLong());
            }
        }
        Http.ok(api.client.post(api.conversation(sourceId, 1) + "/toggle_status", ""));

        JsonNode latest = Http.ok(api.client.get(messages));
        JsonNode before = Http.ok(api.client.get(messages + "?before=" + visible.get(20)));

        assertThat(latest).extracting(m -> m.get("id").asLong()).containsExactlyElementsOf(visible.subList(4, 24));
        assertThat(latest.get(16).toString()).isEqualTo(Http.ok(api.client.get(api.conversation(sourceId, 1)))
                .at("/messages/20").toString());
        assertThat(latest.get(16).at("/sender/type").asText()).isEqualTo("user");
        assertThat(latest.get(16).get("message_type").asInt()).isEqualTo(1);
        assertThat(before).extracting(m -> m.get("id").asLong()).containsExactlyElementsOf(visible.subList(0, 20));
        assertThat(api.client.get(messages + "?before=abc").body()).as("Ruby's \"abc\".to_i is 0").isEqualTo("[]");
        assertThat(api.client.get(messages + "?before=").body()).isEqualTo(latest.toString());
        assertThat(api.client.get(messages + "?before=99999999999").body()).isEqualTo(latest.toString());
    }

    @Test
    void aFormReplyStoresTheSubmittedValues() {
        long form = Http.ok(api.app.post(agentMessages, "{\"content\":\"Your email?\",\"content_type\":\"form\","
                + "\"content_attributes\":{\"items\":[{\"name\":\"email\",\"label\":\"Email\",\"type\":\"email\"}]}}"))
                .get("id").asLong();
        api.clearEvents();

        Http.Result result = api.client.patch(messages + "/" + form, "{\"submitted_values\":[{\"value\":\"a@x.io\","
                + "\"name\":\"email\",\"extra\":\"dropped\",\"title\":{\"not\":\"a scalar\"}},\"not an object\"]}");

        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().get("content_attributes").toString()).isEqualTo("{\"items\":[{\"name\":\"email\","
                + "\"label\":\"Email\",\"type\":\"email\"}],\"submitted_values\":[{\"name\":\"email\",\"value\":\"a@x.io\"}]}");
        assertThat(result.json().get("content_type").asText()).isEqualTo("form");
        assertThat(api.events()).containsExactly(new DomainEvent.MessageUpdated(1, form));

        api.clearEvents();
        Http.ok(api.client.put(messages + "/" + form, "{\"submitted_values\":[{\"name\":\"email\",\"value\":\"a@x.io\"}]}"));
        Http.ok(api.client.patch(messages + "/" + form, "{}"));
        assertThat(api.eventNames()).as("nothing changed").isEmpty();
    }

    @Test
    void aCsatReplyIsLockedAfterFourteenDays() {
        long survey = Http.ok(api.app.post(agentMessages, "{\"content\":\"Rate us\",\"content_type\":\"input_csat\"}"))
                .get("id").asLong();
        String reply = "{\"submitted_values\":{\"csat_survey_response\":{\"rating\":5,\"feedback_message\":\"great\",\"x\":1}}}";
        api.sim.clock().advance(Duration.ofDays(14));

        JsonNode answered = Http.ok(api.client.patch(messages + "/" + survey, reply));

        assertThat(answered.get("content_attributes").toString())
                .isEqualTo("{\"submitted_values\":{\"csat_survey_response\":{\"feedback_message\":\"great\",\"rating\":5}}}");

        api.sim.clock().advance(Duration.ofDays(1));
        api.clearEvents();
        Http.Result late = api.client.patch(messages + "/" + survey, reply.replace("5", "1"));

        assertThat(late.toString()).isEqualTo("422 {\"error\":\"You cannot update the CSAT survey after 14 days\"}");
        assertThat(api.eventNames()).isEmpty();
    }

    @Test
    void anUnknownOrForeignMessageIsNotFound() {
        String bob = api.newContact("{\"name\":\"Bob\"}");
        long bobsConversation = api.createConversation(bob).get("id").asLong();
        long bobsMessage = Http.ok(api.client.post(api.conversation(bob, bobsConversation) + "/messages",
                "{\"content\":\"mine\"}")).get("id").asLong();

        for (String id : List.of(String.valueOf(bobsMessage), "999", "abc")) {
            assertThat(api.client.patch(messages + "/" + id, "{\"submitted_values\":[]}").toString()).as(id)
                    .isEqualTo(NOT_FOUND);
        }
        assertThat(api.client.get(api.conversation(sourceId, bobsConversation) + "/messages").toString()).isEqualTo(NOT_FOUND);
    }
}
