package com.bevatel.simulator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.http.ExchangeObserver.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker itself: each kind of drift the contract exists to catch is caught, and named with
 * the route, the schema and the JSON path. Exchanges are made up here (no simulator involved), so
 * nothing is recorded for {@link ContractExtension}.
 */
class ContractSelfTest {
    private static final String MESSAGE_ROUTE = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages";
    private static final String TOGGLE_ROUTE = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status";
    private static final String MESSAGE = "{\"id\":7,\"content\":\"Hi\",\"inbox_id\":1,\"conversation_id\":1,\"message_type\":0,"
            + "\"content_type\":\"text\",\"status\":\"sent\",\"content_attributes\":{},\"created_at\":1767225600,"
            + "\"private\":false,\"source_id\":null}";

    private final Contract contract = Contract.get();

    private static List<Violation> post(String route, int status, String body) {
        return Contract.get().checkResponse(new Exchange("POST", route, route.replace("{account_id}", "1")
                .replace("{conversation_id}", "1"), status, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aConformingResponsePasses() {
        assertThat(post(MESSAGE_ROUTE, 200, MESSAGE)).isEmpty();
    }

    @Test
    void aRenamedKeyIsAnUnexpectedKeyAndAMissingOne() {
        List<Violation> found = post(MESSAGE_ROUTE, 200, MESSAGE.replace("\"inbox_id\"", "\"inboxId\""));
        assertThat(found).extracting(Violation::pointer).contains("/inboxId", "/inbox_id");
        assertThat(found.get(0).schema()).isEqualTo("message.json");
        assertThat(found.get(0).subject()).isEqualTo("POST " + MESSAGE_ROUTE + " → 200 (/api/v1/accounts/1/conversations/1/messages)");
        assertThat(found.get(0).toString()).contains("message.json at /inbox").contains(MESSAGE_ROUTE);
    }

    @Test
    void aChangedTypeIsCaught() {
        assertThat(post(MESSAGE_ROUTE, 200, MESSAGE.replace("\"message_type\":0", "\"message_type\":\"incoming\"")))
                .extracting(Violation::pointer).containsExactly("/message_type");
        assertThat(post(MESSAGE_ROUTE, 200, MESSAGE.replace("\"created_at\":1767225600", "\"created_at\":\"2026-01-01T00:00:00.000Z\"")))
                .extracting(Violation::pointer).contains("/created_at");
    }

    @Test
    void anIntegerWrittenAsADecimalIsCaughtThoughJsonSchemaCallsItAnInteger() {
        List<Violation> found = post(MESSAGE_ROUTE, 200, MESSAGE.replace("\"created_at\":1767225600", "\"created_at\":1767225600.0"));
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/created_at");
            assertThat(v.message()).contains("integer written as a decimal");
        });
    }

    @Test
    void aRubyFloatMustBeWrittenWithADecimalPoint() {
        // Conversation updated_at (a Ruby float: Chatwoot's updated_at.to_f); checked on a fragment,
        // the rest of a conversation is beside the point.
        String conversation = "{\"meta\":{},\"payload\":{\"success\":true,\"conversation_id\":1,\"current_status\":\"open\","
                + "\"snoozed_until\":null}}";
        assertThat(post(TOGGLE_ROUTE, 200, conversation)).isEmpty();
        WireForm wireForm = new WireForm(contract.schemas());
        assertThat(wireForm.check("conversation.json", node("{\"updated_at\":1767225600.123456}"))).isEmpty();
        assertThat(wireForm.check("conversation.json", node("{\"updated_at\":1767225600.0}"))).isEmpty();
        assertThat(wireForm.check("conversation.json", node("{\"updated_at\":1767225600}")))
                .singleElement().satisfies(p -> assertThat(p.getKey()).isEqualTo("/updated_at"));
        assertThat(wireForm.check("conversation.json", node("{\"updated_at\":1767225600.1234567}"))).hasSize(1);
    }

    @Test
    void reorderedKeysAreCaughtEvenWhenEveryKeyIsValid() {
        String reordered = MESSAGE.replace("\"id\":7,\"content\":\"Hi\",", "\"content\":\"Hi\",\"id\":7,");
        assertThat(post(MESSAGE_ROUTE, 200, reordered)).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEmpty();
            assertThat(v.message()).startsWith("keys out of order: [content, id, inbox_id");
        });
    }

    @Test
    void nestedShapesAreCheckedThroughReferences() {
        String withSender = MESSAGE.replace("\"source_id\":null}", "\"source_id\":null,\"sender\":{\"id\":1,\"name\":\"Sam\","
                + "\"available_name\":\"Sam\",\"avatar_url\":\"\",\"type\":\"user\",\"availability_status\":\"away\",\"thumbnail\":\"\"}}");
        assertThat(post(MESSAGE_ROUTE, 200, withSender)).extracting(Violation::pointer).contains("/sender");
        String contactSender = MESSAGE.replace("\"source_id\":null}", "\"source_id\":null,\"sender\":{\"additional_attributes\":{},"
                + "\"custom_attributes\":{},\"id\":3,\"email\":null,\"identifier\":null,\"name\":\"A\",\"phone_number\":null,"
                + "\"thumbnail\":\"\",\"blocked\":false,\"type\":\"contact\"}}");
        assertThat(post(MESSAGE_ROUTE, 200, contactSender)).singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEqualTo("/sender"));
    }

    @Test
    void anEnumValueOutsideTheContractIsCaught() {
        assertThat(post(MESSAGE_ROUTE, 200, MESSAGE.replace("\"status\":\"sent\"", "\"status\":\"queued\"")))
                .extracting(Violation::pointer).containsExactly("/status");
    }

    @Test
    void aResponseNoLineCoversIsAViolation() {
        assertThat(post(MESSAGE_ROUTE, 201, MESSAGE)).singleElement().satisfies(v -> {
            assertThat(v.schema()).isEqualTo("responses.txt");
            assertThat(v.message()).contains("no line covers");
        });
        assertThat(post(MESSAGE_ROUTE, 500, "{\"status\":500,\"error\":\"Internal Server Error\"}")).hasSize(1);
    }

    @Test
    void routesAnExtensionAddsAreNotTheCoresContract() {
        // A route no core registration adds, as the standalone admin API's are (through an HttpExtension).
        assertThat(post("/_extension/things/{id}", 200, "{\"anything\":true}")).isEmpty();
        assertThat(CoreRoutes.contains("POST", MESSAGE_ROUTE)).isTrue();
    }

    @Test
    void unknownRoutesAreCheckedAgainstRailsNotFound() {
        assertThat(contract.checkResponse(new Exchange("GET", null, "/nope", 404,
                "{\"status\":404,\"error\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(contract.checkResponse(new Exchange("GET", null, "/nope", 404,
                "{\"error\":\"Resource could not be found\"}".getBytes(StandardCharsets.UTF_8))))
                .extracting(Violation::subject).containsOnly("GET (unrouted) → 404 (/nope)");
    }

    @Test
    void emptyBodiesAreAContractToo() {
        String typing = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_typing";
        assertThat(post(typing, 200, "")).isEmpty();
        assertThat(post(typing, 200, "{}")).singleElement().satisfies(v -> assertThat(v.message()).contains("expected an empty body"));
        assertThat(post(MESSAGE_ROUTE, 200, "")).singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("empty body"));
    }

    @Test
    void aKeySentTwiceOrABodyThatIsNotJsonIsCaught() {
        assertThat(post(MESSAGE_ROUTE, 200, MESSAGE.replace("{\"id\":7,", "{\"id\":7,\"id\":7,")))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("Duplicate"));
        assertThat(post(MESSAGE_ROUTE, 200, "<html>")).singleElement().satisfies(v -> assertThat(v.message()).startsWith("not JSON"));
    }

    @Test
    void deliveriesAreCheckedByEvent() {
        assertThat(contract.checkDelivery("webwidget_triggered", "{}".getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(v -> assertThat(v.schema()).isEqualTo("deliveries.txt"));
        assertThat(contract.checkDelivery("contact_created", "{\"event\":\"contact_created\"}".getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty().allSatisfy(v -> assertThat(v.schema()).isEqualTo("delivery-contact-created.json"));
    }

    /** An agent bot shows its token and its secret together (to an administrator) or neither (to an agent). */
    @Test
    void anAgentBotShowsItsTokenAndSecretTogetherOrNeither() {
        String route = "/api/v1/accounts/{account_id}/agent_bots";
        String head = "{\"id\":1,\"name\":\"Echo\",\"description\":null,\"thumbnail\":\"\",\"outgoing_url\":null,"
                + "\"bot_type\":\"webhook\",\"bot_config\":{},\"account_id\":1";
        String token = ",\"access_token\":\"bot-token\"";
        String secret = ",\"secret\":\"gTKpvgRWFi7kDaDM8i4Epv2K\"";
        String tail = ",\"system_bot\":false}";
        assertThat(post(route, 200, head + token + secret + tail)).isEmpty();
        assertThat(post(route, 200, head + tail)).isEmpty();
        assertThat(post(route, 200, head + token + tail)).isNotEmpty();
        assertThat(post(route, 200, head + secret + tail)).isNotEmpty();
        assertThat(post(route, 200, head + secret + token + tail)).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("keys out of order"));
        assertThat(post(route, 200, (head + tail).replace("false", "true"))).as("system bots are not simulated").isNotEmpty();
    }

    private static tools.jackson.databind.JsonNode node(String json) {
        return SchemaFiles.WIRE.readTree(json);
    }
}
