package com.bevatel.simulator.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.domain.IdentityHmac;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Identity validation on the Client API (app/controllers/public/api/v1/inboxes/contacts_controller.rb): {@code identifier_hash} on contact
 * create/show/update, {@code hmac_mandatory}, and what a verified contact-inbox may see.
 * A failed check is 401 with a JSON body here (Chatwoot: an unhandled error, 500).
 */
class PublicIdentityTest {
    private static final String FAILED = "{\"error\":\"HMAC failed: Invalid Identifier Hash Provided\"}";

    @RegisterExtension
    static final PublicApi api = new PublicApi();

    private String hash(String identifier) {
        return IdentityHmac.hash(api.sim.apiInbox().hmacToken(), identifier);
    }

    private boolean verified(long conversationId) {
        return Http.ok(api.app.get(Http.account("/conversations/" + conversationId))).at("/meta/hmac_verified")
                .asBoolean();
    }

    private void makeHmacMandatory() {
        Http.ok(api.app.patch(Http.account("/inboxes/1"), "{\"channel\":{\"hmac_mandatory\":true}}"));
    }

    @Test
    void aValidHashOnCreateIsAcceptedButDoesNotVerify() {
        JsonNode body = api.createContact("{\"identifier\":\"user-42\",\"identifier_hash\":\"" + hash("user-42") + "\"}");

        long conversationId = api.createConversation(body.get("source_id").asText()).get("id").asLong();
        assertThat(verified(conversationId)).isFalse();
    }

    @Test
    void aWrongHashIsRejectedOnCreateAndNothingIsCreated() {
        Http.Result result = api.client.post(api.inbox() + "/contacts",
                "{\"identifier\":\"user-42\",\"identifier_hash\":\"" + hash("user-43") + "\",\"name\":\"Mallory\"}");

        assertThat(result.toString()).isEqualTo("401 " + FAILED);
        assertThat(api.eventNames()).isEmpty();
        assertThat(api.createContact("{}").get("id").asLong()).isEqualTo(1);
    }

    @Test
    void aMandatoryHashMustBeGivenAndValid() {
        makeHmacMandatory();

        Http.Result missing = api.client.post(api.inbox() + "/contacts", "{\"identifier\":\"user-42\"}");
        Http.Result wrong = api.client.post(api.inbox() + "/contacts",
                "{\"identifier\":\"user-42\",\"identifier_hash\":\"deadbeef\"}");
        Http.Result valid = api.client.post(api.inbox() + "/contacts",
                "{\"identifier\":\"user-42\",\"identifier_hash\":\"" + hash("user-42") + "\"}");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("error").asText())
                .isEqualTo("HMAC failed: Invalid Identifier Hash Provided (this inbox requires identifier and identifier_hash)");
        assertThat(wrong.toString()).isEqualTo("401 " + FAILED);
        assertThat(valid.status()).isEqualTo(200);
        String sourceId = valid.json().get("source_id").asText();
        assertThat(api.client.get(api.contact(sourceId)).status()).as("show is checked too").isEqualTo(401);
        assertThat(api.client.get(api.contact(sourceId) + "?identifier=user-42&identifier_hash=" + hash("user-42"))
                .status()).isEqualTo(200);
    }

    @Test
    void aValidHashOnShowVerifiesTheContactInbox() {
        String sourceId = api.newContact("{\"identifier\":\"user-42\"}");
        long conversationId = api.createConversation(sourceId).get("id").asLong();
        api.clearEvents();

        Http.Result shown = api.client.get(api.contact(sourceId) + "?identifier=user-42&identifier_hash=" + hash("user-42"));

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).isEqualTo(api.client.get(api.contact(sourceId)).body());
        assertThat(verified(conversationId)).isTrue();
        assertThat(api.eventNames()).as("verification is no webhook event").isEmpty();
    }

    @Test
    void aWrongHashOnShowIsRejectedAfterTheLookup() {
        String sourceId = api.newContact("{\"identifier\":\"user-42\"}");
        long conversationId = api.createConversation(sourceId).get("id").asLong();

        Http.Result wrong = api.client.get(api.contact(sourceId) + "?identifier=user-42&identifier_hash=" + hash("x"));
        Http.Result unknown = api.client.get(api.contact("nobody") + "?identifier=user-42&identifier_hash=" + hash("x"));

        assertThat(wrong.toString()).isEqualTo("401 " + FAILED);
        assertThat(unknown.status()).as("an unknown contact is 404 before any hash check").isEqualTo(404);
        assertThat(verified(conversationId)).isFalse();
    }

    @Test
    void aValidHashOnUpdateVerifiesAndAWrongOneChangesNothing() {
        String sourceId = api.newContact("{\"identifier\":\"user-42\",\"name\":\"Alice\"}");
        long conversationId = api.createConversation(sourceId).get("id").asLong();
        api.clearEvents();

        Http.Result wrong = api.client.patch(api.contact(sourceId),
                "{\"identifier\":\"user-42\",\"identifier_hash\":\"" + hash("user-1") + "\",\"name\":\"Mallory\"}");

        assertThat(wrong.toString()).isEqualTo("401 " + FAILED);
        assertThat(api.eventNames()).isEmpty();
        assertThat(verified(conversationId)).isFalse();

        JsonNode updated = Http.ok(api.client.patch(api.contact(sourceId),
                "{\"identifier\":\"user-42\",\"identifier_hash\":\"" + hash("user-42") + "\",\"name\":\"Alicia\"}"));

        assertThat(updated.get("name").asText()).isEqualTo("Alicia");
        assertThat(verified(conversationId)).isTrue();
    }

    @Test
    void aVerifiedContactInboxReachesEveryConversationOfTheContact() {
        String first = api.newContact("{\"identifier\":\"user-42\",\"name\":\"Alice\"}");
        String second = api.newContact("{\"identifier\":\"user-42\"}");
        long own = api.createConversation(first).get("id").asLong();
        long other = api.createConversation(second).get("id").asLong();
        String stranger = api.newContact("{\"identifier\":\"user-7\"}");
        long strangers = api.createConversation(stranger).get("id").asLong();

        assertThat(Http.ok(api.client.get(api.contact(first) + "/conversations")))
                .extracting(c -> c.get("id").asLong()).containsExactly(own);
        assertThat(api.client.get(api.conversation(first, other)).status()).isEqualTo(404);
        assertThat(api.client.get(api.conversation(first, other) + "/messages").status()).isEqualTo(404);

        Http.ok(api.client.get(api.contact(first) + "?identifier=user-42&identifier_hash=" + hash("user-42")));

        assertThat(Http.ok(api.client.get(api.contact(first) + "/conversations")))
                .extracting(c -> c.get("id").asLong()).containsExactly(own, other);
        assertThat(Http.ok(api.client.get(api.conversation(first, other))).get("id").asLong()).isEqualTo(other);
        Http.ok(api.client.post(api.conversation(first, other) + "/messages", "{\"content\":\"from the verified session\"}"));
        assertThat(api.client.get(api.conversation(first, strangers)).status()).as("never another contact's").isEqualTo(404);
        assertThat(Http.ok(api.client.get(api.contact(second) + "/conversations")))
                .as("the other session is not verified").extracting(c -> c.get("id").asLong()).containsExactly(other);
    }
}
