package com.bevatel.simulator.webhook;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Shared steps: register webhooks, create a contact, conversation and messages over HTTP. */
final class WebhookTestSupport {
    static final Duration WAIT = Duration.ofSeconds(20);

    private WebhookTestSupport() {
    }

    /** An account webhook at {@code url}; {@code subscriptions} null for the default set. Returns its JSON. */
    static JsonNode addWebhook(Http http, URI url, String... subscriptions) {
        String subs = subscriptions.length == 0 ? "" : ",\"subscriptions\":[\"" + String.join("\",\"", subscriptions) + "\"]";
        Http.Result result = http.post(Http.account("/webhooks"), "{\"webhook\":{\"url\":\"" + url + "\"" + subs + "}}");
        if (result.status() != 200) {
            throw new AssertionError("webhook create failed: " + result);
        }
        return result.json().at("/payload/webhook");
    }

    /** Points inbox 1's callback at {@code url}. */
    static void setInboxCallback(Http http, URI url) {
        Http.Result result = http.patch(Http.account("/inboxes/1"), "{\"channel\":{\"webhook_url\":\"" + url + "\"}}");
        if (result.status() != 200) {
            throw new AssertionError("inbox update failed: " + result);
        }
    }

    /** A contact in inbox 1; returns the source id. */
    static String contact(Http http, String name, String phone) {
        Http.Result result = http.post(Http.account("/contacts"),
                "{\"inbox_id\":1,\"name\":\"" + name + "\",\"phone_number\":\"" + phone + "\"}");
        if (result.status() != 200) {
            throw new AssertionError("contact create failed: " + result);
        }
        return result.json().at("/payload/contact_inbox/source_id").asText();
    }

    /** A conversation for the source id; returns its display id. */
    static long conversation(Http http, String sourceId) {
        Http.Result result = http.post(Http.account("/conversations"), "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":1}");
        if (result.status() != 200) {
            throw new AssertionError("conversation create failed: " + result);
        }
        return result.json().get("id").asLong();
    }

    static JsonNode message(Http http, long conversation, String json) {
        Http.Result result = http.post(Http.account("/conversations/" + conversation + "/messages"), json);
        if (result.status() != 200) {
            throw new AssertionError("message create failed: " + result);
        }
        return result.json();
    }

    /** The keys of an object, in order. */
    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }
}
