package com.bevatel.simulator.domain;

import com.bevatel.simulator.model.ContentType;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Message validations beyond length (API.md §5.6): Chatwoot's ContentAttributeValidator for the
 * interactive content types, the template_params JSON schema, and the opt-in flood limit. Failures
 * are 422 {"error": "Validation failed: …"}, every message joined like Rails' full messages.
 */
public final class MessageValidation {
    private static final Map<ContentType, List<String>> ITEM_KEYS = Map.of(
            ContentType.INPUT_SELECT, List.of("title", "value"),
            ContentType.CARDS, List.of("title", "description", "media_url", "actions"),
            ContentType.FORM, List.of("type", "placeholder", "label", "name", "options", "default", "required",
                    "pattern", "title", "pattern_error"),
            ContentType.ARTICLE, List.of("title", "description", "link"));
    private static final List<String> CARD_ACTION_KEYS = List.of("text", "type", "payload", "uri");
    private static final List<String> TEMPLATE_STRING_KEYS = List.of("name", "category", "language", "namespace");

    private MessageValidation() {
    }

    /** Errors of {@code content_attributes.items} for input_select, cards, form and article. */
    static List<String> itemErrors(ContentType contentType, ObjectNode contentAttributes) {
        List<String> errors = new ArrayList<>();
        List<String> allowed = ITEM_KEYS.get(contentType);
        if (allowed == null) {
            return errors;
        }
        JsonNode items = contentAttributes.get("items");
        List<JsonNode> list = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(list::add);
        } else if (items != null && !items.isNull() && !(items.isTextual() && items.asText().isBlank())) {
            list.add(items);
        }
        if (list.isEmpty()) {
            errors.add("Content attributes At least one item is required.");
            return errors;
        }
        if (list.stream().anyMatch(item -> !item.isObject())) {
            errors.add("Content attributes Items should be a hash.");
            return errors;
        }
        List<String> invalid = invalidKeys(list, allowed);
        if (!invalid.isEmpty()) {
            errors.add("Content attributes contains invalid keys for items : " + rubySymbols(invalid));
        }
        if (contentType == ContentType.CARDS) {
            boolean missingActions = list.stream().anyMatch(item -> {
                JsonNode actions = item.get("actions");
                return actions == null || !actions.isArray() || actions.isEmpty();
            });
            if (missingActions) {
                errors.add("Content attributes contains items missing actions");
            } else {
                List<JsonNode> actions = new ArrayList<>();
                list.forEach(item -> item.get("actions").forEach(actions::add));
                if (actions.stream().anyMatch(action -> !action.isObject())) {
                    errors.add("Content attributes contains invalid keys for actions:  []");
                } else {
                    List<String> invalidActions = invalidKeys(actions, CARD_ACTION_KEYS);
                    if (!invalidActions.isEmpty()) {
                        errors.add("Content attributes contains invalid keys for actions:  " + rubySymbols(invalidActions));
                    }
                }
            }
        }
        return errors;
    }

    /** Errors of Chatwoot's TEMPLATE_PARAMS_SCHEMA (only when template_params was sent). */
    static List<String> templateParamErrors(ObjectNode templateParams) {
        List<String> errors = new ArrayList<>();
        if (templateParams == null) {
            return errors;
        }
        for (String key : TEMPLATE_STRING_KEYS) {
            JsonNode value = templateParams.get(key);
            if (value != null && !value.isTextual()) {
                errors.add("Template params/" + key + " must be of type string");
            }
        }
        JsonNode mode = templateParams.get("content_mode");
        if (mode != null && !(mode.isTextual() && (mode.asText().equals("raw_template") || mode.asText().equals("rendered")))) {
            errors.add(mode.isTextual() ? "Template params/content_mode must be of type enum"
                    : "Template params/content_mode must be of type string");
        }
        JsonNode processed = templateParams.get("processed_params");
        if (processed != null && !processed.isObject()) {
            errors.add("Template params/processed_params must be of type hash");
        }
        if (!templateParams.has("name")) {
            errors.add("Name is required");
        }
        return errors;
    }

    /** The opt-in limit: at most N messages in the conversation per rolling minute (Chatwoot: 200). */
    static void checkFlood(State state, Conversation conversation, Instant now) {
        int limit = state.settings().messagesPerMinute();
        if (limit <= 0) {
            return;
        }
        Instant since = now.minusSeconds(60);
        List<Long> ids = state.messagesOfConversation.of(conversation.id());
        int recent = 0;
        for (int i = ids.size() - 1; i >= 0 && recent < limit; i--) {
            Message m = state.messages.get(ids.get(i));
            if (m.createdAt().isBefore(since)) {
                break;
            }
            recent++;
        }
        if (recent >= limit) {
            throw Errors.error(422, "Validation failed: Too many messages");
        }
    }

    static void failIfAny(List<String> errors) {
        if (!errors.isEmpty()) {
            throw Errors.error(422, "Validation failed: " + String.join(", ", errors));
        }
    }

    /** Ruby's {@code item_keys - valid_keys}: every offending key, repeats included. */
    private static List<String> invalidKeys(List<JsonNode> objects, List<String> allowed) {
        List<String> invalid = new ArrayList<>();
        for (JsonNode object : objects) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    invalid.add(name);
                }
            }
        }
        return invalid;
    }

    /** Ruby's {@code Array#to_s} of symbols: {@code [:foo, :bar]}. */
    private static String rubySymbols(List<String> names) {
        List<String> symbols = names.stream().map(n -> ":" + n).toList();
        return "[" + String.join(", ", symbols) + "]";
    }
}
