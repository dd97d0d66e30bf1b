package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apiguardian.api.API;

/**
 * A message to create, as the API received it. {@code messageType} is the raw parameter: a string
 * name (the normal case) or an integer (Chatwoot accepts it but then skips its direction rules in
 * app/builders/messages/message_builder.rb).
 */
@API(status = INTERNAL)
public record NewMessage(String content, JsonNode messageType, boolean isPrivate, String contentType,
                         ObjectNode contentAttributes, String sourceId, ObjectNode templateParams,
                         JsonNode campaignId, JsonNode externalCreatedAt) {

    public static NewMessage text(String content, String messageType) {
        return new NewMessage(content, messageType == null ? null : com.bevatel.simulator.json.Json.text(messageType),
                false, null, null, null, null, null, null);
    }
}
