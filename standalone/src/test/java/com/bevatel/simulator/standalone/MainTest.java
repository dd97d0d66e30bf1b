package com.bevatel.simulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, in-process: flags reach the simulator, fixtures and state files load or refuse, stop is clean. */
class MainTest {
    private static final Path EXAMPLE = Path.of("examples/fixtures.yaml");

    @TempDir
    Path dir;

    @Test
    void startsWithTheGivenFlagsPrintsTheBannerAndStops() throws Exception {
        InProcessMain main = new InProcessMain("--port", "0", "--access-token", "T", "--seed", "7", "--agent", "Sam Agent:sam@acme.test:sam-token",
                "--team", "Support:Sam Agent", "--agent-bot", "Helper Bot:bot-token", "--clock-step", "250ms",
                "--agent-bot-retry-wait", "10ms", "--keep-pending-on-bot-failure",
                "--start-time", "2030-05-01T00:00:00Z");
        assertThat(main.output()).contains("api_access_token  T").contains("API inbox id      1")
                .contains("account id        1").contains("seed              7").contains("admin API         " + main.base + "/_simulator/")
                .contains("agent bot 1       Helper Bot, token bot-token" + System.lineSeparator());
        Client.Result profile = new Client(main.base, "T").get("/api/v1/profile");
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body()).startsWith("{\"access_token\":\"T\",\"account_id\":1,");
        assertThat(new Client(main.base, "sam-token").get("/api/v1/profile").json().get("name").asText()).isEqualTo("Sam Agent");
        Client api = new Client(main.base, "T");
        api.post("/api/v1/accounts/1/contacts", "{\"name\":\"Alice\"}");
        assertThat(api.get("/_simulator/clock").json().get("now").asText()).isEqualTo("2030-05-01T00:00:00.250Z");
        assertThat(main.stop()).isZero();
    }

    @Test
    void agentBotFlagsGiveEachBotItsUrlOrSinkAndOneTheApiInbox() throws Exception {
        InProcessMain main = new InProcessMain("--port", "0", "--access-token", "T",
                "--agent-bot", "Echo Bot:echo-token", "--agent-bot-sink", "Echo Bot=bot", "--agent-bot-inbox", "Echo Bot",
                "--agent-bot", "Hook Bot", "--agent-bot-url", "Hook Bot=http://127.0.0.1:9/bot", "--agent-bot", "Quiet Bot");
        assertThat(main.output()).contains("  agent bot 1       Echo Bot, token echo-token, events to " + main.base
                + "/_simulator/sink/bot, serves the API inbox" + System.lineSeparator())
                .containsPattern("  agent bot 2       Hook Bot, token \\S+, events to http://127.0.0.1:9/bot" + System.lineSeparator())
                .containsPattern("  agent bot 3       Quiet Bot, token \\S+" + System.lineSeparator());
        Client admin = new Client(main.base, "T");
        JsonNode bots = admin.get("/api/v1/accounts/1/agent_bots").json();
        assertThat(bots.findValuesAsText("name")).containsExactly("Echo Bot", "Hook Bot", "Quiet Bot");
        assertThat(bots.get(0).get("outgoing_url").asText()).isEqualTo(main.base + "/_simulator/sink/bot");
        assertThat(bots.get(1).get("outgoing_url").asText()).isEqualTo("http://127.0.0.1:9/bot");
        assertThat(bots.get(2).get("outgoing_url").isNull()).isTrue();
        assertThat(admin.get("/api/v1/accounts/1/inboxes/1/agent_bot").json().at("/agent_bot/name").asText()).isEqualTo("Echo Bot");
        admin.post("/api/v1/accounts/1/contacts", "{\"inbox_id\":1,\"name\":\"Alice\"}");
        JsonNode conversation = admin.post("/api/v1/accounts/1/conversations", "{\"inbox_id\":1,\"contact_id\":1}").json();
        assertThat(conversation.get("status").asText()).as("the bot's from the start").isEqualTo("pending");
        assertThat(conversation.at("/meta/assignee/name").asText()).isEqualTo("Echo Bot");
        Client echo = new Client(main.base, "echo-token");
        assertThat(echo.post("/api/v1/accounts/1/conversations/1/messages", "{\"content\":\"Echo here\"}").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/accounts/1/conversations/1/messages").json().at("/payload/0/sender/type").asText())
                .isEqualTo("agent_bot");
        assertThat(main.stop()).isZero();
    }

    @Test
    void agentBotFlagsThatDoNotFitAreRefusedBeforeTheStart() {
        assertThat(refuse("--agent-bot", "Echo", "--agent-bot-url", "Ghost=http://127.0.0.1:9/bot").err.trim()).isEqualTo(
                "bevatel-simulator: --agent-bot-url names 'Ghost', but no --agent-bot has that name (the bots: Echo)");
        assertThat(refuse("--agent-bot-inbox", "Ghost").err.trim())
                .isEqualTo("bevatel-simulator: --agent-bot-inbox names 'Ghost', but no --agent-bot has that name");
        Refusal both = refuse("--agent-bot", "Echo", "--agent-bot-url", "Echo=http://127.0.0.1:9/bot", "--agent-bot-sink", "Echo=bot");
        assertThat(both.exit).isEqualTo(2);
        assertThat(both.err.trim()).isEqualTo("bevatel-simulator: agent bot 'Echo' gets an outgoing URL or a built-in sink,"
                + " not both (--agent-bot-url / --agent-bot-sink)");
        assertThat(refuse("--agent-bot", "Echo", "--agent-bot-url", "Echo").err)
                .contains("--agent-bot-url takes NAME=URL, not 'Echo'");
        assertThat(refuse("--agent-bot", "Echo", "--agent-bot-url", "Echo=ftp://x/bot").err)
                .contains("--agent-bot-url 'Echo=ftp://x/bot': not an absolute http:// or https:// URL");
        assertThat(refuse("--agent-bot", "Echo", "--agent-bot-sink", "Echo=a", "--agent-bot-sink", "Echo=b").err)
                .contains("--agent-bot-sink names 'Echo' twice; a bot has one");
        assertThat(refuse("--agent-bot", "Echo", "--agent-bot", "Echo:t").err)
                .contains("--agent-bot 'Echo' is given twice; each bot needs a name of its own");
        Refusal twoForTheInbox = refuse("--agent-bot", "A", "--agent-bot", "B", "--agent-bot-inbox", "A", "--agent-bot-inbox", "B");
        assertThat(twoForTheInbox.exit).isEqualTo(2);
        assertThat(twoForTheInbox.err).contains("--agent-bot-inbox").contains("should be specified only once");
    }

    @Test
    void fixturesAndStateSurviveARestart() throws Exception {
        Path state = dir.resolve("state.json");
        String[] args = {"--port", "0", "--access-token", "T", "--fixtures", EXAMPLE.toString(), "--state", state.toString(),
                "--admin-token", "A"};
        InProcessMain first = new InProcessMain(args);
        assertThat(first.output()).contains("state file        " + state.toAbsolutePath() + " (new)")
                .contains("(admin token required)");
        Client alice = new Client(first.base, "alice-token");
        assertThat(alice.post("/api/v1/accounts/1/conversations/1/messages", "{\"content\":\"Refund sent\"}").status())
                .isEqualTo(200);
        Client admin = new Client(first.base, "T").withAdminToken("A");
        Client.Result saved = admin.post("/_simulator/state/save", null);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("saved").asText()).isEqualTo(state.toAbsolutePath().toString());
        alice.post("/api/v1/accounts/1/conversations/1/messages", "{\"content\":\"And a coupon\"}");
        List<String> reads = List.of("/api/v1/accounts/1/conversations/1/messages", "/api/v1/accounts/1/conversations/1",
                "/api/v1/accounts/1/contacts", "/api/v1/accounts/1/conversations?status=all");
        List<String> before = reads.stream().map(path -> alice.get(path).body().replace(first.base.toString(), "BASE")).toList();
        assertThat(first.stop()).isZero();
        assertThat(first.output()).contains("State saved to " + state.toAbsolutePath());

        InProcessMain second = new InProcessMain(args);
        assertThat(second.output()).contains("(loaded)");
        Client again = new Client(second.base, "alice-token");
        assertThat(reads.stream().map(path -> again.get(path).body().replace(second.base.toString(), "BASE")).toList())
                .isEqualTo(before);
        Client secondAdmin = new Client(second.base, "T").withAdminToken("A");
        assertThat(secondAdmin.post("/_simulator/reset", null).status()).isEqualTo(200);
        assertThat(again.get("/api/v1/accounts/1/conversations/1/messages").json().get("payload"))
                .as("reset returns to the fixtures").hasSize(3);
        assertThat(second.stop()).isZero();
    }

    @Test
    void aBadFixturesFileStopsTheStartWithItsLineAndFreesThePort() throws Exception {
        Path fixtures = Files.writeString(dir.resolve("bad.yaml"), "contacts:\n  - name: Eve\n    email: nope\n");
        int port = freePort();
        Refusal refusal = refuse("--port", String.valueOf(port), "--fixtures", fixtures.toString());
        assertThat(refusal.exit).isEqualTo(1);
        assertThat(refusal.err).contains("cannot start: " + fixtures + ":2: contacts[0]: Email Invalid email");
        assertThat(refusal.out).doesNotContain("listening");
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("nothing listens").isInstanceOf(IOException.class);
    }

    @Test
    void aCorruptStateFileStopsTheStart() throws Exception {
        Path state = Files.writeString(dir.resolve("state.json"), "{\"format\":\"bevatel-simulator-state\",\"version\":1,");
        Refusal refusal = refuse("--port", "0", "--state", state.toString());
        assertThat(refusal.exit).isEqualTo(1);
        assertThat(refusal.err).contains("cannot start: " + state.toAbsolutePath() + ": line 1").contains("move it away");
        assertThat(Files.readString(state)).as("left as it was").endsWith("\"version\":1,");
    }

    @Test
    void aTakenPortIsNamedWithTheFlagsThatHelp() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThat(refuse("--port", String.valueOf(port))).isEqualTo(new Refusal(1, "", "bevatel-simulator: cannot start: port "
                    + port + " on 127.0.0.1 is in use; pass --port 0 for a free one or --port N" + System.lineSeparator()));
        }
    }

    @Test
    void otherStartProblemsSayWhatToPass() throws IOException {
        String nl = System.lineSeparator();
        // 192.0.2.0/24 is reserved for documentation (RFC 5737): no machine has it.
        assertThat(refuse("--port", "0", "--host", "192.0.2.1")).isEqualTo(new Refusal(1, "", "bevatel-simulator: cannot start:"
                + " host 192.0.2.1 is not an address of this machine; pass --host 127.0.0.1 (this machine only), --host 0.0.0.0"
                + " (every interface) or an address of this machine" + nl));
        assertThat(refuse("--port", "70000")).isEqualTo(new Refusal(2, "", "bevatel-simulator: --port 70000 is out of range;"
                + " pass --port 0 for a free one or --port N with N from 1 to 65535" + nl));
        assertThat(refuse("--port", "0", "--state", dir.toString())).isEqualTo(new Refusal(1, "", "bevatel-simulator: cannot start: "
                + dir.toAbsolutePath() + ": a directory, not a state file; pass --state with a file's path (the file is created on"
                + " shutdown when missing)" + nl));
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");
        Path underAFile = file.resolve("saved/state.json");
        assertThat(refuse("--port", "0", "--state", underAFile.toString())).isEqualTo(new Refusal(1, "", "bevatel-simulator:"
                + " cannot start: " + underAFile.toAbsolutePath() + ": " + file.toAbsolutePath() + " is a file, not a directory;"
                + " pass --state with a path in a directory" + nl));
        assertThat(refuse("--port", "0", "--fixtures", dir.toString())).isEqualTo(new Refusal(1, "", "bevatel-simulator: cannot"
                + " start: " + dir + ": a directory, not a fixtures file; pass --fixtures with a JSON or YAML file" + nl));
    }

    @Test
    void helpListsEveryOptionAndMistakesGetUsage() {
        Refusal help = refuse("--help");
        assertThat(help.exit).isZero();
        for (String flag : List.of("--port", "--host", "--seed", "--start-time", "--clock-step", "--access-token",
                "--webhook-url", "--webhook-sink", "--agent", "--administrator", "--team", "--agent-bot", "--agent-bot-url",
                "--agent-bot-sink", "--agent-bot-inbox", "--agent-bot-retry-wait", "--keep-pending-on-bot-failure", "--fixtures",
                "--state", "--admin-token", "--webhook-timeout", "--webhook-attempts", "--webhook-backoff",
                "--webhook-queue-capacity", "--journal-capacity", "--inbox-events", "--messages-per-minute",
                "--max-request-body-bytes", "--max-attachment-storage-bytes", "--version")) {
            assertThat(help.out).as(flag).contains(flag);
        }
        assertThat(refuse("--version").out).startsWith("bevatel-simulator ");
        Refusal unknown = refuse("--nope");
        assertThat(unknown.exit).isEqualTo(2);
        assertThat(unknown.err).contains("Unknown option: '--nope'").contains("--access-token");
        Refusal badMember = refuse("--port", "0", "--agent", "just-a-name");
        assertThat(badMember.exit).isEqualTo(2);
        assertThat(badMember.err).contains("--agent takes NAME:EMAIL[:TOKEN]");
        assertThat(refuse("--clock-step", "soon").err).contains("'soon' is not a duration");
        Refusal both = refuse("--port", "0", "--webhook-url", "http://127.0.0.1:9/hooks", "--webhook-sink", "hooks");
        assertThat(both.exit).isEqualTo(2);
        assertThat(both.err.trim()).isEqualTo("bevatel-simulator: " + CONFLICT);
    }

    /** The one message every way in gives for a webhook URL and a sink (BevatelSimulator.Builder#options). */
    static final String CONFLICT = "the API inbox gets a webhook URL or a built-in sink, not both"
            + " (apiInboxWebhookUrl / apiInboxWebhookSink; the jar's --webhook-url / --webhook-sink)";

    private record Refusal(int exit, String out, String err) {
    }

    private static Refusal refuse(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Main.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new CountDownLatch(1));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = cli.execute(args);
        return new Refusal(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
