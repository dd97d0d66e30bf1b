package com.bevatel.simulator.domain;

import com.bevatel.simulator.model.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chatwoot's message content validations with its wording: the ContentAttributeValidator (interactive
 * content types need {@code content_attributes.items}) and the template-params JSON schema.
 */
final class MessageContentRules {
    static final int MAX_CONTENT = 150_000;

    private static final Map<ContentType, Set<String>> ITEM_KEYS = Map.of(
            ContentType.INPUT_SELECT, Set.of("title", "value"),
            ContentType.CARDS, Set.of("title", "description", "media_url", "actions"),
            ContentType.FORM, Set.of("type", "placeholder", "label", "name", "options", "default", "required",
                    "pattern", "title", "pattern_error"),
            ContentType.ARTICLE, Set.of("title", "description", "link"));
    private static final Set<String> CARD_ACTION_KEYS = Set.of("text", "type", "payload", "uri");
    private static final List<String> TEMPLATE_STRING_KEYS = List.of("name", "category", "language", "namespace");
    private static final Set<String> TEMPLATE_CONTENT_MODES = Set.of("raw_template", "rendered");
    private static final Pattern PLAIN_SYMBOL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*[?!=]?");

    private MessageContentRules() {
    }

    /** input_select, cards, form and article carry {@code items}: present, objects, known keys. */
    static void contentAttributes(ContentType type, ObjectNode attributes, List<Errors.Violation> out) {
        Set<String> allowed = ITEM_KEYS.get(type);
        if (allowed == null) {
            return;
        }
        JsonNode items = attributes.get("items");
        if (!Messages.present(items)) {
            // Chatwoot then fails on nil.reject with a NoMethodError; the validation message is the useful part.
            out.add(invalid("At least one item is required."));
            return;
        }
        if (!items.isArray() || !allObjects(items)) {
            out.add(invalid("Items should be a hash."));
            return;
        }
        List<String> invalidKeys = new ArrayList<>();
        for (JsonNode item : items) {
            item.fieldNames().forEachRemaining(key -> {
                if (!allowed.contains(key)) {
                    invalidKeys.add(key);
                }
            });
        }
        if (!invalidKeys.isEmpty()) {
            out.add(invalid("contains invalid keys for items : " + symbols(invalidKeys)));
        }
        if (type == ContentType.CARDS) {
            cardActions(items, out);
        }
    }

    private static void cardActions(JsonNode items, List<Errors.Violation> out) {
        for (JsonNode item : items) {
            if (!Messages.present(item.get("actions"))) {
                out.add(invalid("contains items missing actions"));
                return;
            }
        }
        List<String> invalidKeys = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode actions = item.get("actions");
            if (!actions.isArray() || !allObjects(actions)) {
                out.add(invalid("contains items missing actions"));
                return;
            }
            for (JsonNode action : actions) {
                action.fieldNames().forEachRemaining(key -> {
                    if (!CARD_ACTION_KEYS.contains(key)) {
                        invalidKeys.add(key);
                    }
                });
            }
        }
        if (!invalidKeys.isEmpty()) {
            // Two spaces after the colon, as in Chatwoot's message.
            out.add(invalid("contains invalid keys for actions:  " + symbols(invalidKeys)));
        }
    }

    /**
     * The TEMPLATE_PARAMS_SCHEMA as Chatwoot's JsonSchemaValidator words it: type errors per property
     * ("Template params/name must be of type string"), then a missing name ("Name is required").
     */
    static void templateParams(JsonNode params, List<Errors.Violation> out) {
        if (params == null) {
            return;
        }
        if (!params.isObject()) {
            out.add(new Errors.Violation("template_params", "Template params must be of type hash"));
            return;
        }
        for (String key : TEMPLATE_STRING_KEYS) {
            JsonNode value = params.get(key);
            if (value != null && !value.isTextual()) {
                out.add(new Errors.Violation("template_params/" + key,
                        "Template params/" + key + " must be of type string"));
            }
        }
        JsonNode mode = params.get("content_mode");
        if (mode != null && !(mode.isTextual() && TEMPLATE_CONTENT_MODES.contains(mode.asText()))) {
            out.add(new Errors.Violation("template_params/content_mode",
                    "Template params/content mode must be of type enum"));
        }
        JsonNode processed = params.get("processed_params");
        if (processed != null && !processed.isObject()) {
            out.add(new Errors.Violation("template_params/processed_params",
                    "Template params/processed params must be of type hash"));
        }
        if (!params.has("name")) {
            out.add(new Errors.Violation("name", "Name is required"));
        }
    }

    private static boolean allObjects(JsonNode array) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            if (!it.next().isObject()) {
                return false;
            }
        }
        return true;
    }

    private static Errors.Violation invalid(String message) {
        return new Errors.Violation("content_attributes", "Content attributes " + message);
    }

    /** Ruby's inspect of an array of symbols: {@code [:foo, :"two words"]}. */
    private static String symbols(List<String> keys) {
        List<String> rendered = new ArrayList<>(keys.size());
        for (String key : keys) {
            rendered.add(PLAIN_SYMBOL.matcher(key).matches() ? ":" + key
                    : ":\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return "[" + String.join(", ", rendered) + "]";
    }
}
