package com.bevatel.simulator.standalone.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.fixture.Fixtures;
import com.bevatel.simulator.standalone.Client;
import com.bevatel.simulator.state.InvalidEntryException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixtures files in YAML and JSON: the shipped example seeds as documented; every kind of mistake names its line. */
class FixturesFileTest {
    static final Path EXAMPLE = Path.of("examples/fixtures.yaml");

    @TempDir
    Path dir;

    @Test
    void theShippedExampleSeedsWhatItSays() {
        Fixtures fixtures = FixturesFile.read(EXAMPLE).fixtures();
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken("T").fixtures(fixtures).start()) {
            Client alice = new Client(sim.baseUrl(), "alice-token");
            JsonNode conversation = alice.get("/api/v1/accounts/1/conversations/1").json();
            assertThat(conversation.get("status").asText()).isEqualTo("open");
            assertThat(conversation.at("/meta/assignee/name").asText()).isEqualTo("Alice Agent");
            assertThat(conversation.at("/meta/team/name").asText()).isEqualTo("billing");
            JsonNode messages = alice.get("/api/v1/accounts/1/conversations/1/messages").json().get("payload");
            assertThat(messages).extracting(m -> m.get("content").asText()).containsExactly(
                    "Hi, I was charged twice for order A-1001.", "Sorry about that, Carla. Checking now.",
                    "Refund approved by finance.");
            assertThat(messages.get(2).get("private").asBoolean()).isTrue();
            Client admin = new Client(sim.baseUrl(), "T");
            assertThat(admin.get("/api/v1/accounts/1/conversations/2").json().get("status").asText()).isEqualTo("resolved");
            assertThat(admin.get("/public/api/v1/inboxes/support-api-inbox").status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/accounts/1/contacts/search?q=crm-42").json().at("/payload/0/id").asLong()).isEqualTo(1);
            assertThat(alice.get("/api/v1/accounts/1/contacts/1/notes").json().at("/0/user/name").asText())
                    .isEqualTo("Alice Agent");
            assertThat(new Client(sim.baseUrl(), "sandbox-token").get("/api/v1/profile").json().get("account_id").asLong())
                    .isEqualTo(2);
            assertThat(admin.get("/api/v1/accounts/1/labels").json().get("payload")).extracting(l -> l.get("title").asText())
                    .containsExactly("billing", "vip");
            assertThat(alice.get("/api/v1/accounts/1/canned_responses?search=refund").json().at("/0/content").asText())
                    .isEqualTo("Hi {{contact.name}}, your refund is on its way.");
            assertThat(admin.get("/api/v1/accounts/1/teams/1").json().get("description").asText()).isEqualTo("Invoices and refunds");
            assertThat(admin.get("/api/v1/accounts/1/custom_attribute_definitions?attribute_model=contact_attribute").json()
                    .at("/0/attribute_values").toString()).isEqualTo("[\"free\",\"pro\",\"enterprise\"]");
            assertThat(admin.post("/api/v1/accounts/1/contacts/filter", "{\"payload\":[{\"attribute_key\":\"plan\","
                    + "\"filter_operator\":\"equal_to\",\"values\":[\"Pro\"]}]}").json().at("/payload/0/name").asText())
                    .as("the defined key filters").isEqualTo("Carla Customer");

            JsonNode bot = admin.get("/api/v1/accounts/1/agent_bots/1").json();
            assertThat(bot.get("name").asText()).isEqualTo("Echo Bot");
            assertThat(bot.get("outgoing_url").asText()).isEqualTo("http://127.0.0.1:8081/bevatel/bot");
            assertThat(bot.get("secret").asText()).isEqualTo("echo-bot-secret");
            assertThat(bot.at("/bot_config/language").asText()).isEqualTo("en");
            assertThat(admin.get("/api/v1/accounts/1/inboxes/2/agent_bot").json().at("/agent_bot/name").asText())
                    .isEqualTo("Echo Bot");
            JsonNode served = new Client(sim.baseUrl(), "echo-bot-token").get("/api/v1/accounts/1/conversations/2").json();
            assertThat(served.at("/meta/assignee/name").asText()).as("its inbox's conversation, with its token")
                    .isEqualTo("Echo Bot");
        }
    }

    @Test
    void jsonWorksTheSameAsYaml() throws IOException {
        Path json = write("world.json", """
                {"contacts": [{"id": 5, "name": "Eve", "contact_inboxes": [{"inbox_id": 1, "source_id": "eve-1"}]}],
                 "conversations": [{"id": 3, "inbox_id": 1, "contact_id": 5, "messages": [{"id": 9, "content": "hello"}]}]}
                """);
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken("T").fixtures(FixturesFile.read(json).fixtures()).start()) {
            JsonNode message = new Client(sim.baseUrl(), "T").get("/api/v1/accounts/1/conversations/3/messages").json()
                    .at("/payload/0");
            assertThat(message.get("id").asLong()).isEqualTo(9);
            assertThat(message.at("/sender/id").asLong()).isEqualTo(5);
        }
    }

    @Test
    void aSyntaxErrorNamesItsLine() throws IOException {
        assertProblem(write("bad.yaml", "contacts:\n  - name: \"Eve\n"), "bad.yaml:", "not valid YAML");
        assertProblem(write("shape.yaml", "contacts:\n  - name: Eve\n    email: [a, b]\n"), "shape.yaml:3:",
                "contacts[0].email: expected a text");
        assertProblem(write("bad.json", "{\"contacts\": [\n  {\"name\": \"Eve\",}\n]}"), "bad.json:2:", "not valid JSON");
    }

    @Test
    void anUnknownFieldOrSectionNamesItsLineAndTheKnownOnes() throws IOException {
        assertProblem(write("typo.yaml", "contacts:\n  - name: Eve\n    emial: eve@example.com\n"), "typo.yaml:3:",
                "contacts[0].emial: unknown field \"emial\" (known: [");
        assertProblem(write("section.yaml", "contact:\n  - name: Eve\n"), "section.yaml:1:", "unknown field \"contact\"");
    }

    @Test
    void aWrongTypeNamesItsLine() throws IOException {
        assertProblem(write("type.yaml", "agents:\n  - name: A\n    email: a@x.test\n    inbox_ids: [one]\n"), "type.yaml:4:",
                "agents[0].inbox_ids[0]: cannot read one as an integer");
        assertProblem(write("list.yaml", "contacts: {name: Eve}\n"), "list.yaml:1:", "contacts: expected a list");
        assertProblem(write("null.yaml", "contacts:\n  -\n"), "null.yaml:", "empty (null) entry");
    }

    @Test
    void anEntryTheSimulatorRefusesIsNamedWithItsLine() throws IOException {
        Path file = write("refused.yaml", """
                contacts:
                  - id: 2
                    name: Eve
                conversations:
                  - inbox_id: 1
                    contact_id: 2
                    messages:
                      - content: fine
                      - content: not fine
                        message_type: shout
                """);
        FixturesFile fixtures = FixturesFile.read(file);
        InvalidEntryException refused = catchRefusal(fixtures.fixtures());
        assertThat(refused.pointer()).isEqualTo("/conversations/0/messages/1");
        assertThat(fixtures.locate(refused).getMessage()).startsWith(file + ":9: conversations[0].messages[1]: ")
                .contains("'shout' is not a valid message_type");

        Path field = write("field.yaml", "agents:\n  - name: A\n    email: a@x.test\n    role: boss\n");
        FixturesFile agents = FixturesFile.read(field);
        assertThat(agents.locate(catchRefusal(agents.fixtures())).getMessage())
                .isEqualTo(field + ":4: agents[0]: role: 'boss' is not one of agent, administrator");

        Path bots = write("bots.yaml", """
                agent_bots:
                  - name: Echo Bot
                    inbox_ids: [1]
                  - name: Other Bot
                    inbox_ids:
                      - 1
                """);
        FixturesFile twoBots = FixturesFile.read(bots);
        assertThat(twoBots.locate(catchRefusal(twoBots.fixtures())).getMessage()).isEqualTo(bots + ":6: agent_bots[1]:"
                + " inbox_ids[0]: inbox 1 is already served by agent bot 1 (Echo Bot); an inbox has one bot");
    }

    @Test
    void aMissingOrEmptyFileIsAProblemToo() throws IOException {
        assertThatThrownBy(() -> FixturesFile.read(dir.resolve("absent.yaml"))).isInstanceOf(FileProblem.class)
                .hasMessageContaining("cannot read the fixtures file");
        assertProblem(write("empty.yaml", ""), "empty.yaml", "the fixtures file is empty");
    }

    private static InvalidEntryException catchRefusal(Fixtures fixtures) {
        try (BevatelSimulator ignored = BevatelSimulator.builder().fixtures(fixtures).start()) {
            throw new AssertionError("the fixtures were accepted");
        } catch (InvalidEntryException e) {
            return e;
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void assertProblem(Path file, String start, String contains) {
        assertThatThrownBy(() -> FixturesFile.read(file).fixtures()).isInstanceOf(FileProblem.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(file.getParent() + "/" + start).contains(contains));
    }
}
