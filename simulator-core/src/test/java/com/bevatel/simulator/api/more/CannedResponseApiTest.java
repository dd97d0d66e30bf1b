package com.bevatel.simulator.api.more;

import static com.bevatel.simulator.api.more.RolesAndBotsTest.BOTS;
import static com.bevatel.simulator.api.more.RolesAndBotsTest.NOT_FOUND;
import static com.bevatel.simulator.api.more.RolesAndBotsTest.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /canned_responses} over HTTP, as Chatwoot 4.16.2 answers them: app/controllers/api/v1/accounts/
 * canned_responses_controller.rb (and its spec), app/models/canned_response.rb. No policy: agents do
 * everything administrators do. The world: administrator, agents Sam and Kim, bot "Helper Bot".
 */
@ExtendWith(WorldPerTest.class)
class CannedResponseApiTest {
    private static final String ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    World world;

    private JsonNode create(Http as, String shortCode, String content) {
        return Http.ok(as.post(Http.account("/canned_responses"), "{\"short_code\":\"" + shortCode + "\",\"content\":\""
                + content + "\"}"));
    }

    private List<String> search(String term) {
        JsonNode found = Http.ok(world.sam.get(Http.account("/canned_responses?search="
                + URLEncoder.encode(term, StandardCharsets.UTF_8))));
        return found.findValuesAsText("short_code");
    }

    /** Every member (an agent too) lists, creates, changes and deletes; bots and nobody are refused. */
    @Test
    void agentsDoEverythingBotsAndNobodyNothing() {
        JsonNode created = create(world.kim, "name-short-code", "Hey {{ contact.name }}, Thanks for reaching out");
        assertThat(created.toString()).matches("\\{\"id\":1,\"account_id\":1,\"short_code\":\"name-short-code\","
                + "\"content\":\"Hey \\{\\{ contact.name }}, Thanks for reaching out\",\"created_at\":\"" + ISO
                + "\",\"updated_at\":\"" + ISO + "\"}");
        assertThat(world.sam.get(Http.account("/canned_responses")).body()).isEqualTo("[" + created + "]");

        String one = Http.account("/canned_responses/1");
        for (Call call : List.of(new Call("GET", Http.account("/canned_responses"), null),
                new Call("POST", Http.account("/canned_responses"), "{\"short_code\":\"x\",\"content\":\"y\"}"),
                new Call("PATCH", one, "{\"short_code\":\"B\"}"), new Call("DELETE", one, null))) {
            assertThat(call.by(world.bot).body()).as("bot: " + call).isEqualTo(BOTS);
            assertThat(call.by(world.admin.withToken(null)).body()).as("nobody: " + call).isEqualTo(SIGN_IN);
        }

        JsonNode updated = Http.ok(world.sam.put(one, "{\"short_code\":\"B\"}"));
        assertThat(updated.get("short_code").asText()).isEqualTo("B");
        assertThat(updated.get("content").asText()).isEqualTo(created.get("content").asText());
        assertThat(Http.ok(world.sam.patch(one, "{\"canned_response\":{\"content\":\"Bye\"}}")).get("content").asText())
                .isEqualTo("Bye");
        Http.Result deleted = world.kim.delete(one);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(world.sam.get(Http.account("/canned_responses")).body()).isEqualTo("[]");
        assertThat(world.sam.patch(one, "{\"short_code\":\"C\"}").body()).isEqualTo(NOT_FOUND);
        assertThat(world.sam.delete(one).body()).isEqualTo(NOT_FOUND);
        assertThat(world.sam.get(one).status()).as("no show route").isEqualTo(404);
    }

    /**
     * search: short code or content containing the term (ILIKE), best first — short code starting with it,
     * then short code containing it, then content (the spec's order); NUL bytes are dropped.
     */
    @Test
    void searchRanksShortCodeMatchesFirst() {
        create(world.admin, "name-short-code", "Hey {{ contact.name }}, Thanks for reaching out");
        create(world.admin, "short-code", "Great! Looking forward");
        create(world.admin, "content-with-thanks", "Thanks for reaching out");
        create(world.admin, "Thanks", "Thanks for reaching out");
        assertThat(search("thanks")).containsExactly("Thanks", "content-with-thanks", "name-short-code");
        assertThat(search("SHORT")).containsExactly("short-code", "name-short-code");
        create(world.admin, "unique", "Unique response");
        assertThat(search("uni\0que")).containsExactly("unique");
        assertThat(search("sh_rt")).as("_ is ILIKE's any character").containsExactly("short-code", "name-short-code");
        assertThat(search("nothing-like-it")).isEmpty();
        assertThat(search("")).hasSize(5);
    }

    /** content and short_code are required; a short code is unique in the account (case-sensitively). */
    @Test
    void createValidates() {
        create(world.admin, "hello", "Hello!");
        assertThat(create(world.admin, "Hello", "Hi!").get("short_code").asText()).isEqualTo("Hello");
        assertThat(world.admin.post(Http.account("/canned_responses"), "{\"short_code\":\"hello\",\"content\":\"Again\"}").body())
                .isEqualTo("{\"message\":\"Short code has already been taken\",\"attributes\":[\"short_code\"]}");
        assertThat(world.admin.post(Http.account("/canned_responses"), "{\"short_code\":\"\",\"content\":\" \"}").body())
                .isEqualTo("{\"message\":\"Content can't be blank, Short code can't be blank\",\"attributes\":[\"content\","
                        + "\"short_code\"]}");
        assertThat(world.admin.post(Http.account("/canned_responses"), "{\"short_code\":\"" + "s".repeat(256)
                + "\",\"content\":\"x\"}").body()).isEqualTo("{\"message\":\"Short code is too long (maximum is 255 characters)\","
                + "\"attributes\":[\"short_code\"]}");
        assertThat(world.admin.post(Http.account("/canned_responses"), "{}").body())
                .isEqualTo("{\"error\":\"param is missing or the value is empty: canned_response\"}");
        assertThat(world.admin.patch(Http.account("/canned_responses/2"), "{\"short_code\":\"hello\"}").body())
                .isEqualTo("{\"message\":\"Short code has already been taken\",\"attributes\":[\"short_code\"]}");
        assertThat(world.admin.get(Http.account("/canned_responses")).json()).hasSize(2);
    }

    /** Another account's canned responses are neither listed nor found. */
    @Test
    void anotherAccountsCannedResponsesAreNotFound() {
        world.otherAccountUser();
        Http olga = world.admin.withToken("olga-token");
        Http.ok(olga.post("/api/v1/accounts/2/canned_responses", "{\"short_code\":\"theirs\",\"content\":\"Secret\"}"));
        assertThat(world.admin.get(Http.account("/canned_responses")).body()).isEqualTo("[]");
        assertThat(world.admin.get(Http.account("/canned_responses?search=theirs")).body()).isEqualTo("[]");
        assertThat(world.admin.patch(Http.account("/canned_responses/1"), "{\"content\":\"mine\"}").body()).isEqualTo(NOT_FOUND);
        assertThat(world.admin.delete(Http.account("/canned_responses/1")).body()).isEqualTo(NOT_FOUND);
    }
}
