package com.bevatel.simulator.api.more;

import static com.bevatel.simulator.api.more.RolesAndBotsTest.BOTS;
import static com.bevatel.simulator.api.more.RolesAndBotsTest.NOT_AUTHORIZED;
import static com.bevatel.simulator.api.more.RolesAndBotsTest.NOT_FOUND;
import static com.bevatel.simulator.api.more.RolesAndBotsTest.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /labels} over HTTP, as Chatwoot 4.16.2 answers them: app/controllers/api/v1/accounts/labels_controller.rb
 * (and its spec), app/policies/label_policy.rb, app/models/label.rb (spec/models/label_spec.rb), the views under
 * app/views/api/v1/accounts/labels/, and what a rename or a deletion does to tagged records
 * (app/services/labels/update_service.rb, destroy_service.rb). The world: administrator, agents Sam and Kim, bot.
 */
@ExtendWith(WorldPerTest.class)
class LabelApiTest {

    World world;

    private JsonNode label(String json) {
        return Http.ok(world.admin.post(Http.account("/labels"), json));
    }

    /**
     * Members list; only administrators read one, create, change or delete. The label is found before the
     * policy: an agent naming an unknown label gets 404, a known one 401. Bots and nobody: refused.
     */
    @Test
    void eachRouteAsAdministratorAgentBotAndNobody() {
        label("{\"title\":\"vip\"}");
        for (String id : List.of("1", "999")) {
            String one = Http.account("/labels/" + id);
            for (Call call : List.of(new Call("GET", Http.account("/labels"), null),
                    new Call("POST", Http.account("/labels"), "{\"title\":\"new\"}"), new Call("GET", one, null),
                    new Call("PATCH", one, "{\"title\":\"gold\"}"), new Call("PUT", one, "{\"color\":\"#000000\"}"),
                    new Call("DELETE", one, null))) {
                Http.Result agent = call.by(world.sam);
                if (call.path().endsWith("/labels")) {
                    assertThat(agent.body()).as("agent: " + call).isEqualTo(call.read()
                            ? "{\"payload\":[" + vip() + "]}" : NOT_AUTHORIZED);
                } else {
                    assertThat(agent.body()).as("agent: " + call).isEqualTo(id.equals("1") ? NOT_AUTHORIZED : NOT_FOUND);
                }
                assertThat(call.by(world.bot).body()).as("bot: " + call).isEqualTo(BOTS);
                assertThat(call.by(world.admin.withToken(null)).body()).as("nobody: " + call).isEqualTo(SIGN_IN);
                if (id.equals("999") && !call.path().endsWith("/labels")) {
                    assertThat(call.by(world.admin).body()).isEqualTo(NOT_FOUND);
                }
            }
        }
        assertThat(world.admin.get(Http.account("/labels/1")).body()).isEqualTo(vip());
    }

    private static String vip() {
        return "{\"id\":1,\"title\":\"vip\",\"description\":null,\"color\":\"#1f93ff\",\"show_on_sidebar\":null}";
    }

    /** The views' keys in order; index under payload, by title. */
    @Test
    void labelsAreShownWithChatwootsKeysInOrderAndListedByTitle() {
        JsonNode created = label("{\"label\":{\"title\":\"Urgent\",\"description\":\"Now\",\"color\":\"#ff0000\","
                + "\"show_on_sidebar\":true}}");
        assertThat(created.toString()).isEqualTo("{\"id\":1,\"title\":\"urgent\",\"description\":\"Now\",\"color\":\"#ff0000\","
                + "\"show_on_sidebar\":true}");
        label("{\"title\":\"billing\"}");
        Http.Result form = world.admin.send("POST", Http.account("/labels"), "label%5Btitle%5D=test", "application/x-www-form-urlencoded");
        assertThat(Http.ok(form).get("title").asText()).as("the spec's form post").isEqualTo("test");
        assertThat(world.admin.get(Http.account("/labels/1")).body()).isEqualTo(created.toString());
        assertThat(world.kim.get(Http.account("/labels")).json().get("payload")).extracting(l -> l.get("title").asText())
                .containsExactly("billing", "test", "urgent");
    }

    /**
     * The title is lower-cased (not stripped), must start with a letter or digit, hold letters, digits,
     * _ and - only, be two characters at least and unique in the account (spec/models/label_spec.rb).
     */
    @Test
    void theTitleIsLowerCasedAndValidated() {
        assertThat(label("{\"title\":\"Hello_World\"}").get("title").asText()).isEqualTo("hello_world");
        assertThat(label("{\"title\":\"学中文_12\"}").get("title").asText()).isEqualTo("学中文_12");
        for (String invalid : List.of("_12", "jell;;2_12", "heeloo _12", "hello_world\\n", "a", " vip")) {
            assertThat(world.admin.post(Http.account("/labels"), "{\"title\":\"" + invalid + "\"}").body()).as(invalid)
                    .isEqualTo("{\"message\":\"Title is invalid\",\"attributes\":[\"title\"]}");
        }
        assertThat(world.admin.post(Http.account("/labels"), "{\"title\":\"HELLO_world\"}").body())
                .isEqualTo("{\"message\":\"Title has already been taken\",\"attributes\":[\"title\"]}");
        for (String blank : List.of("{\"title\":\"\"}", "{\"title\":null}", "{\"description\":\"no title\"}")) {
            assertThat(world.admin.post(Http.account("/labels"), blank).body()).as(blank)
                    .isEqualTo("{\"message\":\"Title must not be blank, Title is invalid\",\"attributes\":[\"title\"]}");
        }
        assertThat(world.admin.post(Http.account("/labels"), "{\"title\":\"" + "a".repeat(256) + "\"}").body())
                .isEqualTo("{\"message\":\"Title is too long (maximum is 255 characters)\",\"attributes\":[\"title\"]}");
        assertThat(world.admin.post(Http.account("/labels"), "{\"title\":\"nulled\",\"color\":null}").body())
                .as("Chatwoot: NOT NULL violation, 500").isEqualTo("{\"message\":\"Color can't be blank\",\"attributes\":[\"color\"]}");
        assertThat(world.admin.post(Http.account("/labels"), "{}").body())
                .isEqualTo("{\"error\":\"param is missing or the value is empty: label\"}");
        assertThat(world.admin.get(Http.account("/labels")).json().get("payload")).hasSize(2);
    }

    /** Tagging needs no defined label (Chatwoot's LabelConcern tags with any string). */
    @Test
    void taggingNeedsNoDefinedLabel() {
        long conversation = world.conversation("Alice");
        assertThat(Http.ok(world.admin.post(Http.account("/conversations/" + conversation + "/labels"),
                "{\"labels\":[\"undefined-one\"]}")).toString()).isEqualTo("{\"payload\":[\"undefined-one\"]}");
        assertThat(world.admin.get(Http.account("/labels")).body()).isEqualTo("{\"payload\":[]}");
    }

    /** A conversation and its contact, tagged; the label "vip" (id 1) defined. */
    private record Tagged(long conversation, long contact, String labels, String contactLabels) {
    }

    private Tagged tagged(String conversationLabels, String contactLabels) {
        label("{\"title\":\"vip\"}");
        long conversation = world.conversation("Alice");
        long contact = world.show(conversation).at("/meta/sender/id").asLong();
        Tagged tagged = new Tagged(conversation, contact, Http.account("/conversations/" + conversation + "/labels"),
                Http.account("/contacts/" + contact + "/labels"));
        Http.ok(world.admin.post(tagged.labels(), "{\"labels\":" + conversationLabels + "}"));
        Http.ok(world.admin.post(tagged.contactLabels(), "{\"labels\":" + contactLabels + "}"));
        return tagged;
    }

    /**
     * A rename moves the tag on the account's conversations and contacts (to the end of their lists):
     * Labels::UpdateService changes the tag list in place, so Rails records no label_list change — a
     * conversation's updated_at moves with its cached list, a contact's does not, and nothing is sent.
     */
    @Test
    void aRenameRetagsConversationsAndContactsWithoutEvents() {
        Tagged tagged = tagged("[\"vip\",\"billing\"]", "[\"vip\",\"beta\"]");
        long conversation = tagged.conversation();
        String labels = tagged.labels();
        String contactLabels = tagged.contactLabels();
        long contact = tagged.contact();
        JsonNode before = world.show(conversation);
        String contactBefore = world.admin.get(Http.account("/contacts/" + contact)).body();
        int lines = world.contents(conversation).size();
        world.events.clear();

        assertThat(Http.ok(world.admin.patch(Http.account("/labels/1"), "{\"title\":\"Gold\"}")).get("title").asText())
                .isEqualTo("gold");

        assertThat(Http.ok(world.admin.get(labels)).toString()).isEqualTo("{\"payload\":[\"billing\",\"gold\"]}");
        assertThat(world.show(conversation).get("updated_at")).isNotEqualTo(before.get("updated_at"));
        assertThat(Http.ok(world.admin.get(contactLabels)).toString()).isEqualTo("{\"payload\":[\"beta\",\"gold\"]}");
        assertThat(world.admin.get(Http.account("/contacts/" + contact)).body()).isEqualTo(contactBefore);
        assertThat(world.events.names()).isEmpty();
        assertThat(world.contents(conversation)).hasSize(lines);

        Http.ok(world.admin.patch(Http.account("/labels/1"), "{\"description\":\"Top customers\"}"));
        assertThat(Http.ok(world.admin.get(labels)).toString()).as("no rename, no retag")
                .isEqualTo("{\"payload\":[\"billing\",\"gold\"]}");
    }

    /**
     * destroy answers 200 without a body; Labels::DestroyService then removes the tag of exactly that title
     * from the account's conversations (update_column: updated_at unchanged) and contacts, without events.
     */
    @Test
    void aDeletionUntagsSilently() {
        Tagged tagged = tagged("[\"vip\",\"billing\",\"VIP2\"]", "[\"vip\"]");
        long conversation = tagged.conversation();
        String labels = tagged.labels();
        String contactLabels = tagged.contactLabels();
        JsonNode before = world.show(conversation);
        world.events.clear();

        Http.Result deleted = world.admin.delete(Http.account("/labels/1"));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();

        assertThat(Http.ok(world.admin.get(labels)).toString()).isEqualTo("{\"payload\":[\"billing\",\"VIP2\"]}");
        assertThat(world.show(conversation).get("updated_at")).isEqualTo(before.get("updated_at"));
        assertThat(Http.ok(world.admin.get(contactLabels)).toString()).isEqualTo("{\"payload\":[]}");
        assertThat(world.events.names()).isEmpty();
        assertThat(world.admin.get(Http.account("/labels/1")).body()).isEqualTo(NOT_FOUND);
    }
}
