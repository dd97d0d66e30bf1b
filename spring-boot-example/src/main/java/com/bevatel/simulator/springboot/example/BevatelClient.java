package com.bevatel.simulator.springboot.example;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The calls the desk makes to Bevatel's Application API, authenticated with the {@code api_access_token} header. */
@Component
public class BevatelClient {
    private final RestClient http;
    private final BevatelProperties bevatel;

    public BevatelClient(RestClient.Builder builder, BevatelProperties bevatel) {
        this.bevatel = bevatel;
        this.http = builder.baseUrl(bevatel.baseUrl().toString())
                .defaultHeader("api_access_token", bevatel.accessToken())
                .build();
    }

    /** A contact and its session in the API inbox: the {@code source_id} a conversation is opened with. */
    public record ContactInbox(long contactId, String sourceId) {
    }

    public ContactInbox createContact(String name, String phoneNumber) {
        JsonNode created = post("/contacts", Map.of("inbox_id", bevatel.inboxId(), "name", name, "phone_number", phoneNumber));
        return new ContactInbox(created.at("/payload/contact/id").asLong(),
                created.at("/payload/contact_inbox/source_id").asString());
    }

    /** Opens a conversation in the API inbox; its id is the one the webhooks and the dashboard show. */
    public long openConversation(ContactInbox contact) {
        return post("/conversations", Map.of("source_id", contact.sourceId(), "inbox_id", bevatel.inboxId(),
                "contact_id", contact.contactId())).get("id").asLong();
    }

    /** {@code incoming}: what the customer wrote (the desk relays it); {@code outgoing}: the desk's own answer. */
    public void sendMessage(long conversationId, String content, String messageType) {
        post("/conversations/" + conversationId + "/messages", Map.of("content", content, "message_type", messageType));
    }

    private JsonNode post(String path, Map<String, Object> body) {
        return http.post().uri("/api/v1/accounts/{account}" + path, bevatel.accountId())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(JsonNode.class);
    }
}
