package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.SenderType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * app/controllers/api/v1/accounts/conversations_controller.rb: PATCH (priority), toggle_priority, toggle_typing_status,
 * update_last_seen, custom_attributes, DELETE.
 */
@ExtendWith(WorldPerTest.class)
class ConversationActionTest {
    World world;
    long conversation;
    String base;

    @BeforeEach
    void start() {
        conversation = world.conversation("Alice");
        base = Http.account("/conversations/" + conversation);
        world.events.clear();
    }

    private java.util.List<String> changed(DomainEvent.ConversationUpdated event) {
        return event.changes().stream().map(AttributeChange::attribute).toList();
    }

    @Test
    void patchSetsThePriorityAndAnswersTheConversation() {
        Http.Result r = world.admin.patch(base, "{\"priority\":\"high\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("priority").asText()).isEqualTo("high");
        assertThat(r.json().get("id").asLong()).isEqualTo(conversation);
        assertThat(world.delivered()).containsExactly("conversation_updated");
        assertThat(changed(world.events.of(DomainEvent.ConversationUpdated.class).get(0)))
                .containsExactly("updated_at", "priority");
        assertThat(world.contents(conversation)).containsExactly("Bevatel Admin set the priority to high");

        assertThat(world.admin.put(base, "{\"priority\":null}").json().get("priority").isNull()).isTrue();
        assertThat(world.admin.patch(base, "{\"status\":\"resolved\"}").json().get("status").asText()).isEqualTo("open");
        assertThat(world.admin.patch(base, "{\"priority\":\"extreme\"}").body())
                .isEqualTo("{\"error\":\"'extreme' is not a valid priority\"}");
        assertThat(world.admin.patch(Http.account("/conversations/99"), "{\"priority\":\"low\"}").status()).isEqualTo(404);
    }

    @Test
    void togglePriorityWritesTheThreeActivityLines() {
        assertThat(world.admin.post(base + "/toggle_priority", "{\"priority\":\"low\"}").body()).isEmpty();
        world.admin.post(base + "/toggle_priority", "{\"priority\":\"urgent\"}");
        world.admin.post(base + "/toggle_priority", "{\"priority\":\"\"}");
        world.admin.post(base + "/toggle_priority", "{}");
        assertThat(world.contents(conversation)).containsExactly("Bevatel Admin set the priority to low",
                "Bevatel Admin changed the priority from low to urgent", "Bevatel Admin removed the priority");
        assertThat(world.delivered()).containsExactly("conversation_updated", "conversation_updated", "conversation_updated");
        Http.Result bad = world.admin.post(base + "/toggle_priority", "{\"priority\":\"ASAP\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(world.show(conversation).get("priority").isNull()).isTrue();
    }

    @Test
    void typingFiresTypingEventsOnlyForOnAndOff() {
        assertThat(world.sam.post(base + "/toggle_typing_status", "{\"typing_status\":\"on\",\"is_private\":true}").body())
                .isEmpty();
        world.sam.post(base + "/toggle_typing_status", "{\"typing_status\":\"off\"}");
        world.sam.post(base + "/toggle_typing_status", "{\"typing_status\":\"maybe\"}");
        assertThat(world.delivered()).containsExactly("conversation_typing_on", "conversation_typing_off");
        var typing = world.events.of(DomainEvent.ConversationTyping.class);
        long samId = world.sim.user("Sam Agent").id();
        assertThat(typing.get(0).typist()).isEqualTo(new Actor(SenderType.USER, samId));
        assertThat(typing.get(0).isPrivate()).isTrue();
        assertThat(typing.get(1).isPrivate()).isFalse();
        assertThat(world.admin.post(Http.account("/conversations/77/toggle_typing_status"), "{\"typing_status\":\"on\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void updateLastSeenMarksReadWithoutEventsAndThrottlesWhenNothingIsUnread() {
        world.incoming(conversation, "Hello?");
        assertThat(world.show(conversation).get("unread_count").asInt()).isEqualTo(1);
        world.events.clear();

        JsonNode seen = world.sam.post(base + "/update_last_seen", "{}").json();
        long first = seen.get("agent_last_seen_at").asLong();
        assertThat(first).isEqualTo(world.sim.clock().now().getEpochSecond());
        assertThat(seen.get("unread_count").asInt()).isZero();
        assertThat(seen.get("assignee_last_seen_at").asLong()).isZero();
        assertThat(world.events.list()).isEmpty();

        JsonNode again = world.sam.post(base + "/update_last_seen", "{}").json();
        assertThat(again.get("agent_last_seen_at").asLong()).isEqualTo(first);
        world.sim.clock().advance(Duration.ofHours(2));
        JsonNode later = world.sam.post(base + "/update_last_seen", "{}").json();
        assertThat(later.get("agent_last_seen_at").asLong()).isGreaterThan(first + 7000);
    }

    @Test
    void theAssigneeAlsoSetsAssigneeLastSeen() {
        world.admin.post(base + "/assignments", "{\"assignee_id\":" + world.sim.user("Sam Agent").id() + "}");
        JsonNode seen = world.sam.post(base + "/update_last_seen", "{}").json();
        assertThat(seen.get("assignee_last_seen_at").asLong()).isEqualTo(seen.get("agent_last_seen_at").asLong())
                .isPositive();
    }

    @Test
    void customAttributesReplaceOrMerge() {
        assertThat(world.admin.post(base + "/custom_attributes", "{\"custom_attributes\":{\"plan\":\"gold\",\"seats\":3}}").body())
                .isEqualTo("{\"custom_attributes\":{\"plan\":\"gold\",\"seats\":3}}");
        assertThat(world.admin.post(base + "/custom_attributes", "{\"custom_attributes\":{\"seats\":5}}").body())
                .isEqualTo("{\"custom_attributes\":{\"seats\":5}}");
        assertThat(world.admin.post(base + "/custom_attributes", "{\"custom_attributes\":{\"plan\":\"x\"},\"merge\":true}").body())
                .isEqualTo("{\"custom_attributes\":{\"seats\":5,\"plan\":\"x\"}}");
        assertThat(world.admin.post(base + "/custom_attributes", "{\"custom_attributes\":{\"plan\":\"x\"},\"merge\":true}").body())
                .isEqualTo("{\"custom_attributes\":{\"seats\":5,\"plan\":\"x\"}}");
        assertThat(world.delivered()).containsExactly("conversation_updated", "conversation_updated", "conversation_updated");
        assertThat(changed(world.events.of(DomainEvent.ConversationUpdated.class).get(0)))
                .containsExactly("updated_at", "custom_attributes");
        assertThat(world.show(conversation).get("custom_attributes").toString()).isEqualTo("{\"seats\":5,\"plan\":\"x\"}");
        assertThat(world.admin.post(base + "/custom_attributes", "{\"custom_attributes\":\"plan\"}").status()).isEqualTo(422);
        assertThat(world.contents(conversation)).isEmpty();
    }

    @Test
    void deleteRemovesTheConversationForAdministrators() {
        world.incoming(conversation, "Bye");
        Http.Result deleted = world.admin.delete(base);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(world.admin.get(base).status()).isEqualTo(404);
        assertThat(world.admin.get(base + "/messages").status()).isEqualTo(404);
        assertThat(world.admin.delete(base).status()).isEqualTo(404);
        assertThat(world.admin.get(Http.account("/conversations?status=all")).json().at("/data/meta/all_count").asLong())
                .isZero();
    }
}
