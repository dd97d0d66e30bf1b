package com.bevatel.simulator.junit.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kind of code an integrator writes (the README's example): it opens a Bevatel support chat for
 * a shop customer by following the API-channel guide, and it receives Bevatel's webhooks, keeping
 * the agents' public replies per customer. Nothing in it knows about the simulator.
 */
public final class OrderSupportBridge implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI bevatel;
    private final String token;
    private final long inboxId;
    private final HttpServer webhooks;
    private final Map<String, Long> conversationsByCustomer = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> repliesByConversation = new ConcurrentHashMap<>();

    public OrderSupportBridge(URI bevatel, String token, long inboxId) throws IOException {
        this.bevatel = bevatel;
        this.token = token;
        this.inboxId = inboxId;
        this.webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhooks.createContext("/bevatel/webhooks", exchange -> {
            onWebhook(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhooks.start();
    }

    /** Where Bevatel should POST the inbox's webhooks. */
    public URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + webhooks.getAddress().getPort() + "/bevatel/webhooks");
    }

    /** Contact → conversation → the customer's first message, as the guide describes. Returns the conversation id. */
    public long openSupportChat(String customerId, String name, String phone, String firstMessage) {
        ObjectNode contact = JSON.createObjectNode().put("inbox_id", inboxId).put("name", name)
                .put("phone_number", phone).put("identifier", customerId);
        String sourceId = post("/contacts", contact).at("/payload/contact_inbox/source_id").asText();
        long conversationId = post("/conversations", JSON.createObjectNode().put("source_id", sourceId)
                .put("inbox_id", inboxId)).get("id").asLong();
        post("/conversations/" + conversationId + "/messages", JSON.createObjectNode()
                .put("content", firstMessage).put("message_type", "incoming"));
        conversationsByCustomer.put(customerId, conversationId);
        return conversationId;
    }

    /** The agents' public replies received so far for this customer. */
    public List<String> repliesFor(String customerId) {
        Long conversation = conversationsByCustomer.get(customerId);
        return conversation == null ? List.of() : List.copyOf(repliesByConversation.getOrDefault(conversation, List.of()));
    }

    private void onWebhook(JsonNode event) {
        boolean agentReply = "message_created".equals(event.path("event").asText())
                && "outgoing".equals(event.path("message_type").asText()) && !event.path("private").asBoolean();
        if (agentReply) {
            repliesByConversation.computeIfAbsent(event.at("/conversation/id").asLong(), id -> new CopyOnWriteArrayList<>())
                    .add(event.path("content").asText());
        }
    }

    private JsonNode post(String path, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(bevatel.resolve("/api/v1/accounts/1" + path))
                .header("api_access_token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Bevatel answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        webhooks.stop(0);
    }
}
