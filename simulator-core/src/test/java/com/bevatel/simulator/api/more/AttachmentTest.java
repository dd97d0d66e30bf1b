package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.event.DomainEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Multipart {@code attachments[]} (app/builders/messages/message_builder.rb): stored in memory, served back, file_type
 * from the MIME type (app/helpers/file_type_helper.rb).
 */
class AttachmentTest {
    World world;
    long conversation;
    String messages;

    @BeforeEach
    void start() {
        world = new World(World.builder().maxAttachmentStorageBytes(4096));
        conversation = world.conversation("Alice");
        messages = Http.account("/conversations/" + conversation + "/messages");
        world.events.clear();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void webhooksAndTheClientApiCarryTheAttachments() {
        world.close();
        world = new World(World.builder().apiInboxWebhookSink("hooks"));
        conversation = world.conversation("Alice");
        messages = Http.account("/conversations/" + conversation + "/messages");
        Http.Result r = new Multipart().field("content", "See photo").field("message_type", "incoming")
                .file("attachments[]", "photo.png", "image/png", png(2, 2))
                .post(world.sim.baseUrl(), messages, World.ADMIN);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode rest = r.json().get("attachments");
        // app/models/message.rb#webhook_data appends the attachments after source_id.
        var delivery = world.sim.webhooks().await(1, d -> d.event().equals("message_created")
                && d.payload().path("content").asText().equals("See photo"), java.time.Duration.ofSeconds(5)).get(0);
        List<String> keys = new java.util.ArrayList<>();
        delivery.payload().fieldNames().forEachRemaining(keys::add);
        assertThat(keys.subList(keys.indexOf("source_id"), keys.size())).containsExactly("source_id", "attachments", "event");
        assertThat(delivery.payload().get("attachments").toString()).isEqualTo(rest.toString());
        // app/views/public/api/v1/models/_message.json.jbuilder lists them before the sender.
        String source = SimulatorAccess.store(world.sim).read(state -> state.contactInboxes.all().iterator().next().sourceId());
        String identifier = world.sim.apiInbox().identifier();
        JsonNode publicMessages = new Http(world.sim.baseUrl(), null).get("/public/api/v1/inboxes/" + identifier
                + "/contacts/" + source + "/conversations/" + conversation + "/messages").json();
        JsonNode withPhoto = publicMessages.get(publicMessages.size() - 1);
        List<String> publicKeys = new java.util.ArrayList<>();
        withPhoto.fieldNames().forEachRemaining(publicKeys::add);
        assertThat(publicKeys).endsWith("attachments", "sender");
        assertThat(withPhoto.get("attachments").toString()).isEqualTo(rest.toString());
    }

    @Test
    void filesAreStoredTypedAndServedBack() {
        byte[] image = png(3, 2);
        byte[] pdf = "%PDF-1.4 simulated".getBytes(StandardCharsets.US_ASCII);
        Http.Result r = new Multipart()
                .field("content", "Here you go")
                .field("message_type", "incoming")
                .field("content_attributes[source]", "app")
                .file("attachments[]", "photo.png", "image/png", image)
                .file("attachments[]", "invoice.pdf", "application/pdf", pdf)
                .file("attachments[]", "voice.ogg", "audio/ogg", new byte[] {1, 2, 3})
                .file("attachments[]", "clip.mp4", "video/mp4", new byte[] {4})
                .post(world.sim.baseUrl(), messages, World.ADMIN);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode message = r.json();
        assertThat(message.get("content").asText()).isEqualTo("Here you go");
        assertThat(message.get("message_type").asInt()).isZero();
        assertThat(message.get("content_attributes").toString()).isEqualTo("{\"source\":\"app\"}");
        JsonNode attachments = message.get("attachments");
        assertThat(attachments).extracting(a -> a.get("file_type").asText()).containsExactly("image", "file", "audio", "video");
        JsonNode photo = attachments.get(0);
        String base = world.sim.baseUrl().toString();
        assertThat(photo.toString()).matches("\\{\"id\":1,\"message_id\":" + message.get("id").asLong()
                + ",\"file_type\":\"image\",\"account_id\":1,\"extension\":\"png\","
                + "\"data_url\":\"" + base + "/rails/active_storage/blobs/redirect/[1-9A-HJ-NP-Za-km-z]{24}/photo.png\","
                + "\"thumb_url\":\"" + base + "/rails/active_storage/representations/redirect/[1-9A-HJ-NP-Za-km-z]{24}/thumb/photo.png\","
                + "\"file_size\":" + image.length + ",\"width\":3,\"height\":2}");
        assertThat(attachments.get(1).get("thumb_url").asText()).isEmpty();
        assertThat(attachments.get(1).get("width").isNull()).isTrue();
        assertThat(attachments.get(2).get("transcribed_text").asText()).isEmpty();
        assertThat(attachments.get(1).has("transcribed_text")).isFalse();
        assertThat(message.fieldNames()).toIterable().containsSubsequence("source_id", "sender", "attachments");

        HttpResponse<byte[]> download = Multipart.download(photo.get("data_url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(download.body()).isEqualTo(image);
        assertThat(Multipart.download(photo.get("thumb_url").asText()).body()).isEqualTo(image);
        assertThat(Multipart.download(attachments.get(1).get("data_url").asText()).body()).isEqualTo(pdf);

        assertThat(world.show(conversation).at("/messages/0/attachments/1/file_type").asText()).isEqualTo("file");
        assertThat(world.admin.get(messages).json().at("/payload/0/attachments")).hasSize(4);
        assertThat(world.delivered()).startsWith("message_created");
        assertThat(world.events.of(DomainEvent.MessageCreated.class)).hasSize(1);
    }

    @Test
    void anAttachmentOnlyMessageAndDeletion() {
        Http.Result r = new Multipart().file("attachments[]", "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))
                .post(world.sim.baseUrl(), messages, World.ADMIN);
        assertThat(r.json().get("content").isNull()).isTrue();
        assertThat(r.json().get("message_type").asInt()).isEqualTo(1);
        String url = r.json().at("/attachments/0/data_url").asText();
        assertThat(Multipart.download(url).statusCode()).isEqualTo(200);

        Http.Result deleted = world.admin.delete(messages + "/" + r.json().get("id").asLong());
        assertThat(deleted.json().has("attachments")).isFalse();
        HttpResponse<byte[]> gone = Multipart.download(url);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(new String(gone.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":404,\"error\":\"Not Found\"}");
    }

    @Test
    void sixteenFilesAreRefusedAndNothingIsWritten() {
        Multipart many = new Multipart().field("content", "too many");
        for (int i = 0; i < 16; i++) {
            many.file("attachments[]", "f" + i + ".bin", "application/octet-stream", new byte[] {(byte) i});
        }
        Http.Result r = many.post(world.sim.baseUrl(), messages, World.ADMIN);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("error").asText()).startsWith("Validation failed: Attachments exceeded maximum allowed");
        assertThat(world.contents(conversation)).isEmpty();
        assertThat(world.events.list()).isEmpty();
    }

    @Test
    void theStorageBoundRefusesWithA422() {
        Http.Result r = new Multipart().file("attachments[]", "big.bin", "application/octet-stream", new byte[5000])
                .post(world.sim.baseUrl(), messages, World.ADMIN);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("error").asText()).contains("attachment storage of 4096 bytes");
        assertThat(world.contents(conversation)).isEmpty();
        assertThat(world.events.list()).isEmpty();
    }

    @Test
    void unknownBlobsAnd404s() {
        assertThat(Multipart.download(world.sim.baseUrl() + "/rails/active_storage/blobs/redirect/nope/x.png").statusCode())
                .isEqualTo(404);
    }
}
