package com.bevatel.simulator.reliability;

import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * JSON for request bodies: plausible objects (the parameter names the routes read, with values
 * that often pass validation, so requests get deep into the domain rules) and wild values (wrong
 * types, nulls, huge numbers, long and odd strings, nesting). Every URL it makes is on loopback.
 */
final class FuzzJson {
    private static final List<String> EVENTS = List.of("conversation_created", "conversation_status_changed",
            "conversation_updated", "message_created", "message_updated", "webwidget_triggered", "contact_created",
            "contact_updated", "conversation_typing_on", "conversation_typing_off", "inbox_created", "bogus");

    private final Map<String, Arbitrary<JsonNode>> plausible = new LinkedHashMap<>();
    private final List<String> sourceIds;

    FuzzJson(List<String> sourceIds) {
        this.sourceIds = List.copyOf(sourceIds);
        define();
    }

    /** An object with some of the parameters routes read; now and then one value is wild or the whole is wrapped. */
    Arbitrary<JsonNode> plausibleObject() {
        Arbitrary<JsonNode> object = Arbitraries.subsetOf(plausible.keySet()).ofMaxSize(8).flatMap(keys -> {
            List<String> names = new ArrayList<>(keys);
            List<Arbitrary<JsonNode>> values = names.stream().map(plausible::get).toList();
            return Combinators.combine(values).as(list -> {
                ObjectNode node = Json.object();
                for (int i = 0; i < names.size(); i++) {
                    node.set(names.get(i), list.get(i));
                }
                return (JsonNode) node;
            });
        });
        Arbitrary<JsonNode> spoiled = Combinators.combine(object, Arbitraries.of(plausible.keySet()), wild(2))
                .as((node, key, value) -> {
                    ((ObjectNode) node).set(key, value);
                    return node;
                });
        Arbitrary<JsonNode> wrapped = Combinators.combine(object, Arbitraries.of("webhook", "contact", "message", "channel", "conversation",
                "custom_attribute_definition", "agent", "profile"))
                .as((node, root) -> {
                    ObjectNode outer = Json.object();
                    outer.set(root, node);
                    return (JsonNode) outer;
                });
        return Arbitraries.frequencyOf(Tuple.of(7, object), Tuple.of(2, spoiled), Tuple.of(1, wrapped));
    }

    /** Any JSON value, nested up to {@code depth} levels, keys partly the routes' own. */
    Arbitrary<JsonNode> wild(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(NullNode.getInstance())),
                Tuple.of(3, Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE)),
                Tuple.of(6, Arbitraries.longs().map(LongNode::valueOf)),
                Tuple.of(4, hugeNumbers()),
                Tuple.of(8, Arbitraries.strings().all().ofMaxLength(40).map(TextNode::valueOf)),
                Tuple.of(5, specialStrings().map(TextNode::valueOf)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = wild(depth - 1);
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(items -> {
            ArrayNode node = Json.array();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(plausible.keySet()), Arbitraries.strings().all().ofMaxLength(12));
        Arbitrary<JsonNode> object = Arbitraries.maps(keys, child).ofMaxSize(4).map(entries -> {
            ObjectNode node = Json.object();
            entries.forEach(node::set);
            return node;
        });
        return Arbitraries.frequencyOf(Tuple.of(6, leaf), Tuple.of(2, array), Tuple.of(2, object));
    }

    static Arbitrary<JsonNode> hugeNumbers() {
        return Arbitraries.of(
                new BigIntegerNode(BigInteger.TWO.pow(70)), new BigIntegerNode(BigInteger.TWO.pow(63)),
                LongNode.valueOf(Long.MIN_VALUE), LongNode.valueOf(Long.MAX_VALUE), LongNode.valueOf(-1),
                DecimalNode.valueOf(new BigDecimal("1E+400")), DecimalNode.valueOf(new BigDecimal("-1E-400")),
                DoubleNode.valueOf(1.7976931348623157E308), DoubleNode.valueOf(-0.0), DoubleNode.valueOf(1.5),
                DecimalNode.valueOf(new BigDecimal("123456789012345678901234567890.5")));
    }

    /** Strings that have broken parsers before: blanks, markup, Liquid, separators, boundaries, long ones. */
    static Arbitrary<String> specialStrings() {
        return Arbitraries.of("", " ", "null", "true", "0", "-1", "1e400", "NaN", "{{contact.name}}", "{{ conversation.id }}",
                "{% if x %}y{% endif %}", "{{", "<script>alert(1)</script>", "\u0000", "\u2028\u2029", "😀", "مرحبا",
                "a\r\nb", "../../etc/passwd", "%00", "x".repeat(256), "y".repeat(20_001), "z".repeat(150_001),
                "2026-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "P999999999D", "PT-1S", "http://127.0.0.1:1/hook", "https://[::1]:1/x", "ftp://127.0.0.1/x", "javascript:alert(1)",
                "@", "a@b", "+", "+15550001111", "\ud800");
    }

    private void define() {
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
        put("name", Arbitraries.oneOf(words, specialStrings()));
        put("email", Arbitraries.of("a@fuzz.test", "f1@fuzz.test", "F2@FUZZ.TEST", "bad", "", "pub@fuzz.test"));
        put("phone_number", Arbitraries.of("+15550100001", "+15550199999", "123", "", "+"));
        put("identifier", Arbitraries.of("fuzz-1", "fuzz-new", ""));
        put("inbox_id", ints(1, 2, 3, 99, 0));
        put("contact_id", ints(1, 2, 3, 4, 99));
        put("source_id", Arbitraries.oneOf(Arbitraries.of(sourceIds), Arbitraries.of("new-source", "")));
        put("content", Arbitraries.oneOf(words, Arbitraries.of("hello", "{{contact.name}}", "", "<b>x</b>")));
        put("message_type", mixed(Arbitraries.of("incoming", "outgoing", "activity", "template", "x"), ints(0, 1, 2, 3, 9)));
        put("private", bools());
        put("content_type", Arbitraries.of("text", "input_select", "cards", "form", "article", "input_email",
                "incoming_email", "input_csat", "integrations", "sticker", "x"));
        put("content_attributes", Arbitraries.of("{\"items\":[{\"title\":\"a\",\"value\":\"b\"}]}",
                "{\"submitted_values\":[{\"title\":\"a\",\"value\":\"b\"}]}", "{\"in_reply_to\":1}", "{}").map(FuzzJson::parse));
        put("status", Arbitraries.of("open", "resolved", "pending", "snoozed", "toggle", "delivered", "read", "failed", "sent", "x"));
        put("priority", Arbitraries.of("low", "medium", "high", "urgent", "x").map(TextNode::valueOf).injectNull(0.2).map(FuzzJson::orNull));
        put("snoozed_until", mixed(Arbitraries.of("2026-02-01T00:00:00Z", "tomorrow", ""), ints(1767300000, -1, 0)));
        put("assignee_id", ints(1, 2, 3, 99));
        put("team_id", ints(1, 2, 99));
        put("labels", stringArrays(Arbitraries.of("vip", "billing", "a b", "", "new-label")));
        // An object to set (custom_attributes), or the keys to remove (destroy_custom_attributes).
        put("custom_attributes", Arbitraries.oneOf(wild(1).map(FuzzJson::asObject),
                stringArrays(Arbitraries.of("plan", "seats", "since", "x", "")), Arbitraries.of("plan").map(TextNode::valueOf)));
        put("additional_attributes", wild(1).map(FuzzJson::asObject));
        put("typing_status", Arbitraries.of("on", "off", "recording", "x"));
        put("is_private", bools());
        put("webhook_url", Arbitraries.of("http://127.0.0.1:1/callback", "", "not a url"));
        put("url", Arbitraries.of("http://127.0.0.1:1/hook", "https://127.0.0.1:1/x", "ftp://127.0.0.1/", "", "x"));
        put("subscriptions", stringArrays(Arbitraries.of(EVENTS)));
        put("channel", Arbitraries.of("{\"type\":\"api\",\"webhook_url\":\"http://127.0.0.1:1/c\",\"hmac_mandatory\":true}",
                "{\"type\":\"api\"}", "{\"type\":\"email\"}", "{}").map(FuzzJson::parse));
        put("webhook", Arbitraries.of("{\"url\":\"http://127.0.0.1:1/w\",\"subscriptions\":[\"message_created\"]}",
                "{\"url\":\"\"}", "{\"subscriptions\":\"all\"}").map(FuzzJson::parse));
        put("payload", Arbitraries.oneOf(Arbitraries.of(
                "[{\"attribute_key\":\"name\",\"filter_operator\":\"contains\",\"values\":[\"a\"],\"query_operator\":null}]",
                "[{\"attribute_key\":\"status\",\"filter_operator\":\"equal_to\",\"values\":[\"open\"],\"query_operator\":\"and\"},"
                        + "{\"attribute_key\":\"assignee_id\",\"filter_operator\":\"is_present\",\"values\":[]}]",
                "[{\"attribute_key\":\"created_at\",\"filter_operator\":\"days_before\",\"values\":[\"x\"]}]",
                "[{\"attribute_key\":\"x\",\"filter_operator\":\"y\",\"values\":\"z\"}]", "[]", "{}").map(FuzzJson::parse),
                filters()));
        put("page", mixed(Arbitraries.of("x", "1"), ints(1, 2, 0, -1, 99999)));
        put("q", words);
        put("sort", Arbitraries.of("name", "-name", "email", "last_activity_at", "x"));
        put("identifier_hash", Arbitraries.of("", "deadbeef", "0".repeat(64)));
        put("echo_id", words);
        put("template_params", Arbitraries.just(parse(
                "{\"name\":\"t\",\"category\":\"c\",\"language\":\"en\",\"processed_params\":{\"1\":\"x\"}}")));
        put("agent", Arbitraries.of(FuzzWorld.AGENT, "Bevatel Admin", "agnes@fuzz.test", "nobody"));
        put("advance_seconds", mixed(Arbitraries.of("60", "x"), ints(1, 60, 0, -1, 1_000_000_000_000L, Long.MAX_VALUE)));
        put("advance", Arbitraries.of("PT1H", "P1D", "-PT1H", "PT1000000000H", "x"));
        put("now", Arbitraries.of("2026-05-01T00:00:00Z", "1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "x"));
        put("assignee", Arbitraries.of(FuzzWorld.AGENT, "Bevatel Admin", "nobody", ""));
        put("team", Arbitraries.of("support", "x").map(TextNode::valueOf).injectNull(0.2).map(FuzzJson::orNull));
        put("external_error", words);
        put("submitted_values", Arbitraries.just(parse("[{\"title\":\"a\",\"value\":\"b\"}]")));
        put("greeting_enabled", bools());
        put("greeting_message", words);
        put("working_hours", Arbitraries.of("[{\"day_of_week\":1,\"open_hour\":9,\"open_minutes\":0,\"close_hour\":17}]",
                "[{\"day_of_week\":9}]", "[{}]").map(FuzzJson::parse));
        put("enable_auto_assignment", bools());
        put("blocked", bools());
        put("contact_type", Arbitraries.of("visitor", "lead", "customer", "x"));
        put("hmac_mandatory", bools());
        // Agent bots (agent_bots_controller.rb permitted_params, inboxes_controller.rb#set_agent_bot) and bots named
        // in assignments and messages.
        put("description", Arbitraries.oneOf(words, specialStrings()));
        put("outgoing_url", Arbitraries.of("http://127.0.0.1:1/bot", "", "not a url", "http://127.0.0.1:1/" + "x".repeat(2040)));
        put("bot_type", mixed(Arbitraries.of("webhook", "csml", "0", ""), ints(0, 1)));
        put("bot_config", wild(1));
        put("avatar_url", Arbitraries.of("http://127.0.0.1:1/a.png", ""));
        put("agent_bot", mixed(Arbitraries.of("1", "x", ""), ints(1, 2, 3, 99, 0, -1)).map(FuzzJson::node).injectNull(0.2)
                .map(FuzzJson::orNull));
        put("assignee_type", Arbitraries.of("AgentBot", "User", "Team", "x"));
        put("sender_type", Arbitraries.of("AgentBot", "User", "Contact", "x"));
        put("sender_id", ints(1, 2, 3, 99));
        // Custom attribute definitions (custom_attribute_definitions_controller.rb permitted_payload and index).
        put("attribute_display_name", Arbitraries.oneOf(words, specialStrings()));
        put("attribute_key", Arbitraries.oneOf(Arbitraries.of("plan", "seats", "fuzz_key", "status", "email", "a b", "客户", " k "),
                specialStrings()));
        put("attribute_model", mixed(Arbitraries.of("contact_attribute", "conversation_attribute", "company_attribute", "1", "x", ""),
                ints(0, 1, 2, 3, -1)));
        put("attribute_display_type", mixed(Arbitraries.of("text", "number", "currency", "percent", "link", "date", "list",
                "checkbox", "1", "x", ""), ints(0, 5, 7, 8)));
        put("attribute_description", Arbitraries.oneOf(words, specialStrings()));
        put("attribute_values", Arbitraries.oneOf(stringArrays(Arbitraries.of("gold", "", "x")), wild(1)));
        put("regex_pattern", Arbitraries.of("^[a-z]+$", "(", ""));
        put("regex_cue", words);
        put("custom_attribute_definition", Arbitraries.of("{\"attribute_display_name\":\"Fuzz\",\"attribute_key\":\"fuzz_key\","
                + "\"attribute_model\":\"contact_attribute\",\"attribute_display_type\":\"date\"}", "{}", "{\"attribute_key\":1}")
                .map(FuzzJson::parse));
        // Teams and their members, labels, canned responses (teams_controller.rb, team_members_controller.rb,
        // labels_controller.rb, canned_responses_controller.rb permitted params; Rails wraps them or takes them nested).
        // Team members' user_ids are among the inbox members' below.
        put("allow_auto_assign", bools());
        put("icon", Arbitraries.oneOf(words, specialStrings()));
        put("icon_color", Arbitraries.of("#ff0000", "", "x".repeat(256)));
        put("title", Arbitraries.oneOf(Arbitraries.of("vip", "VIP", "new-label", "a", "_x", "a b", "学中文_12", "billing"),
                specialStrings()));
        put("color", Arbitraries.of("#1f93ff", "", "red").map(TextNode::valueOf).injectNull(0.2).map(FuzzJson::orNull));
        put("show_on_sidebar", bools());
        put("short_code", Arbitraries.oneOf(Arbitraries.of("hello", "Hello", "new", ""), specialStrings()));
        put("search", Arbitraries.oneOf(words, Arbitraries.of("%", "_", "\\", "hel\u0000lo", "")));
        put("label", Arbitraries.of("{\"title\":\"wrapped\"}", "{}", "{\"title\":null}").map(FuzzJson::parse));
        put("canned_response", Arbitraries.of("{\"short_code\":\"w\",\"content\":\"x\"}", "{}").map(FuzzJson::parse));
        // Agents, inbox members, assignable agents and the profile (agents_controller.rb, inbox_members_controller.rb,
        // assignable_agents_controller.rb, profiles_controller.rb).
        put("role", mixed(Arbitraries.of("agent", "administrator", "owner", ""), ints(0, 1, 2)));
        put("availability", mixed(Arbitraries.of("online", "offline", "busy", "away", ""), ints(0, 2, 3)));
        put("auto_offline", mixed(bools(), Arbitraries.of("false", "", "x")));
        // user_ids (participants, inbox and team members): arrays of ids, and the shapes each controller trips on.
        put("user_ids", Arbitraries.oneOf(stringArrays(Arbitraries.of("1", "2", "3", "99", "x", "")),
                ints(1, 2, 3, 0, 99).list().ofMaxSize(4).map(ids -> {
                    ArrayNode array = Json.array();
                    ids.forEach(id -> array.add(node(id)));
                    return (JsonNode) array;
                }), ints(1).map(FuzzJson::node),
                Arbitraries.of("[1]", "[2,3]", "[\"2\"]", "[\"invalid\"]", "[99]", "[]", "[null]", "[2,2]", "[1.5]", "[{}]",
                        "2", "[1,2,3]", "[\"1\",\"x\"]", "[[1]]", "\"1\"").map(FuzzJson::parse)));
        put("emails", stringArrays(Arbitraries.of("new@fuzz.test", "agnes@fuzz.test", "bad", "", "NEW@FUZZ.TEST")));
        put("inbox_ids", Arbitraries.oneOf(Arbitraries.of("[1]", "[1,2]", "[\"1\"]", "[99]", "[]", "[{}]", "1").map(FuzzJson::parse)));
        put("include_agent_bots", mixed(bools(), Arbitraries.of("true", "")));
        put("display_name", Arbitraries.oneOf(words, specialStrings()));
        put("message_signature", Arbitraries.oneOf(words, specialStrings()));
        put("ui_settings", wild(1));
        put("password", Arbitraries.of("Secret1!", "", "short"));
        put("current_password", Arbitraries.of("Old1!pass", ""));
        put("account_id", ints(1, 2, 99));
        // Notes (contacts/notes_controller.rb: params.require(:note).permit(:content)) and merges
        // (actions/contact_merges_controller.rb).
        put("note", Arbitraries.of("{\"content\":\"a note\"}", "{\"content\":\"\"}", "{\"content\":null}",
                "{\"content\":{\"a\":1}}", "{\"user_id\":2}", "{}").map(FuzzJson::parse));
        put("base_contact_id", mixed(Arbitraries.of("1", "x", ""), ints(1, 2, 3, 4, 99, 0)));
        put("mergee_contact_id", mixed(Arbitraries.of("2", "x", ""), ints(1, 2, 3, 4, 99, 0)));
    }

    /** The key's plausible values, and now and then one with a leaf deep inside replaced by a wild value. */
    private void put(String key, Arbitrary<?> values) {
        Arbitrary<JsonNode> plain = values.map(FuzzJson::node);
        Arbitrary<JsonNode> perturbed = Combinators.combine(plain, wild(0), Arbitraries.integers().between(0, 1000))
                .as(FuzzJson::perturb);
        plausible.put(key, Arbitraries.frequencyOf(Tuple.of(8, plain), Tuple.of(2, perturbed)));
    }

    /** A copy of {@code node} with its {@code pick}-th leaf (modulo their number) replaced by {@code leaf}. */
    static JsonNode perturb(JsonNode node, JsonNode leaf, int pick) {
        if (!node.isContainerNode() || node.isEmpty()) {
            return leaf;
        }
        JsonNode copy = node.deepCopy();
        List<JsonNode> parents = new ArrayList<>();
        List<Object> slots = new ArrayList<>();
        collectLeaves(copy, parents, slots);
        int at = pick % parents.size();
        if (parents.get(at) instanceof ObjectNode object) {
            object.set((String) slots.get(at), leaf);
        } else {
            ((ArrayNode) parents.get(at)).set((Integer) slots.get(at), leaf);
        }
        return copy;
    }

    private static void collectLeaves(JsonNode container, List<JsonNode> parents, List<Object> slots) {
        if (container instanceof ObjectNode object) {
            object.fields().forEachRemaining(entry -> {
                if (entry.getValue().isContainerNode() && !entry.getValue().isEmpty()) {
                    collectLeaves(entry.getValue(), parents, slots);
                } else {
                    parents.add(object);
                    slots.add(entry.getKey());
                }
            });
        } else if (container instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isContainerNode() && !array.get(i).isEmpty()) {
                    collectLeaves(array.get(i), parents, slots);
                } else {
                    parents.add(array);
                    slots.add(i);
                }
            }
        }
    }

    /** Filter conditions built from the attribute keys and operators Chatwoot knows, and some it does not. */
    private static Arbitrary<JsonNode> filters() {
        Arbitrary<String> keys = Arbitraries.of("name", "email", "phone_number", "identifier", "country_code", "city", "company",
                "created_at", "last_activity_at", "status", "assignee_id", "inbox_id", "team_id", "priority", "labels",
                "conversation_type", "browser_language", "referer", "display_id", "campaign_id", "blocked", "plan", "seats",
                "since", "vip", "budget", "order", "x");
        Arbitrary<String> operators = Arbitraries.of("equal_to", "not_equal_to", "contains", "does_not_contain", "is_present",
                "is_not_present", "is_greater_than", "is_less_than", "days_before", "starts_with", "x");
        Arbitrary<JsonNode> values = Arbitraries.oneOf(Arbitraries.of("[\"open\"]", "[1]", "[\"2026-01-01\"]", "[\"5\"]", "[]",
                "[null]", "[\"a\",\"b\"]", "\"open\"", "7", "[true]", "[\"yes\"]", "[1.5,null]", "[\"%_\"]").map(FuzzJson::parse),
                hugeNumbers());
        Arbitrary<JsonNode> condition = Combinators.combine(keys, operators, values, Arbitraries.of("and", "or", "x", "null"))
                .as((key, operator, value, join) -> parse("{\"attribute_key\":\"" + key + "\",\"filter_operator\":\"" + operator
                        + "\",\"values\":" + value + ",\"query_operator\":" + (join.equals("null") ? "null" : "\"" + join + "\"") + "}"));
        return condition.list().ofMinSize(1).ofMaxSize(4).map(list -> {
            ArrayNode array = Json.array();
            list.forEach(array::add);
            return array;
        });
    }

    private static JsonNode node(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Long number) {
            return LongNode.valueOf(number);
        }
        if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        }
        return TextNode.valueOf(String.valueOf(value));
    }

    private static Arbitrary<Object> ints(long... values) {
        List<Object> boxed = new ArrayList<>();
        for (long v : values) {
            boxed.add(v);
        }
        return Arbitraries.of(boxed);
    }

    private static Arbitrary<Object> mixed(Arbitrary<?> a, Arbitrary<?> b) {
        return Arbitraries.oneOf(a.map(x -> (Object) x), b.map(x -> (Object) x));
    }

    private static Arbitrary<Boolean> bools() {
        return Arbitraries.of(true, false);
    }

    private static Arbitrary<JsonNode> stringArrays(Arbitrary<String> items) {
        return items.list().ofMaxSize(4).map(list -> {
            ArrayNode array = Json.array();
            list.forEach(array::add);
            return array;
        });
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }

    private static JsonNode asObject(JsonNode node) {
        if (node.isObject()) {
            return node;
        }
        ObjectNode object = Json.object();
        object.set("value", node);
        return object;
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
