package com.bevatel.simulator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What an attacker on the machine, or a reader of the logs, gets: nothing secret, no port beyond loopback. */
class AccessTest {
    private static final String ADMIN_TOKEN = "log-secret-admin-token";
    private static final String AGENT_TOKEN = "log-secret-agent-token";
    private static final String BOT_TOKEN = "log-secret-bot-token";
    private static final String BODY_SECRET = "log-secret-in-a-body";

    /** Every log record of the run, formatted with its parameters and its exception's full trace. */
    private static final class Capture extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter();
            text.append(record.getLevel().toString()).append(' ').append(record.getLoggerName()).append(": ")
                    .append(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(" | ").append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            lines.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void noTokenOrSecretIsWrittenToTheLogsEvenWhenThingsFail() throws Exception {
        Logger root = Logger.getLogger("");
        Logger simulator = Logger.getLogger("com.bevatel");
        Level previous = simulator.getLevel();
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        // The capture stands in for the console meanwhile: the failures here are on purpose, and
        // the test reads them instead of printing them.
        Handler[] console = root.getHandlers();
        for (Handler handler : console) {
            root.removeHandler(handler);
        }
        root.addHandler(capture);
        simulator.setLevel(Level.ALL);
        List<String> secrets = new ArrayList<>(List.of(ADMIN_TOKEN, AGENT_TOKEN, BOT_TOKEN, BODY_SECRET));
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken(ADMIN_TOKEN).agent("Lou Logs", "lou@logs.test", AGENT_TOKEN)
                    .agentBot("Logbot", BOT_TOKEN).apiInboxWebhookUrl(java.net.URI.create("http://127.0.0.1:1/refused"))
                    .webhookTimeout(Duration.ofMillis(300))
                    .extension((router, s) -> router.post("/test/boom", request -> {
                        throw new IllegalStateException("a simulator bug");
                    }))
                    .start()) {
            exercise(sim, secrets);
        } finally {
            root.removeHandler(capture);
            for (Handler handler : console) {
                root.addHandler(handler);
            }
            simulator.setLevel(previous);
        }
        String log = String.join("\n", capture.lines);
        assertThat(log).as("the failures were logged").contains("a simulator bug");
        for (String secret : secrets) {
            assertThat(log).as("the log shows a secret").doesNotContain(secret);
        }
    }

    /**
     * Failing deliveries (refused, 500, timeout), 401s, a bot on a closed endpoint, bots' tokens and secrets
     * shown, reset and refused, 422s echoing what was sent, refused team, label and canned-response writes, an
     * HMAC failure and a 500.
     */
    private static void exercise(BevatelSimulator sim, List<String> secrets) {
        Http admin = new Http(sim);
        sim.sink("broken").respondWith(500);
        sim.sink("hanging").delay(Duration.ofSeconds(5));
        for (String sink : List.of("broken", "hanging")) {
            admin.post(Http.account("/webhooks"), "{\"webhook\":{\"url\":\"" + sim.sinkUrl(sink) + "\",\"subscriptions\":[\"message_created\"]}}");
        }
        String source = admin.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Lee\"}").json()
                .at("/payload/contact_inbox/source_id").asText();
        admin.post(Http.account("/conversations"), "{\"source_id\":\"" + source + "\"}");
        // What agents write about a contact (contacts/notes_controller.rb): kept, refused to a bot, refused too long.
        admin.post(Http.account("/contacts/1/notes"), "{\"content\":\"" + BODY_SECRET + "\"}");
        admin.withToken(BOT_TOKEN).post(Http.account("/contacts/1/notes"), "{\"content\":\"" + BODY_SECRET + "\"}");
        admin.post(Http.account("/contacts/1/notes"), "{\"content\":\"" + "x".repeat(20_000) + BODY_SECRET + "\"}");
        admin.post(Http.account("/conversations/1/messages"), "{\"content\":\"" + BODY_SECRET + "\"}");
        admin.withToken(ADMIN_TOKEN + "x").get("/api/v1/profile");
        admin.withToken(BOT_TOKEN).get(Http.account("/contacts"));
        admin.withToken(AGENT_TOKEN).delete(Http.account("/inboxes/1"));
        // Agent bots: a refusing outgoing URL, tokens and secrets shown, reset and refused (agent_bots_controller.rb).
        long bot = admin.post(Http.account("/agent_bots"), "{\"name\":\"Refused Bot\",\"outgoing_url\":\"http://127.0.0.1:1/bot\"}")
                .json().get("id").asLong();
        admin.post(Http.account("/inboxes/1/set_agent_bot"), "{\"agent_bot\":" + bot + "}");
        admin.post(Http.account("/conversations/1/messages"), "{\"content\":\"for the bot\",\"message_type\":\"incoming\"}");
        admin.withToken(AGENT_TOKEN).post(Http.account("/agent_bots/" + bot + "/reset_access_token"), null);
        admin.withToken(BOT_TOKEN).get(Http.account("/agent_bots"));
        admin.post(Http.account("/agent_bots/1/reset_access_token"), null);
        admin.post(Http.account("/agent_bots/1/reset_secret"), null);
        admin.withToken(BOT_TOKEN).post(Http.account("/conversations/1/messages"), "{\"content\":\"with the old token\"}");
        admin.post(Http.account("/agent_bots"), "{\"bot_type\":\"" + BODY_SECRET + "\"}");
        // Custom attributes: 422s that echo the secret (a bad enum, an undefined filter key), a bot refused.
        admin.post(Http.account("/custom_attribute_definitions"), "{\"attribute_display_name\":\"S\",\"attribute_key\":\"s\","
                + "\"attribute_display_type\":\"" + BODY_SECRET + "\"}");
        admin.post(Http.account("/contacts/filter"), "{\"payload\":[{\"attribute_key\":\"" + BODY_SECRET + "\","
                + "\"filter_operator\":\"equal_to\",\"values\":[\"x\"]}]}");
        admin.withToken(BOT_TOKEN).post(Http.account("/conversations/1/destroy_custom_attributes"), "{\"custom_attributes\":[\"a\"]}");
        // Teams, labels and canned responses refused with a secret in the body (their controllers' 401s and 422s).
        admin.withToken(AGENT_TOKEN).post(Http.account("/teams"), "{\"name\":\"" + BODY_SECRET + "\"}");
        long team = admin.post(Http.account("/teams"), "{\"name\":\"Logs\"}").json().get("id").asLong();
        admin.post(Http.account("/teams/" + team + "/team_members"), "{\"user_ids\":[\"" + BODY_SECRET + "\"]}");
        admin.post(Http.account("/labels"), "{\"title\":\"" + BODY_SECRET + " !\"}");
        admin.post(Http.account("/canned_responses"), "{\"short_code\":\"" + BODY_SECRET + "\"}");
        admin.send("POST", "/test/boom", "{\"token\":\"" + BODY_SECRET + "\"}", "application/json");
        String identifier = sim.apiInbox().identifier();
        admin.withToken(null).post("/public/api/v1/inboxes/" + identifier + "/contacts",
                "{\"identifier\":\"x\",\"identifier_hash\":\"" + BODY_SECRET + "\"}");
        for (String failure : List.of("500 Internal Server Error", "Net::ReadTimeout with #<TCPSocket:(closed)>", "Connection refused")) {
            sim.webhooks().await(1, d -> d.failure() != null && d.failure().contains(failure), Duration.ofSeconds(20));
        }
        secrets.add(sim.apiInbox().hmacToken());
        secrets.add(sim.apiInbox().secret());
        SimulatorAccess.store(sim).read(state -> {
            state.webhooks.all().forEach(w -> secrets.add(w.secret()));
            state.users.all().forEach(u -> secrets.add(u.pubsubToken()));
            state.agentBots.all().forEach(b -> {
                secrets.add(b.accessToken());
                secrets.add(b.secret());
            });
            return null;
        });
    }

    @Test
    void theServerBindsLoopbackUnlessToldOtherwise() throws IOException {
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            assertThat(sim.baseUrl().getHost()).isEqualTo("127.0.0.1");
            Optional<InetAddress> external = nonLoopbackAddress();
            if (external.isPresent()) {
                // Binding the same port on another address of this machine succeeds only when the
                // simulator holds loopback alone (not the wildcard); no traffic is sent to it.
                try (ServerSocket probe = new ServerSocket()) {
                    probe.bind(new InetSocketAddress(external.get(), sim.port()));
                    assertThat(probe.isBound()).isTrue();
                }
            }
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
