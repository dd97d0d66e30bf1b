package com.bevatel.simulator.junit.example;

import static com.bevatel.simulator.junit.WebhookAssertions.assertThat;
import static com.bevatel.simulator.junit.WebhookAssertions.awaitThat;

import com.bevatel.simulator.AgentBotSetup;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.junit.BevatelSimulatorExtension;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.webhook.WebhookJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "Testing an agent bot" example: the README shows this file as it is. */
class EchoBotTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Listens before the simulator starts: the simulator is told where to post the bot's events. */
    static final EchoBot bot = new EchoBot();

    @RegisterExtension
    static final BevatelSimulatorExtension bevatel = BevatelSimulatorExtension.builder()
            .configure(sim -> sim.agentBot(AgentBotSetup.named("Echo Bot").outgoingUrl(bot.url()).servingApiInbox()))
            .build();

    @BeforeAll
    static void connectTheBot(BevatelSimulator sim) {
        bot.connect(sim.baseUrl(), sim.agentBot("Echo Bot").accessToken());
    }

    @AfterAll
    static void stopTheBot() {
        bot.server.stop(0);
    }

    @Test
    void answersAndHandsOverToAHuman(BevatelSimulator sim, WebhookJournal webhooks) throws Exception {
        long contact = JSON.readTree(post(sim.baseUrl(), sim.accessToken(), "/api/v1/accounts/1/contacts",
                "{\"name\":\"Alice\",\"inbox_id\":1}")).at("/payload/contact/id").asLong();
        long conversation = JSON.readTree(post(sim.baseUrl(), sim.accessToken(), "/api/v1/accounts/1/conversations",
                "{\"inbox_id\":1,\"contact_id\":" + contact + "}")).get("id").asLong();
        assertThat(sim).conversation(conversation).hasStatus("pending").isAssignedTo("Echo Bot");

        customerSays(sim, conversation, "hi");
        AgentBot echo = sim.agentBot("Echo Bot");
        awaitThat(webhooks).toAgentBot(echo.id()).event("message_created").first()
                .hasPayloadAt("/content", "hi")
                .isSignedWith(echo.secret());
        awaitThat(sim).conversation(conversation).hasMessageFrom("Echo Bot", "hello");

        customerSays(sim, conversation, "human");
        awaitThat(sim).conversation(conversation).hasStatus("open").isUnassigned();
    }

    /** What the API channel's server sends when its customer writes. */
    private static void customerSays(BevatelSimulator sim, long conversation, String text) {
        post(sim.baseUrl(), sim.accessToken(), "/api/v1/accounts/1/conversations/" + conversation + "/messages",
                "{\"content\":\"" + text + "\",\"message_type\":\"incoming\"}");
    }

    private static String post(URI bevatel, String token, String path, String json) {
        HttpResponse<String> answer = HTTP.sendAsync(HttpRequest.newBuilder(bevatel.resolve(path))
                .header("api_access_token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).join();
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The bot under test: "hello" to whatever a customer writes, and a human for whoever writes "human". */
    static final class EchoBot {
        final HttpServer server;
        private volatile URI bevatel;
        private volatile String token;

        EchoBot() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                JsonNode event = JSON.readTree(exchange.getRequestBody());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                onEvent(event);
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        void connect(URI bevatelUrl, String botToken) {
            bevatel = bevatelUrl;
            token = botToken;
        }

        private void onEvent(JsonNode event) {
            if (!event.path("event").asText().equals("message_created")
                    || !event.path("message_type").asText().equals("incoming")) {
                return;
            }
            String conversation = "/api/v1/accounts/" + event.at("/account/id").asLong()
                    + "/conversations/" + event.at("/conversation/id").asLong();
            if (event.path("content").asText().equals("human")) {
                post(bevatel, token, conversation + "/toggle_status", "{\"status\":\"open\"}");
            } else {
                post(bevatel, token, conversation + "/messages", "{\"content\":\"hello\",\"message_type\":\"outgoing\"}");
            }
        }
    }
}
