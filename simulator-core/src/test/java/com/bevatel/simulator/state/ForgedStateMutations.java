package com.bevatel.simulator.state;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.state.ForgedStateTest.Forgery;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forgeries {@link ForgedStateTest} tries on a good document: for one row of each shape of each
 * table (and the nested channel, a working-hours day, label and subscription lists), every field
 * set to null, to a value of another type, to "" or an unknown name, to an id that is dangling,
 * negative, huge or another account's, to a time or number out of range; then the sequences,
 * display ids, member lists and the clock. And the writes an accepted forgery must still serve.
 */
final class ForgedStateMutations {
    private static final JsonNodeFactory NODES = Json.NODES;
    private static final Pattern INSTANT = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT.*Z$");
    private static final Set<String> ENUMS = Set.of("role", "status", "priority", "message_type", "content_type",
            "contact_type", "sender_type", "sender_name_type", "file_type", "attribute_model", "attribute_display_type",
            "availability");
    private static final List<String> TABLES = List.of("accounts", "users", "agent_bots", "teams", "inboxes",
            "agent_bot_inboxes", "custom_attribute_definitions", "webhooks", "labels", "canned_responses", "contacts",
            "contact_labels", "notes", "contact_inboxes", "conversations", "messages", "attachments",
            "conversation_participants", "transcript_requests");
    /** The table an id field points at (sender_id: by its sender_type). */
    private static final Map<String, String> TARGETS = Map.ofEntries(Map.entry("account_id", "accounts"),
            Map.entry("inbox_id", "inboxes"), Map.entry("contact_id", "contacts"), Map.entry("contact_inbox_id", "contact_inboxes"),
            Map.entry("conversation_id", "conversations"), Map.entry("message_id", "messages"), Map.entry("assignee_id", "users"),
            Map.entry("assignee_bot_id", "agent_bots"), Map.entry("team_id", "teams"), Map.entry("agent_bot_id", "agent_bots"),
            Map.entry("user_id", "users"));

    private ForgedStateMutations() {
    }

    static List<Forgery> all(JsonNode good) {
        List<Forgery> out = new ArrayList<>();
        for (String table : TABLES) {
            JsonNode rows = good.get(table);
            Set<String> shapes = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                if (shapes.add(accountOf(good, table, row) + "/" + row.path("sender_type") + "/" + row.path("message_type"))) {
                    fields(out, good, table, row, "/" + table + "/" + i, accountOf(good, table, row));
                }
            }
        }
        topLevel(out, good);
        return out;
    }

    private static void fields(List<Forgery> out, JsonNode doc, String table, JsonNode object, String pointer, long account) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = pointer + "/" + field.getKey();
            JsonNode value = field.getValue();
            // A row moved to another account can change what both show.
            long shownIn = field.getKey().equals("account_id") ? 0 : account;
            for (JsonNode forged : values(doc, table, object, field.getKey(), value, account)) {
                add(out, at, forged, shownIn);
            }
            if (field.getKey().equals("channel")) {
                fields(out, doc, table, value, at, account);
            } else if (field.getKey().equals("working_hours")) {
                fields(out, doc, table, value.get(1), at + "/1", account);
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isTextual()) {
                add(out, at + "/0", NODES.nullNode(), account);
                add(out, at + "/0", NODES.objectNode(), account);
            }
        }
    }

    private static List<JsonNode> values(JsonNode doc, String table, JsonNode row, String name, JsonNode value, long account) {
        List<JsonNode> values = new ArrayList<>();
        values.add(NODES.nullNode());
        values.add(value.isTextual() ? NODES.objectNode() : NODES.textNode("x"));
        if (value.isNull()) {
            values.add(NODES.numberNode(5));
            values.add(NODES.objectNode());
        }
        if (value.isTextual() && INSTANT.matcher(value.asText()).matches()) {
            values.add(NODES.textNode("+10000-01-01T00:00:00Z"));
            values.add(NODES.textNode("-0001-12-31T23:59:59Z"));
        } else if (value.isTextual()) {
            values.add(NODES.textNode(ENUMS.contains(name) ? "bogus" : ""));
        }
        if (value.isIntegralNumber() || (value.isNull() && name.endsWith("_id"))) {
            values.add(NODES.numberNode(-1));
            values.add(NODES.numberNode(Long.MAX_VALUE));
            values.add(NODES.numberNode(999_999));
            if (name.endsWith("_id") || name.equals("id")) {
                values.add(NODES.numberNode(0));
                String target = name.equals("id") ? table
                        : name.equals("sender_id") ? senderTable(row) : name.equals("inviter_id") ? "users" : TARGETS.get(name);
                if (target != null) {
                    otherAccountsId(doc, target, account).ifPresent(id -> values.add(NODES.numberNode(id)));
                }
            } else {
                values.add(NODES.numberNode(24));
                values.add(NODES.numberNode(60));
            }
        }
        return values;
    }

    private static void topLevel(List<Forgery> out, JsonNode good) {
        for (Iterator<String> names = good.get("sequences").fieldNames(); names.hasNext(); ) {
            String at = "/sequences/" + names.next();
            for (JsonNode value : List.of(NODES.numberNode(Sequence.MAX_ID + 1), NODES.numberNode(Long.MAX_VALUE),
                    NODES.numberNode(-1), NODES.numberNode(0), NODES.textNode("x"), NODES.nullNode())) {
                add(out, at, value);
            }
        }
        for (Iterator<String> names = good.get("display_ids").fieldNames(); names.hasNext(); ) {
            String at = "/display_ids/" + names.next();
            for (JsonNode value : List.of(NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(0), NODES.nullNode())) {
                add(out, at, value);
            }
        }
        add(out, "/display_ids/99", NODES.numberNode(1));
        for (JsonNode value : List.of(NODES.textNode("+10000-01-01T00:00:00Z"), NODES.textNode("-0001-12-31T23:59:59Z"),
                NODES.nullNode(), NODES.numberNode(5), NODES.textNode("9999-12-31T23:59:59Z"))) {
            add(out, "/clock", value);
        }
        add(out, "/random", NODES.textNode("x"));
        add(out, "/random", NODES.numberNode(Long.MIN_VALUE));
        long userTwo = ForgedStateWorld.rowsOf(good, "users", 2).get(0).get("id").asLong();
        for (String members : List.of("/inbox_members/1", "/team_members/1")) {
            for (JsonNode value : List.of(NODES.arrayNode().add(userTwo), NODES.arrayNode().add(999),
                    NODES.arrayNode().add("x"), NODES.arrayNode().addNull(), NODES.textNode("x"))) {
                add(out, members, value);
            }
        }
        add(out, "/inbox_members/999", NODES.arrayNode().add(1));
    }

    /**
     * Writes an accepted document must still serve in {@code onlyAccount} (0: every account): new
     * contacts, inbox settings, messages (with working hours on), status changes, participants, mute, bots,
     * custom attribute definitions (and a filter on each).
     */
    static List<String> writes(BevatelSimulator sim, JsonNode doc, long onlyAccount) {
        List<String> broken = new ArrayList<>();
        for (JsonNode account : doc.get("accounts")) {
            long id = account.get("id").asLong();
            if (onlyAccount != 0 && id != onlyAccount) {
                continue;
            }
            Http admin = new Http(sim.baseUrl(), id == 1 ? ForgedStateWorld.ADMIN_ONE : ForgedStateWorld.ADMIN_TWO);
            String base = "/api/v1/accounts/" + id;
            check(broken, "POST", base + "/contacts", admin.post(base + "/contacts", "{\"name\":\"Written\"}"));
            check(broken, "PATCH", "/api/v1/profile", admin.patch("/api/v1/profile", "{\"display_name\":\"Written\","
                    + "\"ui_settings\":{\"a\":1}}"));
            check(broken, "POST", base + "/agents", admin.post(base + "/agents", "{\"email\":\"written@" + id + ".test\"}"));
            for (JsonNode inbox : ForgedStateWorld.rowsOf(doc, "inboxes", id)) {
                String path = base + "/inboxes/" + inbox.get("id").asLong();
                check(broken, "PATCH", path, admin.patch(path, "{\"working_hours_enabled\":true,\"out_of_office_message\":"
                        + "\"away\",\"working_hours\":[{\"day_of_week\":1,\"open_hour\":8}]}"));
            }
            for (JsonNode conversation : ForgedStateWorld.rowsOf(doc, "conversations", id)) {
                String path = base + "/conversations/" + conversation.get("display_id").asLong();
                check(broken, "POST", path + "/messages", admin.post(path + "/messages",
                        "{\"content\":\"written\",\"message_type\":\"incoming\"}"));
                check(broken, "POST", path + "/toggle_status", admin.post(path + "/toggle_status", "{\"status\":\"resolved\"}"));
                long adminId = ForgedStateWorld.rowsOf(doc, "users", id).get(0).get("id").asLong();
                check(broken, "PATCH", path + "/participants", admin.patch(path + "/participants", "{\"user_ids\":[" + adminId + "]}"));
                check(broken, "POST", path + "/transcript", admin.post(path + "/transcript", "{\"email\":\"a@b.test\"}"));
                for (String action : List.of("/unread", "/mute", "/unmute")) {
                    check(broken, "POST", path + action, admin.post(path + action, null));
                }
            }
            // A conversation in each inbox (its bot, if any, takes it), then each bot changed, attached and deleted.
            List<JsonNode> contacts = ForgedStateWorld.rowsOf(doc, "contacts", id);
            for (JsonNode inbox : ForgedStateWorld.rowsOf(doc, "inboxes", id)) {
                String body = "{\"inbox_id\":" + inbox.get("id").asLong()
                        + (contacts.isEmpty() ? "" : ",\"contact_id\":" + contacts.get(0).get("id").asLong()) + "}";
                check(broken, "POST", base + "/conversations", admin.post(base + "/conversations", body));
            }
            // A note on each contact, each note edited; at the end, the first two contacts merged.
            for (JsonNode contact : contacts) {
                String path = base + "/contacts/" + contact.get("id").asLong() + "/notes";
                check(broken, "POST", path, admin.post(path, "{\"content\":\"written\"}"));
            }
            for (JsonNode note : ForgedStateWorld.rowsOf(doc, "notes", id)) {
                String path = base + "/contacts/" + note.get("contact_id").asLong() + "/notes/" + note.get("id").asLong();
                check(broken, "PATCH", path, admin.patch(path, "{\"content\":\"edited\"}"));
            }
            for (JsonNode bot : ForgedStateWorld.rowsOf(doc, "agent_bots", id)) {
                String path = base + "/agent_bots/" + bot.get("id").asLong();
                check(broken, "PATCH", path, admin.patch(path, "{\"description\":\"written\",\"bot_config\":{\"a\":1}}"));
                check(broken, "POST", path + "/reset_secret", admin.post(path + "/reset_secret", null));
                for (JsonNode inbox : ForgedStateWorld.rowsOf(doc, "inboxes", id)) {
                    String set = base + "/inboxes/" + inbox.get("id").asLong() + "/set_agent_bot";
                    check(broken, "POST", set, admin.post(set, "{\"agent_bot\":" + bot.get("id").asLong() + "}"));
                }
                check(broken, "DELETE", path, admin.delete(path));
            }
            // Each definition filtered on, changed and deleted.
            for (JsonNode definition : ForgedStateWorld.rowsOf(doc, "custom_attribute_definitions", id)) {
                String path = base + "/custom_attribute_definitions/" + definition.get("id").asLong();
                String filter = base + (definition.path("attribute_model").asText().equals("contact_attribute")
                        ? "/contacts/filter" : "/conversations/filter");
                check(broken, "POST", filter, admin.post(filter, "{\"payload\":[{\"attribute_key\":"
                        + definition.path("attribute_key") + ",\"filter_operator\":\"is_present\",\"values\":[]}]}"));
                check(broken, "PATCH", path, admin.patch(path, "{\"attribute_description\":\"written\"}"));
                check(broken, "DELETE", path, admin.delete(path));
            }
            // Each team renamed and restaffed, each label renamed (its tags follow) and deleted, each canned response
            // changed; then a team is deleted (its conversations lose it).
            for (JsonNode team : ForgedStateWorld.rowsOf(doc, "teams", id)) {
                String path = base + "/teams/" + team.get("id").asLong();
                check(broken, "PATCH", path, admin.patch(path, "{\"name\":\"written-" + team.get("id").asLong() + "\"}"));
                check(broken, "PATCH", path + "/team_members", admin.patch(path + "/team_members", "{\"user_ids\":[]}"));
                check(broken, "DELETE", path, admin.delete(path));
            }
            for (JsonNode label : ForgedStateWorld.rowsOf(doc, "labels", id)) {
                String path = base + "/labels/" + label.get("id").asLong();
                check(broken, "PATCH", path, admin.patch(path, "{\"title\":\"written-" + label.get("id").asLong() + "\"}"));
                check(broken, "DELETE", path, admin.delete(path));
            }
            for (JsonNode canned : ForgedStateWorld.rowsOf(doc, "canned_responses", id)) {
                String path = base + "/canned_responses/" + canned.get("id").asLong();
                check(broken, "PATCH", path, admin.patch(path, "{\"content\":\"written\"}"));
            }
            if (contacts.size() > 1) {
                check(broken, "POST", base + "/actions/contact_merge", admin.post(base + "/actions/contact_merge",
                        "{\"base_contact_id\":" + contacts.get(0).get("id").asLong() + ",\"mergee_contact_id\":"
                                + contacts.get(1).get("id").asLong() + "}"));
            }
        }
        return broken;
    }

    private static void check(List<String> broken, String method, String path, Http.Result result) {
        if (result.status() >= 500) {
            broken.add(method + " " + path + " → " + result);
        }
    }

    /** @param account the account whose reads the forgery can change; 0: any */
    private static void add(List<Forgery> out, String pointer, JsonNode value, long account) {
        String shown = value.toString();
        out.add(new Forgery(pointer + " = " + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown),
                value.isTextual(), account, doc -> set(doc, pointer, value)));
    }

    private static void add(List<Forgery> out, String pointer, JsonNode value) {
        add(out, pointer, value, 0);
    }

    private static void set(ObjectNode doc, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = doc.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static String senderTable(JsonNode message) {
        return switch (message.path("sender_type").asText()) {
            case "contact" -> "contacts";
            case "user" -> "users";
            case "agent_bot" -> "agent_bots";
            default -> null;
        };
    }

    private static long accountOf(JsonNode doc, String table, JsonNode row) {
        if (table.equals("accounts")) {
            return row.get("id").asLong();
        }
        if (row.has("account_id")) {
            return row.get("account_id").asLong();
        }
        if (table.equals("agent_bot_inboxes")) {
            return ForgedStateWorld.rowById(doc, "inboxes", row.get("inbox_id").asLong()).get("account_id").asLong();
        }
        return ForgedStateWorld.rowById(doc, "contacts", row.get("contact_id").asLong()).get("account_id").asLong();
    }

    private static java.util.Optional<Long> otherAccountsId(JsonNode doc, String table, long account) {
        for (JsonNode row : doc.get(table)) {
            if (accountOf(doc, table, row) != account) {
                return java.util.Optional.of(row.get("id").asLong());
            }
        }
        return java.util.Optional.empty();
    }
}
