package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /contacts/{id}/notes} over HTTP, as Chatwoot 4.16.2 answers them:
 * app/controllers/api/v1/accounts/contacts/notes_controller.rb (and its spec), app/models/note.rb,
 * app/views/api/v1/models/_note.json.jbuilder with the agent partial. The world: administrator "admin-token",
 * agents Sam and Kim (members of the API inbox), bot "Helper Bot".
 */
@ExtendWith(WorldPerTest.class)
class ContactNoteApiTest {
    private static final String BOTS = RolesAndBotsTest.BOTS;
    private static final String NOT_FOUND = RolesAndBotsTest.NOT_FOUND;
    private static final String SIGN_IN = "{\"errors\":[\"You need to sign in or sign up before continuing.\"]}";
    private static final String SAM = "{\"id\":2,\"account_id\":1,\"availability_status\":\"offline\",\"auto_offline\":true,"
            + "\"confirmed\":true,\"email\":\"sam@acme.test\",\"provider\":\"email\",\"available_name\":\"Sam Agent\","
            + "\"name\":\"Sam Agent\",\"role\":\"agent\",\"thumbnail\":\"\"}";
    private static final String KIM = SAM.replace("\"id\":2", "\"id\":3").replace("sam@", "kim@").replace("Sam ", "Kim ");

    World world;
    long alice;
    String notes;

    @BeforeEach
    void start() {
        alice = world.contact("{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@x.test\"}").get("id").asLong();
        notes = Http.account("/contacts/" + alice + "/notes");
        world.events.clear();
    }

    private JsonNode create(Http as, String content) {
        return Http.ok(as.post(notes, "{\"content\":\"" + content + "\"}"));
    }

    /** The partial's keys in order; account_id and contact_id null (json.account_id json.account_id); 200, not 201. */
    @Test
    void aNoteIsShownWithItsAuthorInChatwootsKeyOrder() {
        Http.Result created = world.sam.post(notes, "{\"content\":\"Called her about the invoice\"}");
        assertThat(created.status()).isEqualTo(200);
        long at = created.json().get("created_at").asLong();
        String expected = "{\"id\":1,\"content\":\"Called her about the invoice\",\"account_id\":null,\"contact_id\":null,"
                + "\"user\":" + SAM + ",\"created_at\":" + at + ",\"updated_at\":" + at + "}";
        assertThat(created.body()).isEqualTo(expected);
        assertThat(world.kim.get(notes + "/1").body()).isEqualTo(expected);
        assertThat(world.admin.get(notes).body()).isEqualTo("[" + expected + "]");
        assertThat(world.events.list()).as("notes send no events").isEmpty();
    }

    /** Note.latest: newest first, no paging; the body may be wrapped ({"note":{…}}) or not (Rails' wrap_parameters). */
    @Test
    void theListIsNewestFirstAndBothBodyFormsCreate() {
        create(world.admin, "first");
        Http.ok(world.sam.post(notes, "{\"note\":{\"content\":\"second\"}}"));
        create(world.kim, "third");
        assertThat(Http.ok(world.admin.get(notes))).extracting(n -> n.get("content").asText())
                .containsExactly("third", "second", "first");
        long bob = world.contact("{\"name\":\"Bob\"}").get("id").asLong();
        assertThat(world.admin.get(Http.account("/contacts/" + bob + "/notes")).body()).isEqualTo("[]");
    }

    /** Whoever saves a note becomes its author (note_params merges user_id on update too); anyone may edit and delete. */
    @Test
    void anyMemberEditsAndTheEditorBecomesTheAuthor() {
        JsonNode note = create(world.sam, "draft");
        long created = note.get("created_at").asLong();
        JsonNode edited = Http.ok(world.kim.patch(notes + "/1", "{\"content\":\"final\"}"));
        assertThat(edited.get("content").asText()).isEqualTo("final");
        assertThat(edited.get("user").toString()).isEqualTo(KIM);
        assertThat(edited.get("created_at").asLong()).isEqualTo(created);
        assertThat(edited.get("updated_at").asLong()).isGreaterThan(created);
        JsonNode put = Http.ok(world.admin.put(notes + "/1", "{\"note\":{\"content\":\"put\"}}"));
        assertThat(put.at("/user/role").asText()).isEqualTo("administrator");
        assertThat(Http.ok(world.sam.get(notes + "/1")).get("content").asText()).isEqualTo("put");

        // Nothing changed: nothing is saved, updated_at stays.
        long updated = put.get("updated_at").asLong();
        assertThat(Http.ok(world.admin.patch(notes + "/1", "{\"content\":\"put\"}")).get("updated_at").asLong()).isEqualTo(updated);
        // Parameters without content re-attribute the note only.
        JsonNode reattributed = Http.ok(world.sam.patch(notes + "/1", "{\"note\":{\"user_id\":3}}"));
        assertThat(reattributed.get("content").asText()).isEqualTo("put");
        assertThat(reattributed.at("/user/id").asLong()).isEqualTo(2);

        assertThat(world.kim.delete(notes + "/1").body()).isEmpty();
        assertThat(world.admin.get(notes + "/1").body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.get(notes).body()).isEqualTo("[]");
        assertThat(world.events.list()).isEmpty();
    }

    /**
     * update is not update!: an invalid content is not saved, and the answer still shows it (200) with the
     * editor as author; create! refuses it with the model's 422.
     */
    @Test
    void invalidContent() {
        String tooLong = "x".repeat(20_001);
        assertThat(world.admin.post(notes, "{\"content\":\"\"}").body())
                .isEqualTo("{\"message\":\"Content can't be blank\",\"attributes\":[\"content\"]}");
        assertThat(world.admin.post(notes, "{\"content\":\" \\n\\u00a0\\u3000\"}").status()).as("Unicode blank").isEqualTo(422);
        assertThat(world.admin.post(notes, "{\"content\":null}").status()).isEqualTo(422);
        assertThat(world.admin.post(notes, "{\"content\":{\"a\":1}}").body()).as("not permitted: no content")
                .isEqualTo("{\"message\":\"Content can't be blank\",\"attributes\":[\"content\"]}");
        assertThat(world.admin.post(notes, "{\"content\":\"" + tooLong + "\"}").body())
                .isEqualTo("{\"message\":\"Content is too long (maximum is 20000 characters)\",\"attributes\":[\"content\"]}");
        String astral = "\uD83D\uDE00".repeat(20_000);
        assertThat(world.admin.post(notes, "{\"content\":\"" + astral + "\"}").status()).as("20000 characters").isEqualTo(200);
        assertThat(Http.ok(world.admin.post(notes, "{\"content\":true}")).get("content").asText()).as("Rails' cast").isEqualTo("t");
        assertThat(Http.ok(world.admin.post(notes, "{\"content\":42}")).get("content").asText()).isEqualTo("42");

        long id = create(world.sam, "kept").get("id").asLong();
        String one = notes + "/" + id;
        JsonNode blank = Http.ok(world.kim.patch(one, "{\"content\":\"\"}"));
        assertThat(blank.get("content").asText()).isEmpty();
        assertThat(blank.get("user").toString()).isEqualTo(KIM);
        assertThat(Http.ok(world.kim.patch(one, "{\"content\":null}")).get("content").isNull()).isTrue();
        assertThat(Http.ok(world.kim.patch(one, "{\"content\":\"" + tooLong + "\"}")).get("content").asText()).hasSize(20_001);
        JsonNode stored = Http.ok(world.admin.get(one));
        assertThat(stored.get("content").asText()).isEqualTo("kept");
        assertThat(stored.get("user").toString()).as("nothing saved").isEqualTo(SAM);
    }

    /** params.require(:note): no note parameters at all is Rails' 422 — after the contact and the note are found. */
    @Test
    void missingParametersAndLookupsInChatwootsOrder() {
        String missing = "{\"error\":\"param is missing or the value is empty: note\"}";
        assertThat(world.admin.post(notes, "{}").body()).isEqualTo(missing);
        assertThat(world.admin.post(notes, null).body()).isEqualTo(missing);
        assertThat(world.admin.post(notes, "{\"note\":{}}").body()).isEqualTo(missing);
        assertThat(world.admin.post(notes, "{\"other\":\"x\"}").body()).isEqualTo(missing);
        create(world.admin, "one");
        assertThat(world.admin.patch(notes + "/1", "{}").body()).isEqualTo(missing);

        assertThat(world.admin.post(Http.account("/contacts/999/notes"), "{}").body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.patch(notes + "/999", "{}").body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.get(Http.account("/contacts/abc/notes")).body()).isEqualTo(NOT_FOUND);
        long bob = world.contact("{\"name\":\"Bob\"}").get("id").asLong();
        String bobsView = Http.account("/contacts/" + bob + "/notes/1");
        for (String method : List.of("GET", "PATCH", "PUT", "DELETE")) {
            assertThat(world.admin.send(method, bobsView, "{\"content\":\"x\"}", "application/json").body())
                    .as("another contact's note: " + method).isEqualTo(NOT_FOUND);
        }
        assertThat(Http.ok(world.admin.get(notes + "/1")).get("content").asText()).isEqualTo("one");
    }

    /** Bots are refused every note route (not in BOT_ACCESSIBLE_ENDPOINTS); without a token, devise's 401. */
    @Test
    void botsAndCallersWithoutATokenAreRefused() {
        create(world.admin, "one");
        for (String[] call : List.of(new String[] {"GET", notes}, new String[] {"POST", notes},
                new String[] {"GET", notes + "/1"}, new String[] {"PATCH", notes + "/1"}, new String[] {"PUT", notes + "/1"},
                new String[] {"DELETE", notes + "/1"})) {
            assertThat(world.bot.send(call[0], call[1], "{\"content\":\"x\"}", "application/json").body())
                    .as("bot: " + call[0] + " " + call[1]).isEqualTo(BOTS);
            assertThat(world.admin.withToken(null).send(call[0], call[1], "{\"content\":\"x\"}", "application/json").body())
                    .as("nobody: " + call[0] + " " + call[1]).isEqualTo(SIGN_IN);
        }
        assertThat(Http.ok(world.admin.get(notes))).hasSize(1);
    }

    /** Contact has_many :notes, dependent: :destroy_async: the notes go with the contact. */
    @Test
    void deletingTheContactDeletesItsNotes() {
        create(world.admin, "one");
        create(world.sam, "two");
        assertThat(world.sim.exportState().get("notes")).hasSize(2);
        assertThat(world.admin.delete(Http.account("/contacts/" + alice)).status()).isEqualTo(200);
        assertThat(world.sim.exportState().get("notes")).isEmpty();
    }
}
