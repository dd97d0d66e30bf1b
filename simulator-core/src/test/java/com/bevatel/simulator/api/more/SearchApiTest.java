package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search: {@code GET /conversations/search} (conversations_controller.rb#search: the list's finder, the
 * models/_conversation partial) and {@code GET /search[/conversations|/contacts|/messages|/articles]}
 * (search_controller.rb, app/services/search_service.rb, app/views/api/v1/accounts/search/).
 */
@ExtendWith(WorldPerTest.class)
class SearchApiTest {
    World world;
    long alice;
    long hidden;

    @BeforeEach
    void start() {
        long aliceContact = world.contact("{\"inbox_id\":1,\"name\":\"Alice Smith\",\"email\":\"alice@shop.test\"}").get("id").asLong();
        alice = world.admin.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":" + aliceContact + "}")
                .json().get("id").asLong();
        world.incoming(alice, "Where is my parcel?");
        world.admin.post(Http.account("/conversations/" + alice + "/messages"), "{\"content\":\"Your parcel left today\"}");
        world.admin.post(Http.account("/conversations/" + alice + "/messages"), "{\"content\":\"parcel note\",\"private\":true}");
        long other = world.admin.post(Http.account("/inboxes"), "{\"name\":\"Other\",\"channel\":{\"type\":\"api\"}}")
                .json().get("id").asLong();
        long olga = world.contact("{\"inbox_id\":" + other + ",\"name\":\"Olga Parcel\",\"phone_number\":\"+15550001234\"}")
                .get("id").asLong();
        hidden = world.admin.post(Http.account("/conversations"), "{\"inbox_id\":" + other + ",\"contact_id\":" + olga + "}")
                .json().get("id").asLong();
        world.incoming(hidden, "My parcel is broken");
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void conversationsSearchIsTheListsFinderWithTheMatchingMessagesOnly() {
        world.admin.post(Http.account("/conversations/" + hidden + "/toggle_status"), "{\"status\":\"resolved\"}");
        JsonNode found = world.admin.get(Http.account("/conversations/search?q=PARCEL")).json();
        assertThat(keys(found)).containsExactly("meta", "payload");
        assertThat(found.get("meta").toString()).isEqualTo("{\"mine_count\":0,\"unassigned_count\":2,\"all_count\":2}");
        assertThat(ids(found.get("payload"))).as("every status, latest activity first").containsExactly(hidden, alice);
        JsonNode first = found.at("/payload/1");
        assertThat(keys(first)).containsExactly("id", "uuid", "created_at", "contact", "inbox", "messages", "account_id");
        assertThat(first.get("contact").toString()).startsWith("{\"id\":").endsWith(",\"name\":\"Alice Smith\"}");
        assertThat(first.get("inbox").toString()).isEqualTo("{\"id\":1,\"name\":\"Bevatel API\",\"channel_type\":\"Channel::Api\"}");
        // The incoming and outgoing messages that match, a private note too (it is outgoing).
        assertThat(first.get("messages")).extracting(m -> m.get("content").asText())
                .containsExactly("Where is my parcel?", "Your parcel left today", "parcel note");
        assertThat(keys(first.at("/messages/0"))).containsExactly("content", "id", "sender_name", "message_type", "created_at");
        assertThat(first.at("/messages/0/sender_name").asText()).isEqualTo("Alice Smith");
        assertThat(first.at("/messages/1/sender_name").asText()).isEqualTo("Bevatel Admin");
        assertThat(first.at("/messages/1/message_type").asInt()).isEqualTo(1);

        assertThat(ids(world.sam.get(Http.account("/conversations/search?q=parcel")).json().get("payload")))
                .as("an agent: their inboxes only").containsExactly(alice);
        assertThat(world.admin.get(Http.account("/conversations/search?q=nowhere")).json().get("payload")).isEmpty();
    }

    @Test
    void withoutQTheStatusFilterHoldsAndEveryMessageIsListed() {
        world.admin.post(Http.account("/conversations/" + hidden + "/toggle_status"), "{\"status\":\"resolved\"}");
        JsonNode open = world.admin.get(Http.account("/conversations/search")).json();
        assertThat(ids(open.get("payload"))).containsExactly(alice);
        assertThat(open.at("/payload/0/messages")).hasSize(3);
        JsonNode resolved = world.admin.get(Http.account("/conversations/search?status=resolved")).json();
        assertThat(resolved.at("/payload/0/messages")).extracting(m -> m.get("content").asText())
                .containsExactly("My parcel is broken", "Conversation was marked resolved by Bevatel Admin");
        assertThat(keys(resolved.at("/payload/0/messages/1"))).as("an activity line has no sender")
                .containsExactly("content", "id", "message_type", "created_at");
    }

    @Test
    void theIndexAnswersConversationsContactsMessagesAndNoArticles() {
        long sam = world.sim.user("Sam Agent").id();
        world.admin.post(Http.account("/conversations/" + alice + "/assignments"), "{\"assignee_id\":" + sam + "}");
        JsonNode payload = world.admin.get(Http.account("/search?q=%20alice%20")).json().get("payload");
        assertThat(keys(payload)).containsExactly("conversations", "contacts", "messages", "articles");
        assertThat(payload.get("articles").toString()).isEqualTo("[]");
        JsonNode conversation = payload.at("/conversations/0");
        assertThat(keys(conversation)).containsExactly("id", "account_id", "created_at", "message", "contact", "inbox", "agent");
        assertThat(conversation.get("id").asLong()).isEqualTo(alice);
        assertThat(conversation.at("/message/content").asText()).as("its first message").isEqualTo("Where is my parcel?");
        assertThat(conversation.get("message")).isEqualTo(world.admin.get(Http.account("/conversations/" + alice + "/messages"))
                .json().at("/payload/0"));
        assertThat(keys(conversation.get("contact"))).containsExactly("email", "id", "name", "phone_number", "identifier",
                "additional_attributes", "last_activity_at");
        assertThat(keys(conversation.get("inbox"))).containsExactly("id", "channel_id", "name", "channel_type");
        assertThat(conversation.get("agent").toString()).isEqualTo("{\"id\":" + sam
                + ",\"available_name\":\"Sam Agent\",\"email\":\"sam@acme.test\",\"name\":\"Sam Agent\",\"role\":\"agent\"}");
        assertThat(ids(payload.get("contacts"))).hasSize(1);
        assertThat(payload.at("/contacts/0/last_activity_at").asLong()).isPositive();
        assertThat(payload.get("messages")).as("message contents, not names").isEmpty();

        // Unassigned and without messages: no agent, no message.
        long bare = world.admin.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":"
                + world.contact("{\"inbox_id\":1,\"name\":\"Bare Bones\"}").get("id").asLong() + "}").json().get("id").asLong();
        JsonNode bareResult = world.admin.get(Http.account("/search/conversations?q=bare")).json().at("/payload/conversations/0");
        assertThat(bareResult.get("id").asLong()).isEqualTo(bare);
        assertThat(keys(bareResult)).containsExactly("id", "account_id", "created_at", "contact", "inbox", "additional_attributes");
        assertThat(world.admin.get(Http.account("/search/articles?q=x")).body()).isEqualTo("{\"payload\":{\"articles\":[]}}");
    }

    @Test
    void conversationsMatchTheirDisplayIdAndContactNotTheirMessages() {
        JsonNode byPhone = world.admin.get(Http.account("/search/conversations?q=0001234")).json().at("/payload/conversations");
        assertThat(ids(byPhone)).containsExactly(hidden);
        assertThat(ids(world.admin.get(Http.account("/search/conversations?q=" + alice)).json().at("/payload/conversations")))
                .contains(alice);
        assertThat(ids(world.admin.get(Http.account("/search/conversations?q=broken")).json().at("/payload/conversations")))
                .isEmpty();
        assertThat(ids(world.admin.get(Http.account("/search/conversations")).json().at("/payload/conversations")))
                .as("no q: all, newest first").containsExactly(hidden, alice);
        assertThat(ids(world.sam.get(Http.account("/search/conversations?q=parcel")).json().at("/payload/conversations")))
                .as("an agent: their inboxes only").isEmpty();
    }

    @Test
    void contactsNeedAnEmailPhoneOrIdentifierAndComeByLastActivity() {
        world.contact("{\"name\":\"Nameonly Parcel\"}");
        long silent = world.contact("{\"name\":\"Silent Parcel\",\"identifier\":\"parcel-9\"}").get("id").asLong();
        JsonNode contacts = world.sam.get(Http.account("/search/contacts?q=parcel")).json();
        assertThat(keys(contacts.get("payload"))).containsExactly("contacts");
        assertThat(contacts.at("/payload/contacts")).extracting(c -> c.get("name").asText())
                .as("Olga active (her inbox is not Sam's: contacts are not filtered), Silent never active")
                .containsExactly("Olga Parcel", "Silent Parcel");
        assertThat(contacts.at("/payload/contacts/1/id").asLong()).isEqualTo(silent);
        assertThat(contacts.at("/payload/contacts/1/last_activity_at").isNull()).isTrue();
        assertThat(contacts.at("/payload/contacts/1").has("created_at")).isFalse();
    }

    @Test
    void messagesOfAnyKindFromTheLastThreeMonthsNewestFirst() {
        world.admin.post(Http.account("/conversations/" + alice + "/toggle_status"), "{\"status\":\"resolved\"}");
        JsonNode found = world.admin.get(Http.account("/search/messages?q=PARCEL")).json().at("/payload/messages");
        assertThat(found).extracting(m -> m.get("content").asText())
                .containsExactly("My parcel is broken", "parcel note", "Your parcel left today", "Where is my parcel?");
        assertThat(found.get(0)).isEqualTo(world.admin.get(Http.account("/conversations/" + hidden + "/messages"))
                .json().at("/payload/0"));
        assertThat(world.sam.get(Http.account("/search/messages?q=parcel")).json().at("/payload/messages")).hasSize(3);
        assertThat(world.admin.get(Http.account("/search/messages?q=marked%20resolved")).json().at("/payload/messages"))
                .as("activity lines too").hasSize(1);

        world.sim.clock().advance(Duration.ofDays(93));
        world.incoming(alice, "A new parcel");
        assertThat(world.admin.get(Http.account("/search/messages?q=parcel")).json().at("/payload/messages"))
                .extracting(m -> m.get("content").asText()).containsExactly("A new parcel");
    }

    @Test
    void eachTypeIsPagedByFifteen() {
        for (int i = 1; i <= 17; i++) {
            world.contact("{\"name\":\"Page Person " + i + "\",\"email\":\"page" + i + "@shop.test\"}");
            world.incoming(alice, "page message " + i);
        }
        assertThat(world.admin.get(Http.account("/search/contacts?q=page")).json().at("/payload/contacts")).hasSize(15);
        assertThat(world.admin.get(Http.account("/search/contacts?q=page&page=2")).json().at("/payload/contacts")).hasSize(2);
        JsonNode index = world.admin.get(Http.account("/search?q=page&page=2")).json().get("payload");
        assertThat(index.get("messages")).extracting(m -> m.get("content").asText())
                .containsExactly("page message 2", "page message 1");
        assertThat(index.get("contacts")).hasSize(2);
        assertThat(world.admin.get(Http.account("/search/messages?q=page&page=0")).json().at("/payload/messages")).hasSize(15);
        assertThat(world.admin.get(Http.account("/search/messages?page=abc")).status()).isEqualTo(422);
    }

    @Test
    void botsAreRefusedAndTheRouteIsNoLongerAConversationId() {
        for (String path : List.of("/conversations/search", "/search", "/search/conversations", "/search/contacts",
                "/search/messages", "/search/articles")) {
            assertThat(world.bot.get(Http.account(path)).body()).as(path).isEqualTo(RolesAndBotsTest.BOTS);
            assertThat(world.sam.get(Http.account(path)).status()).as(path).isEqualTo(200);
            assertThat(world.admin.withToken(null).get(Http.account(path)).status()).as(path).isEqualTo(401);
        }
    }
}
