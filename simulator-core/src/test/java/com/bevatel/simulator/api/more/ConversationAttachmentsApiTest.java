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
 * {@code GET /conversations/{id}/attachments} (conversations_controller.rb#attachments,
 * app/views/api/v1/models/_attachment.json.jbuilder): every attachment of the conversation's messages,
 * newest first, 100 a page, with the total.
 */
@ExtendWith(WorldPerTest.class)
class ConversationAttachmentsApiTest {
    World world;
    long conversation;
    String base;

    @BeforeEach
    void start() {
        conversation = world.conversation("Alice");
        base = Http.account("/conversations/" + conversation);
    }

    private JsonNode send(String token, String type, Multipart files) {
        Http.Result r = files.field("content", "files").field("message_type", type).post(world.sim.baseUrl(), base + "/messages", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void thePartialsKeysSenderAndOrder() {
        assertThat(world.admin.get(base + "/attachments").body()).isEqualTo("{\"meta\":{\"total_count\":0},\"payload\":[]}");
        JsonNode incoming = send(World.ADMIN, "incoming", new Multipart()
                .file("attachments[]", "photo.png", "image/png", AttachmentTest.png(3, 2)));
        JsonNode reply = send(World.SAM, "outgoing", new Multipart()
                .file("attachments[]", "a.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                .file("attachments[]", "b.txt", "text/plain", "b".getBytes(StandardCharsets.US_ASCII)));

        JsonNode body = world.sam.get(base + "/attachments").json();
        assertThat(body.at("/meta/total_count").asInt()).isEqualTo(3);
        JsonNode payload = body.get("payload");
        assertThat(payload).extracting(a -> a.get("id").asLong()).containsExactly(
                reply.at("/attachments/1/id").asLong(), reply.at("/attachments/0/id").asLong(), incoming.at("/attachments/0/id").asLong());
        List<String> keys = new ArrayList<>();
        payload.get(2).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "message_id", "thumb_url", "data_url", "file_size", "file_type", "extension",
                "width", "height", "created_at", "sender");
        JsonNode photo = payload.get(2);
        JsonNode pushed = incoming.at("/attachments/0");
        for (String key : List.of("id", "message_id", "thumb_url", "data_url", "file_size", "file_type", "extension", "width", "height")) {
            assertThat(photo.get(key)).as(key).isEqualTo(pushed.get(key));
        }
        assertThat(photo.get("created_at").asLong()).isEqualTo(incoming.get("created_at").asLong());
        assertThat(photo.get("sender")).isEqualTo(incoming.get("sender"));
        assertThat(photo.at("/sender/type").asText()).isEqualTo("contact");
        assertThat(payload.get(0).at("/sender/name").asText()).isEqualTo("Sam Agent");
        assertThat(payload.get(0).get("thumb_url").asText()).isEmpty();
        assertThat(payload.get(0).get("width").isNull()).isTrue();

        // A deleted message takes its attachments with it.
        world.admin.delete(base + "/messages/" + reply.get("id").asLong());
        assertThat(world.admin.get(base + "/attachments").json().at("/meta/total_count").asInt()).isEqualTo(1);
    }

    @Test
    void pagesOfAHundredWithTheTotal() {
        for (int m = 0; m < 7; m++) {
            Multipart files = new Multipart();
            for (int f = 0; f < 15; f++) {
                files.file("attachments[]", "f" + m + "-" + f + ".txt", "text/plain", new byte[] {(byte) f});
            }
            send(World.ADMIN, "incoming", files);
        }
        JsonNode first = world.admin.get(base + "/attachments").json();
        JsonNode second = world.admin.get(base + "/attachments?page=2").json();
        assertThat(first.at("/meta/total_count").asInt()).isEqualTo(105);
        assertThat(second.at("/meta/total_count").asInt()).isEqualTo(105);
        assertThat(first.get("payload")).hasSize(100);
        assertThat(second.get("payload")).hasSize(5);
        assertThat(second.at("/payload/4/id").asLong()).isEqualTo(1);
        assertThat(world.admin.get(base + "/attachments?page=0").json().get("payload")).hasSize(100);
        assertThat(world.admin.get(base + "/attachments?page=3").json().get("payload")).isEmpty();
    }

    @Test
    void onlyWhoMaySeeTheConversation() {
        long hidden = world.conversationInUnstaffedInbox();
        assertThat(world.sam.get(Http.account("/conversations/" + hidden + "/attachments")).body())
                .isEqualTo(RolesAndBotsTest.NOT_AUTHORIZED);
        assertThat(world.bot.get(base + "/attachments").body()).isEqualTo(RolesAndBotsTest.BOTS);
        assertThat(world.admin.get(Http.account("/conversations/999/attachments")).body()).isEqualTo(RolesAndBotsTest.NOT_FOUND);
    }
}
