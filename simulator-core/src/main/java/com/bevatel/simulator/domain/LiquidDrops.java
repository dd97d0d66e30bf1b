package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The variables Chatwoot's message drops expose to Liquid (app/drops/): contact, agent (the
 * sender, else the assignee), conversation, inbox, account — with the drops' own formatting
 * (word-capitalized names, conversation id = display id).
 */
@API(status = INTERNAL)
public final class LiquidDrops {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern FORBIDDEN = Pattern.compile("[\\\\<>@\"!#$%&*+=?^`{|}~:;()]");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F]");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("\\A\\p{Punct}+|\\p{Punct}+\\z");

    private LiquidDrops() {
    }

    /** The drops for a message on {@code conversation} sent by ({@code senderType}, {@code senderId}) or by nobody. */
    public static Map<String, Object> forMessage(State state, Conversation conversation, SenderType senderType,
                                                 Long senderId) {
        Contact contact = state.contacts.get(conversation.contactId());
        Inbox inbox = state.inboxes.get(conversation.inboxId());
        Map<String, Object> drops = new HashMap<>();
        drops.put("contact", contact(contact));
        drops.put("agent", agent(state, conversation, senderType, senderId));
        drops.put("conversation", conversation(conversation, contact));
        drops.put("inbox", inbox(inbox));
        Map<String, Object> account = new HashMap<>();
        state.accounts.find(conversation.accountId()).ifPresent(a -> {
            account.put("id", a.id());
            account.put("name", a.name());
        });
        drops.put("account", account);
        return drops;
    }

    private static Map<String, Object> contact(Contact contact) {
        Map<String, Object> drop = person(contact.id(), contact.name());
        drop.put("email", contact.email());
        drop.put("phone_number", contact.phoneNumber());
        drop.put("custom_attribute", plain(contact.customAttributes().toObjectNode()));
        return drop;
    }

    private static Map<String, Object> agent(State state, Conversation conversation, SenderType senderType, Long senderId) {
        if (senderType == SenderType.USER && senderId != null) {
            User user = state.users.find(senderId).orElse(null);
            if (user != null) {
                return user(user);
            }
        }
        if (senderType == SenderType.AGENT_BOT && senderId != null) {
            AgentBot bot = state.agentBots.find(senderId).orElse(null);
            if (bot != null) {
                Map<String, Object> drop = person(bot.id(), bot.name());
                drop.put("available_name", bot.name());
                return drop;
            }
        }
        if (senderType == SenderType.CONTACT && senderId != null) {
            Contact sender = state.contacts.find(senderId).orElse(null);
            if (sender != null) {
                Map<String, Object> drop = person(sender.id(), sender.name());
                drop.put("email", sender.email());
                return drop;
            }
        }
        if (conversation.assigneeId() != null) {
            User assignee = state.users.find(conversation.assigneeId()).orElse(null);
            if (assignee != null) {
                return user(assignee);
            }
        }
        return new HashMap<>();
    }

    private static Map<String, Object> user(User user) {
        Map<String, Object> drop = person(user.id(), user.name());
        drop.put("available_name", user.availableName());
        drop.put("email", user.email());
        return drop;
    }

    /** id, word-capitalized name, first_name, and last_name when the name has more than one word. */
    private static Map<String, Object> person(long id, String name) {
        Map<String, Object> drop = new HashMap<>();
        drop.put("id", id);
        List<String> words = name == null || name.isBlank() ? List.of()
                : Arrays.asList(WHITESPACE.split(name.strip()));
        drop.put("name", name == null ? null : words.stream().map(Liquid::capitalize).collect(Collectors.joining(" ")));
        drop.put("first_name", words.isEmpty() ? null : Liquid.capitalize(words.get(0)));
        drop.put("last_name", words.size() > 1 ? Liquid.capitalize(words.get(words.size() - 1)) : null);
        return drop;
    }

    private static Map<String, Object> conversation(Conversation conversation, Contact contact) {
        Map<String, Object> drop = new HashMap<>();
        drop.put("id", conversation.displayId());
        drop.put("display_id", conversation.displayId());
        drop.put("contact_name", contact.name() == null ? "Customer" : Liquid.capitalize(contact.name()));
        drop.put("custom_attribute", plain(conversation.customAttributes().toObjectNode()));
        return drop;
    }

    private static Map<String, Object> inbox(Inbox inbox) {
        Map<String, Object> drop = new HashMap<>();
        drop.put("id", inbox.id());
        drop.put("name", inbox.name());
        String business = sanitize(inbox.businessName());
        drop.put("business_name", business != null ? business : sanitize(inbox.name()));
        drop.put("avatar_url", "");
        drop.put("email", null);
        return drop;
    }

    /** Chatwoot's Inbox#apply_sanitization_rules; null when nothing is left. */
    private static String sanitize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = FORBIDDEN.matcher(raw).replaceAll("");
        s = CONTROL.matcher(s).replaceAll(" ");
        s = EDGE_PUNCTUATION.matcher(s).replaceAll("");
        s = WHITESPACE.matcher(s).replaceAll(" ").strip();
        return s.isEmpty() ? null : s;
    }

    /** An attribute bag as plain values for lookups (strings, numbers, booleans, nested maps). */
    private static Map<String, Object> plain(ObjectNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), plainValue(e.getValue())));
        }
        return out;
    }

    private static Object plainValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isObject()) {
            return plain((ObjectNode) value);
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return new BigDecimal(value.bigIntegerValue());
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value;
    }
}
