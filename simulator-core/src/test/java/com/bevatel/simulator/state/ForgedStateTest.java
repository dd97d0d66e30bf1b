package com.bevatel.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.contract.ForgedContent;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #14: forged state documents. Every field of every kind of row (and the sequences, display
 * ids, member lists and clock) is replaced in turn by null, a value of another type, an empty
 * string, a dangling id, another account's id, an id or time out of range. Each forged document is
 * either refused whole — an {@link InvalidEntryException} naming the entry, the state unchanged — or
 * accepted and then served: every read over HTTP answers below 500 and within the wire contract
 * (a forged string shows as written, so it may miss a token's pattern), a few writes too, and its
 * export loads again. Accepted-then-broken documents: none.
 */
class ForgedStateTest {
    private static final Pattern ROW = Pattern.compile("^/(\\w+)/(\\d+)");
    private static final JsonNodeFactory NODES = Json.NODES;

    private static BevatelSimulator sim;
    private static ObjectNode good;
    private static String goodText;
    private static List<ForgedStateWorld.Read> reads;

    @BeforeAll
    static void start() throws Exception {
        sim = ForgedStateWorld.start();
        ForgedStateWorld.fill(sim);
        good = sim.exportState();
        goodText = Json.string(good);
        reads = ForgedStateWorld.reads(good);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void everyForgedFieldIsRefusedNamingItsEntryOrServesEveryRead() {
        List<String> acceptedButBroken = new ArrayList<>();
        int refused = 0;
        int accepted = 0;
        for (Forgery forgery : ForgedStateMutations.all(good)) {
            ObjectNode forged = good.deepCopy();
            forgery.apply().accept(forged);
            String outcome = attempt(forged, forgery.account());
            List<String> offContract = ForgedContent.takeViolations().stream()
                    .filter(violation -> !(forgery.text() && violation.contains("does not match the regex pattern")))
                    .toList();
            if (outcome == null) {
                refused++;
            } else if (outcome.isEmpty() && offContract.isEmpty()) {
                accepted++;
            } else {
                acceptedButBroken.add(forgery.name() + ": " + outcome + " " + offContract);
            }
        }
        assertThat(acceptedButBroken).as("forged documents accepted, then failing or answering off the wire contract")
                .isEmpty();
        assertThat(refused).as("refused forgeries").isGreaterThan(300);
        assertThat(accepted).as("harmless forgeries accepted (nullable fields, free text)").isGreaterThan(20);
    }

    @Test
    void theForgeriesOfTheIssueAreRefusedWithTheirEntry() {
        assertRefused(doc -> row(doc, "conversations", 0).putNull("status"), "/conversations/0/status",
                "conversations[0] (id 1): status must not be null");
        assertRefused(doc -> row(doc, "conversations", 0).putArray("labels").addNull(), "/conversations/0/labels/0",
                "labels.0 must be a label, not null");
        assertRefused(doc -> row(doc, "messages", 0).putNull("content_type"), "/messages/0/content_type", "must not be null");
        assertRefused(doc -> row(doc, "messages", 0).putNull("message_type"), "/messages/0/message_type", "must not be null");
        assertRefused(doc -> row(doc, "users", 0).putNull("role"), "/users/0/role", "users[0] (id 1): role must not be null");
        assertRefused(doc -> row(doc, "inboxes", 0).putNull("name"), "/inboxes/0/name", "inboxes[0] (id 1): name must not be null");
        assertRefused(doc -> ((ObjectNode) doc.get("sequences")).put("message", Long.MAX_VALUE), "/sequences/message",
                "sequences.message 9223372036854775807 is beyond 9007199254740991");
        assertRefused(doc -> ((ObjectNode) doc.get("display_ids")).put("1", Long.MAX_VALUE), "/display_ids/1",
                "is beyond 9007199254740991");
        assertRefused(doc -> row(doc, "conversations", 0).put("assignee_id", 99), "/conversations/0/assignee_id",
                "assignee_id 99 does not exist");
        assertRefused(doc -> row(doc, "conversations", 0).put("team_id", 99), "/conversations/0/team_id",
                "team_id 99 does not exist");
        int fromUser = indexWhere(good, "messages", m -> m.path("sender_type").asText().equals("user"));
        assertRefused(doc -> row(doc, "messages", fromUser).put("sender_id", 99), "/messages/" + fromUser + "/sender_id",
                "sender_id 99 does not exist");
        assertRefused(doc -> row(doc, "conversations", 0).put("contact_id", 99), "/conversations/0/contact_id",
                "contact_id 99 does not exist");
        assertRefused(doc -> row(doc, "conversations", 0).put("inbox_id", 99), "/conversations/0/inbox_id",
                "inbox_id 99 does not exist");
        long inboxTwo = ForgedStateWorld.rowsOf(good, "inboxes", 2).get(0).get("id").asLong();
        long contactTwo = ForgedStateWorld.rowsOf(good, "contacts", 2).get(0).get("id").asLong();
        assertRefused(doc -> row(doc, "conversations", 0).put("inbox_id", inboxTwo), "/conversations/0/inbox_id",
                "inbox_id " + inboxTwo + " belongs to account 2, not to account 1");
        assertRefused(doc -> row(doc, "conversations", 0).put("contact_id", contactTwo), "/conversations/0/contact_id",
                "contact_id " + contactTwo + " belongs to account 2, not to account 1");
        assertRefused(doc -> doc.put("clock", "+10000-01-01T00:00:00Z"), "/clock", "outside the simulated clock's range");
        assertRefused(doc -> row(doc, "messages", 0).put("created_at", "+1000000000-01-01T00:00:00Z"),
                "/messages/0/created_at", "outside the simulated clock's range");
    }

    /**
     * agent_bot_inboxes: an inbox or a bot that does not exist or is another account's, an inbox served
     * twice, and a version-2 document without the table, are refused naming the entry.
     */
    @Test
    void aForgedBotAttachmentIsRefusedWithItsEntry() {
        long inboxTwo = ForgedStateWorld.rowsOf(good, "inboxes", 2).get(0).get("id").asLong();
        long botTwo = ForgedStateWorld.rowsOf(good, "agent_bots", 2).get(0).get("id").asLong();
        assertThat(row(good, "agent_bot_inboxes", 0).get("inbox_id").asLong()).isEqualTo(1);
        assertRefused(doc -> row(doc, "agent_bot_inboxes", 0).put("inbox_id", 99), "/agent_bot_inboxes/0/inbox_id",
                "agent_bot_inboxes[0] (id 99): inbox_id 99 does not exist");
        assertRefused(doc -> row(doc, "agent_bot_inboxes", 0).put("agent_bot_id", 99), "/agent_bot_inboxes/0/agent_bot_id",
                "agent_bot_id 99 does not exist");
        assertRefused(doc -> row(doc, "agent_bot_inboxes", 0).put("agent_bot_id", botTwo), "/agent_bot_inboxes/0/agent_bot_id",
                "agent_bot_id " + botTwo + " belongs to account 2, not to account 1");
        assertRefused(doc -> row(doc, "agent_bot_inboxes", 0).put("inbox_id", inboxTwo), "/agent_bot_inboxes/0/agent_bot_id",
                "agent_bot_id 1 belongs to account 1, not to account 2");
        assertRefused(doc -> ((ArrayNode) doc.get("agent_bot_inboxes")).add(row(doc, "agent_bot_inboxes", 0).deepCopy()),
                "/agent_bot_inboxes/2", "agent_bot_inboxes[2] (id 1): id used twice");
        assertRefused(doc -> row(doc, "agent_bot_inboxes", 0).putNull("agent_bot_id"), "/agent_bot_inboxes/0/agent_bot_id",
                "agent_bot_inboxes[0]: agent_bot_id");
        assertRefused(doc -> doc.remove("agent_bot_inboxes"), "/agent_bot_inboxes", "agent_bot_inboxes must be an array");
    }

    /**
     * custom_attribute_definitions: a key defined twice for one model in one account, a missing account,
     * an unknown model or type, values that are not JSON scalars, and a version-3 document without the
     * table, are refused naming the entry; the same key for the other model or in the other account is not.
     */
    @Test
    void aForgedCustomAttributeDefinitionIsRefusedWithItsEntry() {
        assertThat(row(good, "custom_attribute_definitions", 0).get("attribute_key").asText()).isEqualTo("tier");
        assertRefused(doc -> row(doc, "custom_attribute_definitions", 1).put("attribute_key", "tier")
                        .put("attribute_model", "contact_attribute"), "/custom_attribute_definitions/1/attribute_key",
                "custom_attribute_definitions[1] (id 2): attribute_key is already used by another row");
        assertRefused(doc -> row(doc, "custom_attribute_definitions", 0).put("account_id", 99),
                "/custom_attribute_definitions/0/account_id", "account_id 99 does not exist");
        assertRefused(doc -> row(doc, "custom_attribute_definitions", 0).put("attribute_display_type", "money"),
                "/custom_attribute_definitions/0/attribute_display_type", "cannot read money as AttributeDisplayType");
        assertRefused(doc -> row(doc, "custom_attribute_definitions", 0).putArray("attribute_values").addObject(),
                "/custom_attribute_definitions/0", "attribute_values holds JSON scalars only");
        assertRefused(doc -> row(doc, "custom_attribute_definitions", 0).putNull("attribute_values"),
                "/custom_attribute_definitions/0/attribute_values", "attribute_values must not be null");
        assertRefused(doc -> doc.remove("custom_attribute_definitions"), "/custom_attribute_definitions",
                "custom_attribute_definitions must be an array");

        ObjectNode shared = good.deepCopy();
        row(shared, "custom_attribute_definitions", 1).put("attribute_key", "tier");
        sim.importState(shared);
        try {
            Http admin = new Http(sim.baseUrl(), ForgedStateWorld.ADMIN_ONE);
            assertThat(admin.get(Http.account("/custom_attribute_definitions/2")).json().get("attribute_key").asText())
                    .isEqualTo("tier");
        } finally {
            sim.importState(good);
        }
    }

    /**
     * Team names, label titles and canned responses' short codes are unique within their account (the
     * models' uniqueness checks): a second row with the same key is refused naming it; another account's may.
     */
    @Test
    void aTeamNameLabelTitleOrShortCodeTwiceInAnAccountIsRefused() {
        int billingOne = indexWhere(good, "labels", l -> l.get("title").asText().equals("billing"));
        int vipTwo = indexWhere(good, "labels", l -> l.get("account_id").asLong() == 2);
        assertRefused(doc -> row(doc, "labels", billingOne).put("title", "vip"), "/labels/" + billingOne + "/title",
                "title is already used by another row");
        int nightShift = indexWhere(good, "teams", t -> t.get("name").asText().equals("night shift"));
        assertRefused(doc -> row(doc, "teams", nightShift).put("name", "support"), "/teams/" + nightShift + "/name",
                "name is already used by another row");
        int helloTwo = indexWhere(good, "canned_responses", r -> r.get("account_id").asLong() == 2);
        assertRefused(doc -> row(doc, "canned_responses", helloTwo).put("account_id", 1),
                "/canned_responses/" + helloTwo + "/short_code", "short_code is already used by another row");
        assertRefused(doc -> row(doc, "teams", 0).putNull("icon"), "/teams/0/icon", "icon must not be null");
        assertRefused(doc -> row(doc, "labels", vipTwo).put("account_id", 99), "/labels/" + vipTwo + "/account_id",
                "account_id 99 does not exist");
    }

    /**
     * notes: a contact or an author that does not exist or is another account's, and no content, are refused
     * naming the entry; a note without an author (Chatwoot nullifies it when the user goes) is valid.
     */
    @Test
    void aForgedNoteIsRefusedWithItsEntry() {
        long contactTwo = ForgedStateWorld.rowsOf(good, "contacts", 2).get(0).get("id").asLong();
        long userTwo = ForgedStateWorld.rowsOf(good, "users", 2).get(0).get("id").asLong();
        assertRefused(doc -> row(doc, "notes", 0).put("contact_id", 99), "/notes/0/contact_id",
                "notes[0] (id 1): contact_id 99 does not exist");
        assertRefused(doc -> row(doc, "notes", 0).put("contact_id", contactTwo), "/notes/0/contact_id",
                "contact_id " + contactTwo + " belongs to account 2, not to account 1");
        assertRefused(doc -> row(doc, "notes", 0).put("user_id", userTwo), "/notes/0/user_id",
                "user_id " + userTwo + " belongs to account 2, not to account 1");
        assertRefused(doc -> row(doc, "notes", 0).putNull("content"), "/notes/0/content", "content must not be null");
        ObjectNode orphan = good.deepCopy();
        row(orphan, "notes", 0).putNull("user_id");
        sim.importState(orphan);
        try {
            JsonNode note = new Http(sim.baseUrl(), ForgedStateWorld.ADMIN_ONE).get(Http.account("/contacts/1/notes/1")).json();
            assertThat(note.has("user")).as("no author, no user key").isFalse();
            assertThat(note.get("content").asText()).isEqualTo("Prefers email");
        } finally {
            sim.importState(good);
        }
    }

    /** A bot without a secret (as a version-1 state has them) is valid: shown with "secret": null, exported as it was. */
    @Test
    void aBotWithoutASecretIsValid() {
        ObjectNode unsigned = good.deepCopy();
        row(unsigned, "agent_bots", 0).putNull("secret");
        sim.importState(unsigned);
        try {
            Http admin = new Http(sim.baseUrl(), ForgedStateWorld.ADMIN_ONE);
            JsonNode bot = admin.get(Http.account("/agent_bots/1")).json();
            assertThat(bot.has("secret")).isTrue();
            assertThat(bot.get("secret").isNull()).isTrue();
            assertThat(admin.get(Http.account("/inboxes/1/agent_bot")).json().at("/agent_bot/secret").isNull()).isTrue();
            assertThat(Json.string(sim.exportState())).isEqualTo(Json.string(unsigned));
            assertThat(admin.post(Http.account("/agent_bots/1/reset_secret"), null).json().get("secret").asText()).hasSize(24);
        } finally {
            sim.importState(good);
        }
    }

    @Test
    void anUnusualButValidDocumentServesTheListingsTheProfileAndItsExport() {
        ObjectNode unusual = good.deepCopy();
        long far = Sequence.MAX_ID - 10;
        ((ObjectNode) unusual.get("sequences")).put("contact", far);
        ((ObjectNode) unusual.get("sequences")).put("message", Sequence.MAX_ID - 100);
        ((ObjectNode) unusual.get("display_ids")).put("1", far);
        unusual.put("clock", "9999-12-31T23:59:59Z");
        ObjectNode alice = row(unusual, "contacts", 0);
        alice.putNull("name");
        alice.putNull("phone_number");
        alice.set("custom_attributes", NODES.objectNode().set("deep", NODES.arrayNode().add(NODES.objectNode().put("ü", "✓"))));
        ObjectNode conversation = row(unusual, "conversations", 0);
        conversation.putNull("priority");
        conversation.putArray("labels").add("ünïcödé").add("");
        conversation.put("display_id", far);
        row(unusual, "messages", 0).putNull("content");
        row(unusual, "inboxes", 0).put("name", "").put("timezone", "Pacific/Chatham");
        row(unusual, "webhooks", 0).put("inbox_id", 424242);
        sim.importState(unusual);
        try {
            Http admin = new Http(sim.baseUrl(), ForgedStateWorld.ADMIN_ONE);
            for (String path : List.of("/api/v1/profile", Http.account("/contacts"), Http.account("/conversations?status=all"),
                    Http.account("/conversations/" + far + "/messages"), Http.account("/inboxes"), Http.account("/webhooks"))) {
                Http.Result read = admin.get(path);
                assertThat(read.status()).as(path + " " + read).isEqualTo(200);
            }
            assertThat(admin.get(Http.account("/conversations/" + far)).json().get("labels"))
                    .extracting(JsonNode::asText).containsExactly("ünïcödé", "");
            assertThat(Json.string(sim.exportState())).isEqualTo(Json.string(unusual));
            Http.Result created = admin.post(Http.account("/contacts"), "{\"name\":\"After\"}");
            assertThat(created.json().at("/payload/contact/id").asLong()).as(created.toString()).isEqualTo(far + 1);
            assertThat(admin.post(Http.account("/conversations/" + far + "/messages"), "{\"content\":\"at the end of time\"}")
                    .json().get("id").asLong()).isEqualTo(Sequence.MAX_ID - 99);
            // Saves after the first in one instant are a microsecond apart (Rails' successive saves): still loadable.
            for (int i = 0; i < 3; i++) {
                assertThat(admin.post(Http.account("/conversations/" + far + "/toggle_status"), "{}").status()).isEqualTo(200);
            }
            assertThat(sim.clock().now()).as("writes stop the clock at its last instant").hasToString("9999-12-31T23:59:59Z");
            ObjectNode after = sim.exportState();
            sim.importState(after);
            assertThat(Json.string(sim.exportState())).isEqualTo(Json.string(after));
        } finally {
            sim.importState(good);
        }
    }

    @Test
    void idsEndAtTheLargestAStateHoldsAndAWritePastItChangesNothing() {
        ObjectNode full = good.deepCopy();
        ((ObjectNode) full.get("sequences")).put("contact", Sequence.MAX_ID);
        sim.importState(full);
        try {
            assertThatThrownBy(() -> SimulatorAccess.store(sim).write(tx -> tx.nextId(Sequence.CONTACT)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no ids left: sequences.contact reached 9007199254740991, the largest id the simulator gives");
            assertThat(Json.string(sim.exportState())).isEqualTo(Json.string(full));
        } finally {
            sim.importState(good);
        }
    }

    /** null: refused as it should be; "": accepted and served; otherwise what failed. */
    private static String attempt(ObjectNode forged, long account) {
        try {
            sim.importState(forged);
        } catch (InvalidEntryException e) {
            assertThat(Json.string(sim.exportState())).as("a refused import changed the state: " + e.getMessage())
                    .isEqualTo(goodText);
            Matcher row = ROW.matcher(e.pointer());
            assertThat(e.pointer()).as(e.getMessage()).isNotEmpty();
            if (row.find() && good.get(row.group(1)).isArray()) {
                assertThat(e.getMessage()).startsWith(row.group(1) + "[" + row.group(2) + "]");
            }
            return null;
        } catch (RuntimeException e) {
            return "import threw " + e;
        }
        try {
            Set<String> broken = new LinkedHashSet<>();
            for (ForgedStateWorld.Read read : reads) {
                if (account != 0 && read.account() != 0 && read.account() != account) {
                    continue; // a forged row changes what its own account shows (a forged reference is refused)
                }
                Http.Result result = new Http(sim.baseUrl(), read.token()).get(read.path());
                if (result.status() >= 500) {
                    broken.add("GET " + read.path() + " → " + result);
                }
            }
            ObjectNode exported;
            try {
                exported = sim.exportState();
                sim.importState(exported);
            } catch (RuntimeException e) {
                broken.add("export and import again: " + e);
                return String.join("; ", broken);
            }
            broken.addAll(ForgedStateMutations.writes(sim, exported, account));
            return String.join("; ", broken);
        } finally {
            sim.importState(good);
        }
    }

    private static void assertRefused(Consumer<ObjectNode> forge, String pointer, String message) {
        ObjectNode forged = good.deepCopy();
        forge.accept(forged);
        assertThatThrownBy(() -> sim.importState(forged)).isInstanceOfSatisfying(InvalidEntryException.class, e -> {
            assertThat(e.pointer()).as(e.getMessage()).isEqualTo(pointer);
            assertThat(e.getMessage()).contains(message);
        });
        assertThat(Json.string(sim.exportState())).isEqualTo(goodText);
    }

    static ObjectNode row(JsonNode doc, String table, int index) {
        return (ObjectNode) doc.get(table).get(index);
    }

    private static int indexWhere(JsonNode doc, String table, java.util.function.Predicate<JsonNode> test) {
        ArrayNode rows = (ArrayNode) doc.get(table);
        for (int i = 0; i < rows.size(); i++) {
            if (test.test(rows.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such row in " + table);
    }

    /**
     * One forged document: what it changes, and the change. {@code text}: the forged value is a string,
     * which the API shows as written — off the wire contract's token and uuid patterns, as the forger chose.
 * {@code account}: whose reads and writes it can change (0: any).
     */
    record Forgery(String name, boolean text, long account, Consumer<ObjectNode> apply) {
    }
}
