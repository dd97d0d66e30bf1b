package com.bevatel.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.AgentBotSetup;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Availability;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.User;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A damaged state document is refused whole, naming the entry (JSON Pointer and words); nothing changes. */
class StateCodecTest {
    private static BevatelSimulator sim;
    private static Http http;
    private static ObjectNode good;

    @BeforeAll
    static void start() {
        sim = BevatelSimulator.builder().agent("Sam Agent", "sam@acme.test", "sam-token").start();
        http = new Http(sim);
        http.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Alice\",\"email\":\"a@example.com\"}");
        http.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1}");
        http.post(Http.account("/conversations/1/messages"), "{\"content\":\"hi\",\"message_type\":\"incoming\"}");
        http.post(Http.account("/contacts/1/notes"), "{\"content\":\"Prefers email\"}");
        http.post(Http.account("/conversations/1/participants"), "{\"user_ids\":[2]}");
        http.post(Http.account("/conversations/1/transcript"), "{\"email\":\"boss@example.com\"}");
        good = sim.exportState();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void writesEveryTableOfTheState() {
        for (Field field : State.class.getFields()) {
            if (field.getType() == Table.class && !Modifier.isStatic(field.getModifiers())) {
                String name = field.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
                assertThat(good.get(name)).as("table %s in the document", name).isNotNull();
                assertThat(good.get(name).isArray()).isTrue();
            }
        }
        for (Field field : State.class.getFields()) {
            if (field.getType() == RowSet.class) {
                String name = field.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
                assertThat(good.get(name)).as("memberships %s in the document, by parent", name).isNotNull();
                assertThat(good.get(name).isObject()).isTrue();
            }
        }
        assertThat(good.get("inbox_members").has("1")).as("Sam is a member of inbox 1").isTrue();
    }

    @Test
    void aLoadedStateHasItsIndexesInStepWithItsRows() {
        State loaded = new State(new com.bevatel.simulator.seed.SeededRandom(1),
                new com.bevatel.simulator.time.SimulatedClock(java.time.Instant.EPOCH, java.time.Duration.ofSeconds(1)));
        StateCodec.read(good, loaded);
        loaded.checkInvariants();
        assertThat(loaded.membersOfInbox.of(1)).containsExactly(2L);
        assertThat(loaded.contactByEmail.find(new State.AccountKey(1, "a@example.com"))).contains(1L);
        assertThat(loaded.messagesOfConversation.of(1)).hasSize(1);
    }

    @Test
    void refusesWhatIsNotAStateDocument() {
        assertRefused(Json.text("hello"), "", "a state document is a JSON object");
        assertRefused(changed(doc -> doc.put("format", "something-else")), "/format", "not a simulator state");
        assertRefused(changed(doc -> doc.put("version", 4)), "/version",
                "unsupported version 4 (this simulator reads versions 1 to 3)");
        assertRefused(changed(doc -> doc.put("version", 0)), "/version", "unsupported version 0");
        assertRefused(changed(doc -> doc.put("version", "2")), "/version", "unsupported version \"2\"");
        assertRefused(changed(doc -> doc.remove("agent_bot_inboxes")), "/agent_bot_inboxes",
                "agent_bot_inboxes must be an array");
        assertRefused(changed(doc -> doc.remove("custom_attribute_definitions")), "/custom_attribute_definitions",
                "custom_attribute_definitions must be an array");
        assertRefused(changed(doc -> ((ObjectNode) doc.get("sequences")).remove("custom_attribute_definition")),
                "/sequences/custom_attribute_definition", "sequences.custom_attribute_definition must be an integer");
        assertRefused(changed(doc -> doc.remove("conversation_participants")), "/conversation_participants",
                "conversation_participants must be an array");
        assertRefused(changed(doc -> ((ObjectNode) doc.get("sequences")).remove("transcript_request")),
                "/sequences/transcript_request", "sequences.transcript_request must be an integer");
        assertRefused(changed(doc -> doc.put("extra", 1)), "/extra", "unknown field extra");
        assertRefused(changed(doc -> doc.remove("messages")), "/messages", "messages must be an array");
        assertRefused(changed(doc -> doc.remove("notes")), "/notes", "notes must be an array");
        assertRefused(changed(doc -> ((ObjectNode) doc.get("sequences")).remove("note")), "/sequences/note",
                "sequences.note must be an integer");
        assertRefused(changed(doc -> doc.put("clock", "yesterday")), "/clock", "clock must be an ISO-8601 instant");
        assertRefused(changed(doc -> ((ObjectNode) doc.get("sequences")).remove("message")), "/sequences/message",
                "sequences.message must be an integer");
    }

    /**
     * A version-1 document (before agent_bot_inboxes, bot secrets and bot_config): still read, as bots
     * that serve no inbox and sign nothing; a conversation keeps its bot assignee; written back as the current version.
     */
    @Test
    void readsAVersionOneDocumentWithoutBotAttachmentsSecretsOrConfig() {
        try (BevatelSimulator withBot = BevatelSimulator.builder().agentBot(AgentBotSetup.named("Echo").servingApiInbox())
                .start()) {
            new Http(withBot).openConversation("Alice");
            ObjectNode v1 = withBot.exportState();
            assertThat(v1.get("version").asInt()).isEqualTo(3);
            assertThat(v1.get("agent_bot_inboxes")).hasSize(1);
            v1.put("version", 1);
            v1.remove(List.of("agent_bot_inboxes", "custom_attribute_definitions", "notes", "conversation_participants",
                    "transcript_requests"));
            ((ObjectNode) v1.get("sequences")).remove(List.of("custom_attribute_definition", "note", "conversation_participant",
                    "transcript_request"));
            v1.get("agent_bots").forEach(bot -> ((ObjectNode) bot).remove(List.of("secret", "bot_config")));

            State loaded = fresh();
            StateCodec.read(v1, loaded);
            loaded.checkInvariants();
            AgentBot bot = loaded.agentBots.get(1);
            assertThat(bot.name()).isEqualTo("Echo");
            assertThat(bot.secret()).isNull();
            assertThat(bot.botConfig()).isEqualTo(JsonBag.EMPTY);
            assertThat(loaded.agentBotInboxes.all()).isEmpty();
            assertThat(loaded.conversations.get(1).assigneeBotId()).isEqualTo(1L);

            withBot.importState(v1);
            ObjectNode again = withBot.exportState();
            assertThat(again.get("version").asInt()).isEqualTo(3);
            assertThat(again.get("agent_bot_inboxes")).isEmpty();
            assertThat(again.at("/agent_bots/0/secret").isNull()).isTrue();
            assertThat(new Http(withBot).get(Http.account("/inboxes/1/agent_bot")).body()).isEqualTo("{}");
        }
    }

    /**
     * A version-2 document (before custom attribute definitions, table and sequence): read as none, the
     * ids of new definitions starting at 1; written back as version 3. Its table, present, is ignored.
     */
    @Test
    void readsAVersionTwoDocumentWithoutCustomAttributeDefinitions() {
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http admin = new Http(sim);
            String plan = "{\"attribute_display_name\":\"Plan\",\"attribute_key\":\"plan\"}";
            Http.ok(admin.post(Http.account("/custom_attribute_definitions"), plan));
            ObjectNode v2 = sim.exportState();
            assertThat(v2.get("custom_attribute_definitions")).hasSize(1);
            assertThat(v2.at("/sequences/custom_attribute_definition").asLong()).isEqualTo(1);
            v2.put("version", 2);
            ((ObjectNode) v2.get("sequences")).remove("custom_attribute_definition");

            sim.importState(v2);
            ObjectNode again = sim.exportState();
            assertThat(again.get("version").asInt()).isEqualTo(3);
            assertThat(again.get("custom_attribute_definitions")).isEmpty();
            assertThat(Http.ok(admin.post(Http.account("/custom_attribute_definitions"), plan)).get("id").asLong()).isEqualTo(1);
            v2.remove("custom_attribute_definitions");
            sim.importState(v2);
            assertThat(admin.get(Http.account("/custom_attribute_definitions")).body()).isEqualTo("[]");
        }
    }

    /**
     * A version-2 document (before labels, canned responses and team icons): still read, as an account
     * without labels nor canned responses whose teams have no icon; written back as version 3.
     */
    @Test
    void readsAVersionTwoDocumentWithoutLabelsCannedResponsesOrTeamIcons() {
        try (BevatelSimulator withTeam = BevatelSimulator.builder().agent("Sam Agent", "sam@acme.test", "sam-token")
                .team("Support", "Sam Agent").start()) {
            Http admin = new Http(withTeam);
            admin.post(Http.account("/labels"), "{\"title\":\"vip\"}");
            admin.post(Http.account("/canned_responses"), "{\"short_code\":\"hi\",\"content\":\"Hello!\"}");
            ObjectNode v2 = withTeam.exportState();
            v2.put("version", 2);
            v2.remove(List.of("labels", "canned_responses"));
            ((ObjectNode) v2.get("sequences")).remove(List.of("label", "canned_response"));
            v2.get("teams").forEach(team -> ((ObjectNode) team).remove(List.of("icon", "icon_color")));

            State loaded = fresh();
            StateCodec.read(v2, loaded);
            loaded.checkInvariants();
            assertThat(loaded.teams.get(1).icon()).isEmpty();
            assertThat(loaded.teams.get(1).iconColor()).isEmpty();
            assertThat(loaded.labels.all()).isEmpty();
            assertThat(loaded.cannedResponses.all()).isEmpty();

            withTeam.importState(v2);
            ObjectNode again = withTeam.exportState();
            assertThat(again.get("version").asInt()).isEqualTo(3);
            assertThat(again.at("/teams/0/icon").asText()).isEmpty();
            assertThat(admin.get(Http.account("/labels")).body()).isEqualTo("{\"payload\":[]}");
            assertThat(admin.post(Http.account("/labels"), "{\"title\":\"vip\"}").json().get("id").asLong())
                    .as("the label sequence starts again").isEqualTo(1);
        }
    }

    /**
     * A version-2 document's users have none of the profile and availability fields: read as the seeded
     * users are (confirmed, online, auto-offline, no inviter, signature or settings), written back as version 3.
     */
    @Test
    void readsAVersionTwoDocumentsUsersWithChatwootsDefaults() {
        ObjectNode v2 = good.deepCopy();
        v2.put("version", 2);
        v2.get("users").forEach(user -> ((ObjectNode) user).remove(List.of("confirmed", "availability", "auto_offline",
                "inviter_id", "message_signature", "ui_settings", "custom_attributes")));
        State loaded = fresh();
        StateCodec.read(v2, loaded);
        loaded.checkInvariants();
        User sam = loaded.users.get(2);
        assertThat(sam.confirmed()).isTrue();
        assertThat(sam.availability()).isEqualTo(Availability.ONLINE);
        assertThat(sam.autoOffline()).isTrue();
        assertThat(sam.inviterId()).isNull();
        assertThat(sam.messageSignature()).isNull();
        assertThat(sam.uiSettings()).isEqualTo(JsonBag.EMPTY);
        assertThat(sam.customAttributes()).isEqualTo(JsonBag.EMPTY);
        assertRefused(changed(doc -> row(doc, "users", 1).remove("availability")), "/users/1/availability",
                "users[1]: availability: is missing");
        assertRefused(changed(doc -> row(doc, "users", 1).put("availability", "away")), "/users/1/availability",
                "cannot read away as Availability");
        assertRefused(changed(doc -> row(doc, "users", 1).put("inviter_id", 99)), "/users/1/inviter_id",
                "users[1] (id 2): inviter_id 99 does not exist");
    }

    /** A version-2 document had no notes (neither the table nor its sequence): read as none; written back as version 3. */
    @Test
    void readsAVersionTwoDocumentWithoutNotes() {
        ObjectNode v2 = changed(doc -> {
            doc.put("version", 2);
            doc.remove("notes");
            ((ObjectNode) doc.get("sequences")).remove("note");
        });
        State loaded = fresh();
        StateCodec.read(v2, loaded);
        loaded.checkInvariants();
        assertThat(loaded.notes.all()).isEmpty();
        assertThat(loaded.contacts.get(1).name()).isEqualTo("Alice");
        try (BevatelSimulator fromV2 = BevatelSimulator.builder().initialState(v2).start()) {
            Http again = new Http(fromV2);
            assertThat(Http.ok(again.post(Http.account("/contacts/1/notes"), "{\"content\":\"new\"}")).get("id").asLong())
                    .as("the note sequence starts afresh").isEqualTo(1);
            assertThat(fromV2.exportState().get("version").asInt()).isEqualTo(3);
        }
    }

    /**
     * A version-2 document (before conversation_participants, transcript_requests and their sequences): read
     * as having none; written back as version 3, the new sequences counting from 1.
     */
    @Test
    void readsAVersionTwoDocumentWithoutParticipantsOrTranscripts() {
        try (BevatelSimulator sim = BevatelSimulator.builder().agent("Sam Agent", "sam@acme.test", null).start()) {
            long conversation = new Http(sim).openConversation("Alice");
            String participants = Http.account("/conversations/" + conversation + "/participants");
            ObjectNode v2 = sim.exportState();
            v2.put("version", 2);
            v2.remove(List.of("conversation_participants", "transcript_requests"));
            ((ObjectNode) v2.get("sequences")).remove(List.of("conversation_participant", "transcript_request"));

            sim.importState(v2);
            assertThat(new Http(sim).get(participants).body()).isEqualTo("[]");
            assertThat(new Http(sim).post(participants, "{\"user_ids\":[1]}").status()).isEqualTo(200);
            ObjectNode again = sim.exportState();
            assertThat(again.get("version").asInt()).isEqualTo(3);
            assertThat(again.at("/conversation_participants/0/id").asLong()).isEqualTo(1);
            assertThat(again.at("/sequences/conversation_participant").asLong()).isEqualTo(1);
            assertThat(again.at("/sequences/transcript_request").asLong()).isZero();
        }
    }

    @Test
    void namesTheFieldOfARowThatCannotBeRead() {
        assertRefused(changed(doc -> row(doc, "contacts", 0).put("created_at", "soon")), "/contacts/0/created_at",
                "contacts[0]: created_at: cannot read soon as Instant");
        assertRefused(changed(doc -> row(doc, "contacts", 0).put("nickname", "Al")), "/contacts/0/nickname",
                "contacts[0]: nickname: unknown field");
        assertRefused(changed(doc -> row(doc, "messages", 0).remove("content")), "/messages/0/content",
                "messages[0]: content: is missing");
        assertRefused(changed(doc -> row(doc, "conversations", 0).put("status", "closed")), "/conversations/0/status",
                "conversations[0]: status: cannot read closed as ConversationStatus");
    }

    @Test
    void refusesBrokenReferencesDuplicatesAndIdsBeyondTheirSequence() {
        assertRefused(changed(doc -> row(doc, "messages", 0).put("conversation_id", 99)), "/messages/0/conversation_id",
                "messages[0] (id 1): conversation_id 99 does not exist");
        assertRefused(changed(doc -> ((ArrayNode) doc.get("messages")).add(row(doc, "messages", 0).deepCopy())),
                "/messages/1", "messages[1] (id 1): id used twice");
        assertRefused(changed(doc -> row(doc, "contacts", 0).put("id", 5)), "/contacts/0",
                "contacts[0] (id 5): id is beyond sequences.contact (1)");
        assertRefused(changed(doc -> row(doc, "users", 1).put("access_token", row(doc, "users", 0).get("access_token").asText())),
                "/users/1/access_token", "users[1] (id 2): access_token is blank or already used");
        assertRefused(changed(doc -> row(doc, "conversations", 0).put("display_id", 7)), "/conversations/0/display_id",
                "display_id 7 is beyond display_ids.1");
        assertRefused(changed(doc -> ((ObjectNode) doc.get("inbox_members")).putArray("1").add(42)), "/inbox_members/1/0",
                "user 42 does not exist");
        assertRefused(changed(doc -> row(doc, "notes", 0).put("contact_id", 99)), "/notes/0/contact_id",
                "notes[0] (id 1): contact_id 99 does not exist");
        assertRefused(changed(doc -> row(doc, "notes", 0).put("user_id", 42)), "/notes/0/user_id",
                "notes[0] (id 1): user_id 42 does not exist");
        assertRefused(changed(doc -> row(doc, "notes", 0).putNull("content")), "/notes/0/content",
                "notes[0] (id 1): content must not be null");
        assertRefused(changed(doc -> row(doc, "notes", 0).put("id", 2)), "/notes/0",
                "notes[0] (id 2): id is beyond sequences.note (1)");
        assertRefused(changed(doc -> row(doc, "conversation_participants", 0).put("user_id", 42)),
                "/conversation_participants/0/user_id", "conversation_participants[0] (id 1): user_id 42 does not exist");
        assertRefused(changed(doc -> ((ArrayNode) doc.get("conversation_participants"))
                        .add(row(doc, "conversation_participants", 0).deepCopy().put("id", 2))),
                "/conversation_participants/1", "id is beyond sequences.conversation_participant (1)");
        assertRefused(changed(doc -> {
            ((ObjectNode) doc.get("sequences")).put("conversation_participant", 2);
            ((ArrayNode) doc.get("conversation_participants")).add(row(doc, "conversation_participants", 0).deepCopy().put("id", 2));
        }), "/conversation_participants/1/user_id", "user_id 2 already takes part in conversation 1");
        assertRefused(changed(doc -> row(doc, "transcript_requests", 0).put("account_id", 2)),
                "/transcript_requests/0/account_id", "account_id 2 is not its conversation's account 1");
        assertRefused(changed(doc -> row(doc, "transcript_requests", 0).putNull("email")),
                "/transcript_requests/0/email", "email must not be null");
    }

    @Test
    void aRefusedImportChangesNothing() {
        String before = http.get(Http.account("/conversations/1/messages")).body();
        assertThatThrownBy(() -> sim.importState(changed(doc -> row(doc, "messages", 0).put("conversation_id", 99))))
                .isInstanceOf(InvalidEntryException.class);
        assertThat(http.get(Http.account("/conversations/1/messages")).body()).isEqualTo(before);
        assertThat(Json.string(sim.exportState())).isEqualTo(Json.string(good));
        SimulatorAccess.store(sim).read(state -> {
            state.checkInvariants();
            return null;
        });
    }

    @Test
    void aSimulatorGivenABrokenStateDoesNotStart() {
        ObjectNode broken = changed(doc -> row(doc, "messages", 0).put("conversation_id", 99));
        assertThatThrownBy(() -> BevatelSimulator.builder().initialState(broken).start())
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("conversation_id 99");
    }

    private static State fresh() {
        return new State(new com.bevatel.simulator.seed.SeededRandom(1),
                new com.bevatel.simulator.time.SimulatedClock(java.time.Instant.EPOCH, java.time.Duration.ofSeconds(1)));
    }

    private static ObjectNode changed(Consumer<ObjectNode> change) {
        ObjectNode copy = good.deepCopy();
        change.accept(copy);
        return copy;
    }

    private static ObjectNode row(ObjectNode doc, String table, int index) {
        return (ObjectNode) doc.get(table).get(index);
    }

    private static void assertRefused(com.fasterxml.jackson.databind.JsonNode doc, String pointer, String message) {
        assertThatThrownBy(() -> StateCodec.read(doc, new State(new com.bevatel.simulator.seed.SeededRandom(1),
                new com.bevatel.simulator.time.SimulatedClock(java.time.Instant.EPOCH, java.time.Duration.ofSeconds(1)))))
                .isInstanceOfSatisfying(InvalidEntryException.class, e -> {
                    assertThat(e.pointer()).as(e.getMessage()).isEqualTo(pointer);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
