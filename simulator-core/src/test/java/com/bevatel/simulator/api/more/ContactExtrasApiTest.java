package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rest of a contact's routes, as Chatwoot 4.16.2 answers them: {@code DELETE /contacts/{id}/avatar} and
 * {@code GET /contacts/active} (app/controllers/api/v1/accounts/contacts_controller.rb, app/policies/contact_policy.rb),
 * {@code GET /contacts/{id}/attachments} (app/controllers/api/v1/accounts/contacts/attachments_controller.rb,
 * app/views/api/v1/models/_attachment.json.jbuilder).
 */
@ExtendWith(WorldPerTest.class)
class ContactExtrasApiTest {
    private static final String NOT_FOUND = RolesAndBotsTest.NOT_FOUND;

    World world;
    JsonNode alice;
    long aliceId;

    @BeforeEach
    void start() {
        alice = world.contact("{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@x.test\"}");
        aliceId = alice.get("id").asLong();
        world.events.clear();
    }

    /** No avatar is kept, so there is none to purge: the contact as it is, without contact_inboxes, for any member. */
    @Test
    void deletingTheAvatarAnswersTheContactAsItIs() {
        String avatar = Http.account("/contacts/" + aliceId + "/avatar");
        String before = world.sim.exportState().get("contacts").toString();
        JsonNode shown = Http.ok(world.admin.get(Http.account("/contacts/" + aliceId + "?include_contact_inboxes=false")));
        assertThat(world.sam.delete(avatar).body()).isEqualTo(shown.toString());
        assertThat(world.admin.delete(avatar).json().at("/payload/thumbnail").asText()).isEmpty();
        assertThat(world.sim.exportState().get("contacts").toString()).isEqualTo(before);
        assertThat(world.events.list()).isEmpty();
        assertThat(world.admin.delete(Http.account("/contacts/999/avatar")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.bot.delete(avatar).body()).isEqualTo(RolesAndBotsTest.BOTS);
    }

    /** Chatwoot lists the contacts its presence tracker holds online; the simulator has no presence: nobody is. */
    @Test
    void nobodyIsActive() {
        assertThat(world.sam.get(Http.account("/contacts/active")).body())
                .isEqualTo("{\"meta\":{\"count\":0,\"current_page\":1},\"payload\":[]}");
        assertThat(world.admin.get(Http.account("/contacts/active?page=2&sort=-name")).body())
                .isEqualTo("{\"meta\":{\"count\":0,\"current_page\":\"2\"},\"payload\":[]}");
        assertThat(world.admin.get(Http.account("/contacts/active?sort=shoe_size")).status()).as("as the list's sort")
                .isEqualTo(422);
        assertThat(world.bot.get(Http.account("/contacts/active")).body()).isEqualTo(RolesAndBotsTest.BOTS);
    }

    private JsonNode upload(long conversation, String... names) {
        Multipart form = new Multipart().field("content", "files").field("message_type", "incoming");
        for (String name : names) {
            form.file("attachments[]", name, "text/plain", name.getBytes(StandardCharsets.UTF_8));
        }
        return Http.ok(form.post(world.sim.baseUrl(), Http.account("/conversations/" + conversation + "/messages"), World.ADMIN));
    }

    /**
     * The attachments of the contact's conversations' messages, newest first, with the attachment partial's keys in
     * order, the message's time and sender, and the conversation's display id; an agent sees those of their inboxes
     * (Conversations::PermissionFilterService), 100 a page, total_count over every page.
     */
    @Test
    void theAttachmentsOfTheContactsConversations() {
        long mine = Http.ok(world.admin.post(Http.account("/conversations"), "{\"source_id\":\""
                + alice.at("/contact_inboxes/0/source_id").asText() + "\"}")).get("id").asLong();
        long other = Http.ok(world.admin.post(Http.account("/inboxes"), "{\"name\":\"Other\",\"channel\":{\"type\":\"api\"}}"))
                .get("id").asLong();
        long elsewhere = Http.ok(world.admin.post(Http.account("/conversations"), "{\"inbox_id\":" + other
                + ",\"contact_id\":" + aliceId + "}")).get("id").asLong();
        JsonNode first = upload(mine, "a.txt", "b.txt");
        JsonNode second = upload(elsewhere, "c.txt");
        upload(world.conversation("Bob"), "bob.txt");

        String attachments = Http.account("/contacts/" + aliceId + "/attachments");
        JsonNode all = Http.ok(world.admin.get(attachments));
        assertThat(all.at("/meta/total_count").asInt()).isEqualTo(3);
        assertThat(all.get("payload")).extracting(a -> a.get("data_url").asText()).containsExactly(
                second.at("/attachments/0/data_url").asText(), first.at("/attachments/1/data_url").asText(),
                first.at("/attachments/0/data_url").asText());
        JsonNode newest = all.at("/payload/0");
        JsonNode push = second.at("/attachments/0");
        List<String> keys = new ArrayList<>();
        newest.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "message_id", "thumb_url", "data_url", "file_size", "file_type", "extension",
                "width", "height", "created_at", "sender", "conversation_id");
        for (String key : List.of("id", "message_id", "thumb_url", "data_url", "file_size", "file_type", "extension",
                "width", "height")) {
            assertThat(newest.get(key)).as(key).isEqualTo(push.get(key));
        }
        assertThat(newest.get("created_at").asLong()).isEqualTo(second.get("created_at").asLong());
        assertThat(newest.get("sender")).isEqualTo(second.get("sender"));
        assertThat(newest.get("conversation_id").asLong()).isEqualTo(elsewhere);

        JsonNode sams = Http.ok(world.sam.get(attachments));
        assertThat(sams.at("/meta/total_count").asInt()).as("the agent's inboxes only").isEqualTo(2);
        assertThat(sams.get("payload")).extracting(a -> a.get("conversation_id").asLong()).containsOnly(mine);
        assertThat(world.admin.get(Http.account("/contacts/999/attachments")).body()).isEqualTo(NOT_FOUND);
        assertThat(world.bot.get(attachments).body()).isEqualTo(RolesAndBotsTest.BOTS);
        long carol = world.contact("{\"name\":\"Carol\"}").get("id").asLong();
        assertThat(world.admin.get(Http.account("/contacts/" + carol + "/attachments")).body())
                .isEqualTo("{\"meta\":{\"total_count\":0},\"payload\":[]}");
    }

    @Test
    void aHundredAPage() {
        long conversation = Http.ok(world.admin.post(Http.account("/conversations"), "{\"source_id\":\""
                + alice.at("/contact_inboxes/0/source_id").asText() + "\"}")).get("id").asLong();
        for (int message = 0; message < 7; message++) {
            String[] names = new String[15];
            for (int i = 0; i < 15; i++) {
                names[i] = "f" + message + "-" + i + ".txt";
            }
            upload(conversation, names);
        }
        String attachments = Http.account("/contacts/" + aliceId + "/attachments");
        JsonNode page1 = Http.ok(world.admin.get(attachments));
        JsonNode page2 = Http.ok(world.admin.get(attachments + "?page=2"));
        assertThat(page1.get("payload")).hasSize(100);
        assertThat(page2.get("payload")).hasSize(5);
        assertThat(page2.at("/meta/total_count").asInt()).isEqualTo(105);
        assertThat(page2.at("/payload/4/data_url").asText()).endsWith("f0-0.txt");
        assertThat(Http.ok(world.admin.get(attachments + "?page=3")).get("payload")).isEmpty();
    }
}
