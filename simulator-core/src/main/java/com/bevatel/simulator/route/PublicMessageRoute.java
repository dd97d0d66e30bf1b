package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.PublicMessages;
import com.bevatel.simulator.domain.PublicScope;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.view.PublicViews;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client API messages (app/controllers/public/api/v1/inboxes/messages_controller.rb): the latest 20 public
 * ones, the contact's incoming message, and
 * form/CSAT replies. Request bodies are JSON (or url-encoded forms): multipart is not parsed here.
 */
final class PublicMessageRoute {
    private static final String MESSAGES = PublicInboxRoute.CONVERSATION + "/messages";
    /** What Chatwoot's strong parameters keep of each submitted value, in the order they write it. */
    private static final List<String> SUBMITTED_VALUE_KEYS = List.of("name", "title", "value");
    private static final List<String> CSAT_RESPONSE_KEYS = List.of("feedback_message", "rating");
    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");

    private PublicMessageRoute() {
    }

    public static void register(Router router) {
        router.get(MESSAGES, request -> {
            Long before = rubyInteger(request.params().string("before"));
            return router.store().read(state -> {
                Conversation conversation = PublicInboxRoute.conversation(state, request);
                ArrayNode list = Json.array();
                PublicScope.latestVisibleMessages(state, conversation, before)
                        .forEach(m -> list.add(PublicViews.message(m, state)));
                return Response.ok(list);
            });
        });
        router.post(MESSAGES, request -> {
            String content = request.params().string("content");
            return router.store().write(tx -> {
                Conversation conversation = PublicInboxRoute.conversation(tx.state(), request);
                Message created = PublicMessages.create(tx, conversation, content);
                return Response.ok(PublicViews.message(tx.state().messages.get(created.id()), tx.state()));
            });
        });
        router.update(MESSAGES + "/{message_id}", request -> {
            JsonNode submittedValues = permittedSubmittedValues(request.params());
            return router.store().write(tx -> {
                Conversation conversation = PublicInboxRoute.conversation(tx.state(), request);
                Message current = PublicScope.message(tx.state(), conversation, request.pathParam("message_id"));
                return Response.ok(PublicViews.message(PublicMessages.submit(tx, current, submittedValues),
                        tx.state()));
            });
        });
    }

    /**
     * Ruby's {@code to_i}: the leading integer, 0 when there is none ("abc" → 0, so no message
     * qualifies); null when blank (no {@code before} at all). Too large to hold means "after everything".
     */
    static Long rubyInteger(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = LEADING_INTEGER.matcher(text);
        if (!m.find()) {
            return 0L;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return m.group(1).startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * {@code submitted_values} as Chatwoot's strong parameters keep it: an object, or the objects of
     * an array, each reduced to scalar {@code name}/{@code title}/{@code value} and a
     * {@code csat_survey_response} of scalar {@code feedback_message}/{@code rating}. Null when nothing usable was sent.
     */
    static JsonNode permittedSubmittedValues(Params p) {
        JsonNode given = p.node("submitted_values");
        if (given instanceof ObjectNode object) {
            return permitted(object);
        }
        if (given instanceof ArrayNode array) {
            ArrayNode kept = Json.array();
            array.forEach(item -> {
                if (item instanceof ObjectNode object) {
                    kept.add(permitted(object));
                }
            });
            return kept;
        }
        return null;
    }

    private static ObjectNode permitted(ObjectNode value) {
        ObjectNode kept = scalars(value, SUBMITTED_VALUE_KEYS);
        if (value.get("csat_survey_response") instanceof ObjectNode response) {
            kept.set("csat_survey_response", scalars(response, CSAT_RESPONSE_KEYS));
        }
        return kept;
    }

    private static ObjectNode scalars(ObjectNode from, List<String> keys) {
        ObjectNode kept = Json.object();
        for (String key : keys) {
            JsonNode value = from.get(key);
            if (value != null && value.isValueNode()) {
                kept.set(key, value);
            }
        }
        return kept;
    }
}
