package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET|POST /conversations/{id}/labels} (app/controllers/api/v1/accounts/conversations/labels_controller.rb). */
@ExtendWith(WorldPerTest.class)
class ConversationLabelTest {
    World world;
    long conversation;
    String labels;

    @BeforeEach
    void start() {
        conversation = world.conversation("Alice");
        labels = Http.account("/conversations/" + conversation + "/labels");
        world.events.clear();
    }

    @Test
    void postReplacesTheSetWithActivityLinesAndAnEvent() {
        assertThat(world.admin.get(labels).body()).isEqualTo("{\"payload\":[]}");
        assertThat(world.admin.post(labels, "{\"labels\":[\"billing\",\" vip \",\"VIP\",\"\"]}").body())
                .isEqualTo("{\"payload\":[\"billing\",\"vip\"]}");
        assertThat(world.admin.post(labels, "{\"labels\":[\"vip\",\"urgent\"]}").body())
                .isEqualTo("{\"payload\":[\"vip\",\"urgent\"]}");
        assertThat(world.admin.get(labels).body()).isEqualTo("{\"payload\":[\"vip\",\"urgent\"]}");
        assertThat(world.show(conversation).get("labels").toString()).isEqualTo("[\"vip\",\"urgent\"]");
        assertThat(world.contents(conversation)).containsExactly("Bevatel Admin added billing, vip",
                "Bevatel Admin added urgent", "Bevatel Admin removed billing");
        assertThat(world.delivered()).containsExactly("conversation_updated", "conversation_updated");
        DomainEvent.ConversationUpdated second = world.events.of(DomainEvent.ConversationUpdated.class).get(1);
        AttributeChange labelList = second.changes().stream().filter(c -> c.attribute().equals("label_list")).findFirst()
                .orElseThrow();
        assertThat(labelList.previousValue()).isEqualTo(List.of("billing", "vip"));
        assertThat(labelList.currentValue()).isEqualTo(List.of("vip", "urgent"));
    }

    @Test
    void theSameLabelsChangeNothingAndAMissingListClearsThem() {
        world.admin.post(labels, "{\"labels\":[\"a\",\"b\"]}");
        world.events.clear();
        world.admin.post(labels, "{\"labels\":[\"b\",\"a\"]}");
        assertThat(world.events.list()).isEmpty();
        assertThat(world.admin.post(labels, "{}").body()).isEqualTo("{\"payload\":[]}");
        assertThat(world.delivered()).containsExactly("conversation_updated");
    }

    @Test
    void errors() {
        assertThat(world.admin.post(labels, "{\"labels\":\"vip\"}").body())
                .isEqualTo("{\"error\":\"Invalid parameter labels: expected an array\"}");
        assertThat(world.admin.get(Http.account("/conversations/42/labels")).status()).isEqualTo(404);
        assertThat(world.admin.post(Http.account("/conversations/42/labels"), "{\"labels\":[]}").status()).isEqualTo(404);
        assertThat(world.events.list()).isEmpty();
    }
}
