package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/accounts/{id}/contacts} (app/controllers/api/v1/accounts/contacts_controller.rb): create, show, update,
 * delete, list, search.
 */
class ContactApiTest extends ApiTestSupport {
    private static final String SLIM_INBOX = "{\"id\":1,\"avatar_url\":\"\",\"channel_id\":1,\"name\":\"Bevatel API\","
            + "\"channel_type\":\"Channel::Api\",\"provider\":null}";
    private static final String RAW_INBOX = compact("""
            {"id":1,"channel_id":1,"account_id":1,"name":"Bevatel API",
            "created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z",
            "channel_type":"Channel::Api","enable_auto_assignment":true,"greeting_enabled":false,
            "greeting_message":null,"email_address":null,"working_hours_enabled":false,
            "out_of_office_message":null,"timezone":"UTC","enable_email_collect":true,
            "csat_survey_enabled":false,"allow_messages_after_resolved":true,"auto_assignment_config":{},
            "lock_to_single_conversation":false,"portal_id":null,"sender_name_type":"friendly",
            "business_name":null,"csat_config":{}}
            """);
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void createInAnApiInboxReturnsTheContactAndTheRawInboxRecord() {
        var result = createContact("{\"inbox_id\":1,\"name\":\"Alice\",\"phone_number\":\"+15550001111\"}");
        String source = ok(result).at("/payload/contact_inbox/source_id").asText();
        assertThat(source).matches(UUID);
        assertThat(result.body()).isEqualTo(compact("""
                {"payload":{"contact":{"additional_attributes":{},"availability_status":"offline","email":null,
                "id":1,"name":"Alice","phone_number":"+15550001111","blocked":false,"identifier":null,"thumbnail":"",
                "custom_attributes":{},"created_at":%d,
                "contact_inboxes":[{"source_id":"%s","inbox":%s}]},
                "contact_inbox":{"inbox":%s,"source_id":"%s"}}}
                """.formatted(at(1), source, SLIM_INBOX, RAW_INBOX, source)));
    }

    @Test
    void createWithoutInboxHasNoContactInbox() {
        var result = createContact("{\"name\":\"Bob\",\"email\":\"Bob@Example.COM\",\"identifier\":\"user-42\","
                + "\"custom_attributes\":{\"plan\":\"gold\"},\"additional_attributes\":{\"city\":\"Riyadh\"},\"blocked\":\"true\"}");
        ok(result);
        assertThat(result.body()).isEqualTo(compact("""
                {"payload":{"contact":{"additional_attributes":{"city":"Riyadh"},"availability_status":"offline",
                "email":"bob@example.com","id":1,"name":"Bob","phone_number":null,"blocked":true,"identifier":"user-42",
                "thumbnail":"","custom_attributes":{"plan":"gold"},"created_at":%d,"contact_inboxes":[]},
                "contact_inbox":{"inbox":null,"source_id":null}}}
                """.formatted(at(1))));
    }

    @Test
    void createWithNothingMakesANamelessContact() {
        JsonNode contact = ok(createContact("{}")).at("/payload/contact");
        assertThat(contact.get("name").asText()).isEmpty();
        assertThat(contact.get("email").isNull()).isTrue();
        assertThat(ok(createContact("{\"email\":\"\"}")).at("/payload/contact/email").isNull()).isTrue();
        // An explicit null is stored as null (the "" is only the column default).
        assertThat(ok(createContact("{\"name\":null}")).at("/payload/contact/name").isNull()).isTrue();
        assertThat(ok(http.patch(account("/contacts/1"), "{\"name\":null}")).at("/payload/name").isNull()).isTrue();
    }

    @Test
    void sourceIdGivenIsUsedAndEmptySourceIdCreatesNoContactInbox() {
        JsonNode given = ok(createContact("{\"inbox_id\":1,\"source_id\":\"crm-77\"}")).get("payload");
        assertThat(given.at("/contact_inbox/source_id").asText()).isEqualTo("crm-77");
        assertThat(given.at("/contact/contact_inboxes/0/source_id").asText()).isEqualTo("crm-77");
        // Chatwoot keeps "" (Ruby's ||= does not replace it) and then skips the contact-inbox.
        var empty = createContact("{\"inbox_id\":1,\"source_id\":\"\"}");
        assertThat(ok(empty).at("/payload/contact_inbox").toString()).isEqualTo("{\"inbox\":null,\"source_id\":null}");
        assertThat(ok(empty).at("/payload/contact/contact_inboxes")).isEmpty();
    }

    @Test
    void unknownInboxIs404AndCreatesNothing() {
        SecondAccount other = addSecondAccount();
        String before = http.get(account("/contacts/search?q=a")).body();
        assertError(createContact("{\"inbox_id\":99,\"name\":\"Ann\",\"email\":\"ann@x.io\"}"), 404, NOT_FOUND);
        assertError(createContact("{\"inbox_id\":" + other.inboxId() + ",\"name\":\"Ann\",\"email\":\"ann@x.io\"}"), 404,
                NOT_FOUND);
        assertThat(http.get(account("/contacts/search?q=a")).body()).isEqualTo(before);
        assertError(http.get(account("/contacts/1")), 404, NOT_FOUND);
        assertThat(ok(createContact("{\"name\":\"Ann\",\"email\":\"ann@x.io\"}")).at("/payload/contact/id").asLong())
                .isEqualTo(1);
    }

    @Test
    void validationErrorsHaveChatwootsMessagesAndAttributes() {
        ok(createContact("{\"name\":\"A\",\"email\":\"a@x.io\",\"phone_number\":\"+15550001111\",\"identifier\":\"id-1\"}"));
        assertError(createContact("{\"email\":\"A@X.IO\"}"), 422,
                "{\"message\":\"Email has already been taken\",\"attributes\":[\"email\"]}");
        assertError(createContact("{\"identifier\":\"id-1\"}"), 422,
                "{\"message\":\"Identifier has already been taken\",\"attributes\":[\"identifier\"]}");
        assertError(createContact("{\"phone_number\":\"+15550001111\"}"), 422,
                "{\"message\":\"Phone number has already been taken\",\"attributes\":[\"phone_number\"]}");
        assertError(createContact("{\"email\":\"not-an-email\"}"), 422,
                "{\"message\":\"Email Invalid email\",\"attributes\":[\"email\"]}");
        assertError(createContact("{\"email\":\" b@x.io\"}"), 422,
                "{\"message\":\"Email Invalid email\",\"attributes\":[\"email\"]}");
        assertError(createContact("{\"phone_number\":\"5550001111\"}"), 422,
                "{\"message\":\"Phone number should be in e164 format\",\"attributes\":[\"phone_number\"]}");
        assertError(createContact("{\"phone_number\":\"+1 555 000\"}"), 422,
                "{\"message\":\"Phone number should be in e164 format\",\"attributes\":[\"phone_number\"]}");
        assertError(createContact("{\"name\":\"" + "n".repeat(256) + "\"}"), 422,
                "{\"message\":\"Name is too long (maximum is 255 characters)\",\"attributes\":[\"name\"]}");
        assertError(createContact("{\"email\":\"a@x.io\",\"phone_number\":\"+15550001111\"}"), 422,
                "{\"message\":\"Email has already been taken, Phone number has already been taken\","
                        + "\"attributes\":[\"email\",\"phone_number\"]}");
        // Length errors come first (a before_validation), then the declared validations.
        assertError(createContact("{\"name\":\"" + "n".repeat(256) + "\",\"email\":\"a@x.io\"}"), 422,
                "{\"message\":\"Name is too long (maximum is 255 characters), Email has already been taken\","
                        + "\"attributes\":[\"name\",\"email\"]}");
        // With an inbox too: the whole create is rolled back, no contact-inbox either.
        assertError(createContact("{\"inbox_id\":1,\"email\":\"a@x.io\"}"), 422,
                "{\"message\":\"Email has already been taken\",\"attributes\":[\"email\"]}");
        // The contact is validated before the inbox is looked up.
        assertError(createContact("{\"inbox_id\":99,\"email\":\"a@x.io\"}"), 422,
                "{\"message\":\"Email has already been taken\",\"attributes\":[\"email\"]}");
        assertThat(ok(createContact("{\"name\":\"B\"}")).at("/payload/contact/id").asLong()).isEqualTo(2);
    }

    @Test
    void showWithAndWithoutContactInboxes() {
        String source = contactSource("{\"inbox_id\":1,\"name\":\"Alice\",\"identifier\":\"u-1\"}");
        var show = http.get(account("/contacts/1"));
        assertThat(ok(show).toString()).isEqualTo(show.body());
        assertThat(show.body()).isEqualTo(compact("""
                {"payload":{"additional_attributes":{},"availability_status":"offline","email":null,"id":1,
                "name":"Alice","phone_number":null,"blocked":false,"identifier":"u-1","thumbnail":"",
                "custom_attributes":{},"created_at":%d,"contact_inboxes":[{"source_id":"%s","inbox":%s}]}}
                """.formatted(at(1), source, SLIM_INBOX)));
        assertThat(ok(http.get(account("/contacts/1?include_contact_inboxes=false"))).get("payload").has("contact_inboxes"))
                .isFalse();
        assertThat(ok(http.get(account("/contacts/1?include_contact_inboxes=0"))).get("payload").has("contact_inboxes"))
                .isFalse();
        assertThat(ok(http.get(account("/contacts/1?include_contact_inboxes=true"))).get("payload").has("contact_inboxes"))
                .isTrue();
    }

    @Test
    void unknownForeignAndNonNumericContactsAreNotFound() {
        SecondAccount other = addSecondAccount();
        long foreign = ok(http.withToken("other-token").post("/api/v1/accounts/" + other.accountId() + "/contacts",
                "{\"name\":\"Theirs\"}")).at("/payload/contact/id").asLong();
        for (String path : List.of("/contacts/99", "/contacts/abc", "/contacts/" + foreign)) {
            assertError(http.get(account(path)), 404, NOT_FOUND);
            assertError(http.patch(account(path), "{\"name\":\"Mine\"}"), 404, NOT_FOUND);
            assertError(http.put(account(path), "{\"name\":\"Mine\"}"), 404, NOT_FOUND);
            assertError(http.delete(account(path)), 404, NOT_FOUND);
        }
        assertThat(ok(http.withToken("other-token").get("/api/v1/accounts/" + other.accountId() + "/contacts/" + foreign))
                .at("/payload/name").asText()).isEqualTo("Theirs");
    }

    @Test
    void updateMergesAttributeBagsAndReplacesTheRest() {
        ok(createContact("{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"alice@x.io\",\"custom_attributes\":{\"plan\":\"gold\","
                + "\"tier\":1},\"additional_attributes\":{\"city\":\"Riyadh\"}}"));
        var result = http.patch(account("/contacts/1"), "{\"name\":\"Alice B\",\"email\":\"ALICE.B@x.io\","
                + "\"custom_attributes\":{\"tier\":2,\"vip\":true},\"additional_attributes\":{\"country\":\"SA\"},"
                + "\"phone_number\":\"+966500000000\",\"inbox_id\":5}");
        JsonNode contact = ok(result).get("payload");
        assertThat(contact.get("name").asText()).isEqualTo("Alice B");
        assertThat(contact.get("email").asText()).isEqualTo("alice.b@x.io");
        assertThat(contact.get("phone_number").asText()).isEqualTo("+966500000000");
        assertThat(contact.get("custom_attributes").toString()).isEqualTo("{\"plan\":\"gold\",\"tier\":2,\"vip\":true}");
        assertThat(contact.get("additional_attributes").toString()).isEqualTo("{\"city\":\"Riyadh\",\"country\":\"SA\"}");
        assertThat(contact.get("contact_inboxes")).hasSize(1);
        assertThat(contact.get("created_at").asLong()).isEqualTo(at(1));
        assertThat(http.get(account("/contacts/1")).body()).isEqualTo(result.body());
        // PUT is the same route; a null clears a field.
        JsonNode put = ok(http.put(account("/contacts/1?include_contact_inboxes=false"), "{\"email\":null}")).get("payload");
        assertThat(put.get("email").isNull()).isTrue();
        assertThat(put.has("contact_inboxes")).isFalse();
    }

    @Test
    void updateValidationErrorsChangeNothing() {
        ok(createContact("{\"name\":\"A\",\"email\":\"a@x.io\"}"));
        ok(createContact("{\"name\":\"B\",\"email\":\"b@x.io\"}"));
        String before = http.get(account("/contacts/2")).body();
        assertError(http.patch(account("/contacts/2"), "{\"name\":\"Changed\",\"email\":\"A@x.io\"}"), 422,
                "{\"message\":\"Email has already been taken\",\"attributes\":[\"email\"]}");
        assertError(http.patch(account("/contacts/2"), "{\"phone_number\":\"12\"}"), 422,
                "{\"message\":\"Phone number should be in e164 format\",\"attributes\":[\"phone_number\"]}");
        assertError(http.patch(account("/contacts/2"), "{\"custom_attributes\":[1,2]}"), 422,
                "{\"error\":\"Invalid parameter custom_attributes: expected an object\"}");
        assertThat(http.get(account("/contacts/2")).body()).isEqualTo(before);
        // Keeping one's own email is no conflict.
        assertThat(ok(http.patch(account("/contacts/2"), "{\"email\":\"B@X.io\",\"name\":\"Bee\"}")).at("/payload/name")
                .asText()).isEqualTo("Bee");
    }

    @Test
    void deleteAnswersAnEmptyBodyAndRemovesTheContactsConversations() {
        long conversation = conversationFor("Alice");
        postMessage(conversation, "{\"content\":\"hi\",\"message_type\":\"incoming\"}");
        var deleted = http.delete(account("/contacts/1"));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertError(http.get(account("/contacts/1")), 404, NOT_FOUND);
        assertError(http.get(account("/conversations/" + conversation)), 404, NOT_FOUND);
        assertError(http.delete(account("/contacts/1")), 404, NOT_FOUND);
        assertThat(ok(http.get(account("/conversations/meta"))).get("meta").get("all_count").asLong()).isZero();
    }

    @Test
    void listShowsIdentifiedContactsFifteenAPageWithTheCurrentPageQuirk() {
        ok(createContact("{\"name\":\"No identity\"}"));
        List<Long> identified = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            String field = i % 3 == 0 ? "\"identifier\":\"id-" + i + "\"" : i % 3 == 1 ? "\"email\":\"c" + i + "@x.io\""
                    : "\"phone_number\":\"+1555000" + String.format("%04d", i) + "\"";
            identified.add(ok(createContact("{\"name\":\"C" + i + "\"," + field + "}")).at("/payload/contact/id").asLong());
        }
        var first = http.get(account("/contacts"));
        JsonNode page1 = ok(first);
        assertThat(first.body()).startsWith("{\"meta\":{\"count\":17,\"current_page\":1},\"payload\":[");
        assertThat(page1.get("payload")).extracting(c -> c.get("id").asLong()).containsExactlyElementsOf(identified.subList(0, 15));
        assertThat(page1.at("/payload/0/contact_inboxes")).isEmpty();
        var second = http.get(account("/contacts?page=2&include_contact_inboxes=false"));
        assertThat(second.body()).startsWith("{\"meta\":{\"count\":17,\"current_page\":\"2\"},\"payload\":[");
        assertThat(ok(second).get("payload")).extracting(c -> c.get("id").asLong()).containsExactlyElementsOf(identified.subList(15, 17));
        assertThat(ok(second).at("/payload/0").has("contact_inboxes")).isFalse();
        assertThat(ok(http.get(account("/contacts?page=3"))).get("payload")).isEmpty();
        assertError(http.get(account("/contacts?page=two")), 422, "{\"error\":\"Invalid parameter page: expected an integer\"}");
    }

    @Test
    void listSorts() {
        ok(createContact("{\"name\":\"bravo\",\"email\":\"b@x.io\"}"));
        ok(createContact("{\"name\":\"Alpha\",\"phone_number\":\"+15550000001\"}"));
        ok(createContact("{\"name\":\"charlie\",\"email\":\"a@x.io\"}"));
        assertThat(names("/contacts?sort=name")).containsExactly("Alpha", "bravo", "charlie");
        assertThat(names("/contacts?sort=-name")).containsExactly("charlie", "bravo", "Alpha");
        // Postgres puts nulls last ascending and first descending on a plain column.
        assertThat(names("/contacts?sort=email")).containsExactly("charlie", "bravo", "Alpha");
        assertThat(names("/contacts?sort=-email")).containsExactly("Alpha", "bravo", "charlie");
        assertThat(names("/contacts?sort=-created_at")).containsExactly("charlie", "Alpha", "bravo");
        assertError(http.get(account("/contacts?sort=shoe_size")), 422, "{\"error\":\"'shoe_size' is not a valid sort\"}");
    }

    @Test
    void searchMatchesNameEmailPhoneAndIdentifierOfAllContacts() {
        ok(createContact("{\"name\":\"Alice Smith\"}"));
        ok(createContact("{\"name\":\"Bob\",\"email\":\"bob@SMITH.io\"}"));
        ok(createContact("{\"name\":\"Carol\",\"phone_number\":\"+15559990000\"}"));
        ok(createContact("{\"name\":\"Dan\",\"identifier\":\"Smith-7\"}"));
        assertThat(names("/contacts/search?q=smith")).containsExactly("Alice Smith", "Bob");
        assertThat(names("/contacts/search?q=Smith")).containsExactly("Alice Smith", "Bob", "Dan");
        assertThat(names("/contacts/search?q=%20999%20")).containsExactly("Carol");
        var result = http.get(account("/contacts/search?q=smith"));
        assertThat(result.body()).startsWith("{\"meta\":{\"count\":2,\"current_page\":1,\"has_more\":false},\"payload\":[");
        assertThat(ok(result).at("/payload/0/contact_inboxes")).isEmpty();
    }

    @Test
    void searchPagesByFifteenWithHasMore() {
        for (int i = 1; i <= 16; i++) {
            ok(createContact("{\"name\":\"Pat " + i + "\"}"));
        }
        var first = http.get(account("/contacts/search?q=pat"));
        assertThat(first.body()).startsWith("{\"meta\":{\"count\":15,\"current_page\":1,\"has_more\":true},");
        var second = http.get(account("/contacts/search?q=pat&page=2"));
        assertThat(second.body()).startsWith("{\"meta\":{\"count\":1,\"current_page\":\"2\",\"has_more\":false},");
        assertThat(ok(second).at("/payload/0/name").asText()).isEqualTo("Pat 16");
    }

    @Test
    void searchWithoutQueryAnswersChatwootsNullMeta() {
        ok(createContact("{\"name\":\"Alice\"}"));
        String empty = "{\"meta\":{\"count\":null,\"current_page\":1,\"has_more\":null},\"payload\":[]}";
        assertThat(http.get(account("/contacts/search")).body()).isEqualTo(empty);
        assertThat(http.get(account("/contacts/search?q=%20")).body()).isEqualTo(empty);
    }

    private static List<String> names(String path) {
        List<String> names = new ArrayList<>();
        ok(http.get(account(path))).get("payload").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }
}
