package com.bevatel.simulator.standalone.dashboard;

import com.bevatel.simulator.domain.Notes;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Attachment;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.Note;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.Webhook;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.AttachmentView;
import com.bevatel.simulator.view.ConversationView;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The dashboard's own compact JSON (not Chatwoot's shapes): what the page shows, flattened, with
 * names resolved and times as ISO-8601 simulated time. Read-only; built under the store's read lock.
 */
final class DashboardViews {
    private static final Comparator<Conversation> NEWEST_FIRST = Comparator
            .comparing(Conversation::lastActivityAt, Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder()))
            .thenComparingLong(Conversation::displayId).reversed();

    private static final int NOTES_SHOWN = 5;

    private DashboardViews() {
    }

    /** The account the dashboard shows: the first one, as {@code /_simulator/agent/...} acts on it. */
    static Account account(State state) {
        return state.accounts.all().iterator().next();
    }

    /** Account, simulated clock, inboxes with conversation counts, members and teams. */
    static ObjectNode overview(State state) {
        Account account = account(state);
        ObjectNode o = Json.object();
        o.putObject("account").put("id", account.id()).put("name", account.name());
        o.put("now", Json.isoText(state.clock().now()));
        List<Conversation> conversations = conversationsOf(state, account.id());
        ArrayNode inboxes = o.putArray("inboxes");
        state.inboxes.all().stream().filter(inbox -> inbox.accountId() == account.id())
                .sorted(Comparator.comparingLong(Inbox::id))
                .forEach(inbox -> inboxes.add(inbox(inbox, conversations)));
        ArrayNode members = o.putArray("members");
        state.users.all().stream().filter(user -> user.accountId() == account.id())
                .sorted(Comparator.comparingLong(User::id))
                .forEach(user -> members.addObject().put("id", user.id()).put("name", user.availableName())
                        .put("email", user.email()).put("role", WireEnum.name(user.role())));
        ArrayNode teams = o.putArray("teams");
        state.teams.all().stream().filter(team -> team.accountId() == account.id())
                .forEach(team -> teams.addObject().put("id", team.id()).put("name", team.name()));
        return o;
    }

    private static ObjectNode inbox(Inbox inbox, List<Conversation> conversations) {
        ObjectNode o = Json.object();
        o.put("id", inbox.id());
        o.put("name", inbox.name());
        o.put("identifier", inbox.channel().identifier());
        o.set("webhook_url", Json.text(inbox.channel().webhookUrl()));
        Map<ConversationStatus, Integer> counts = new EnumMap<>(ConversationStatus.class);
        int all = 0;
        for (Conversation c : conversations) {
            if (c.inboxId() == inbox.id()) {
                counts.merge(c.status(), 1, Integer::sum);
                all++;
            }
        }
        ObjectNode byStatus = o.putObject("counts");
        byStatus.put("all", all);
        for (ConversationStatus status : ConversationStatus.values()) {
            byStatus.put(WireEnum.name(status), counts.getOrDefault(status, 0));
        }
        return o;
    }

    /**
     * The newest {@code limit} conversations (by last activity) passing {@code filter}, and how
     * many passed in all.
     */
    static ObjectNode conversations(State state, Predicate<Conversation> filter, int limit) {
        List<Conversation> matching = conversationsOf(state, account(state).id()).stream().filter(filter)
                .sorted(NEWEST_FIRST)
                .toList();
        ObjectNode o = Json.object();
        o.put("total", matching.size());
        ArrayNode items = o.putArray("conversations");
        matching.stream().limit(limit).forEach(c -> items.add(conversation(c, state)));
        return o;
    }

    /**
     * One conversation and a page of its messages, oldest first: the newest {@code limit} of those
     * before message {@code beforeId} (of all when null), and whether there are older ones.
     */
    static ObjectNode thread(Conversation conversation, State state, Long beforeId, int limit) {
        List<Long> ids = state.messagesOfConversation.of(conversation.id());
        int end = ids.size();
        if (beforeId != null) {
            int at = Collections.binarySearch(ids, beforeId); // ids ascend
            end = at >= 0 ? at : -at - 1;
        }
        int start = Math.max(0, end - limit);
        ObjectNode o = Json.object();
        ObjectNode shown = conversation(conversation, state);
        contactNotes((ObjectNode) shown.get("contact"), conversation.contactId(), state);
        o.set("conversation", shown);
        ArrayNode messages = o.putArray("messages");
        for (long id : ids.subList(start, end)) {
            messages.add(message(state.messages.get(id), state));
        }
        o.put("has_older", start > 0);
        return o;
    }

    /** The contact's newest {@value #NOTES_SHOWN} notes (what agents wrote about it), and how many it has. */
    private static void contactNotes(ObjectNode contact, long contactId, State state) {
        List<Note> notes = Notes.ofContact(state, contactId);
        contact.put("notes_count", notes.size());
        ArrayNode shown = contact.putArray("notes");
        for (Note note : notes.subList(0, Math.min(NOTES_SHOWN, notes.size()))) {
            ObjectNode item = shown.addObject();
            item.put("id", note.id());
            item.put("content", note.content());
            item.set("author", Json.text(note.userId() == null ? null
                    : state.users.find(note.userId()).map(User::availableName).orElse(null)));
            item.set("created_at", Json.iso(note.createdAt()));
        }
    }

    private static List<Conversation> conversationsOf(State state, long accountId) {
        return state.conversationsOfAccount.of(accountId).stream().map(state.conversations::get).toList();
    }

    private static ObjectNode conversation(Conversation c, State state) {
        ObjectNode o = Json.object();
        o.put("id", c.displayId());
        o.put("inbox_id", c.inboxId());
        o.put("status", WireEnum.name(c.status()));
        o.set("priority", Json.text(c.priority() == null ? null : WireEnum.name(c.priority())));
        Contact contact = state.contacts.get(c.contactId());
        ObjectNode contactNode = o.putObject("contact");
        contactNode.put("id", contact.id());
        contactNode.set("name", Json.text(contact.name()));
        contactNode.set("email", Json.text(contact.email()));
        contactNode.set("phone_number", Json.text(contact.phoneNumber()));
        contactNode.set("identifier", Json.text(contact.identifier()));
        o.set("assignee", assignee(c, state));
        o.set("team", Json.text(c.teamId() == null ? null
                : state.teams.find(c.teamId()).map(team -> team.name()).orElse(null)));
        ArrayNode labels = o.putArray("labels");
        c.labels().forEach(labels::add);
        o.set("last_message", lastNonActivity(c, state));
        o.put("messages_count", state.messagesOfConversation.of(c.id()).size());
        o.put("unread_count", ConversationView.unreadCount(c, state));
        o.put("can_reply", ConversationView.canReply(c, state));
        o.set("created_at", Json.iso(c.createdAt()));
        o.set("last_activity_at", Json.iso(c.lastActivityAt()));
        return o;
    }

    private static JsonNode assignee(Conversation c, State state) {
        if (c.assigneeBotId() != null) {
            return state.agentBots.find(c.assigneeBotId())
                    .<JsonNode>map(bot -> Json.object().put("type", "agent_bot").put("id", bot.id()).put("name", bot.name()))
                    .orElse(Json.text(null));
        }
        if (c.assigneeId() == null) {
            return Json.text(null);
        }
        return state.users.find(c.assigneeId())
                .<JsonNode>map(user -> Json.object().put("type", "user").put("id", user.id())
                        .put("name", user.availableName()).put("email", user.email()))
                .orElse(Json.text(null));
    }

    private static JsonNode lastNonActivity(Conversation c, State state) {
        List<Long> ids = state.messagesOfConversation.of(c.id());
        for (int i = ids.size() - 1; i >= 0; i--) {
            Message m = state.messages.get(ids.get(i));
            if (m.messageType() != MessageType.ACTIVITY) {
                return Json.object().put("message_type", WireEnum.name(m.messageType()))
                        .put("private", m.isPrivate()).set("content", Json.text(m.content()));
            }
        }
        return Json.text(null);
    }

    private static ObjectNode message(Message m, State state) {
        ObjectNode o = Json.object();
        o.put("id", m.id());
        o.put("message_type", WireEnum.name(m.messageType()));
        o.put("private", m.isPrivate());
        o.set("content", Json.text(m.content()));
        o.put("content_type", WireEnum.name(m.contentType()));
        o.put("status", WireEnum.name(m.status()));
        JsonNode externalError = m.contentAttributes().get("external_error");
        o.set("external_error", externalError == null ? Json.text(null) : externalError);
        o.set("sender", sender(m, state));
        o.put("created_at", Json.isoText(m.createdAt()));
        ArrayNode attachments = o.putArray("attachments");
        String baseUrl = state.settings().baseUrl();
        for (long id : state.attachmentsOfMessage.of(m.id())) {
            Attachment a = state.attachments.get(id);
            attachments.addObject().put("file_type", WireEnum.name(a.fileType()))
                    .put("file_name", a.fileName() == null ? "blob" : a.fileName())
                    .put("file_size", a.byteSize()).put("data_url", AttachmentView.dataUrl(a, baseUrl));
        }
        return o;
    }

    private static JsonNode sender(Message m, State state) {
        if (m.senderType() == null || m.senderId() == null) {
            return Json.text(null);
        }
        String name = switch (m.senderType()) {
            case CONTACT -> state.contacts.find(m.senderId()).map(Contact::name).orElse(null);
            case USER -> state.users.find(m.senderId()).map(User::availableName).orElse(null);
            case AGENT_BOT -> state.agentBots.find(m.senderId()).map(bot -> bot.name()).orElse(null);
        };
        ObjectNode o = Json.object();
        o.put("type", m.senderType().wireName());
        o.put("id", m.senderId());
        o.set("name", Json.text(name));
        return o;
    }

    /** A delivery without its bodies: one row of the deliveries list. */
    static ObjectNode deliverySummary(Delivery d, State state) {
        ObjectNode o = Json.object();
        o.put("id", d.id());
        o.put("event", d.event());
        o.put("url", d.url().toString());
        o.put("receiver", receiver(d.receiver(), state));
        if (d.conversationId() == null) {
            o.putNull("conversation_id");
        } else {
            o.put("conversation_id", d.conversationId());
        }
        if (d.responseStatus() == null) {
            o.putNull("response_status");
        } else {
            o.put("response_status", d.responseStatus());
        }
        o.put("succeeded", d.succeeded());
        o.set("failure", Json.text(d.failure()));
        o.put("duration_ms", d.duration().toMillis());
        o.put("attempt", d.attempt());
        o.put("simulated_time", Json.isoText(d.simulatedTime()));
        o.set("delivery_id", Json.text(d.deliveryId()));
        return o;
    }

    /**
     * Who a delivery went to, with its name while it exists: "API inbox 1 (Bevatel API)", "account
     * webhook 3 (CRM)", "agent bot 2 (Echo Bot)"; one deleted since, or without a name, by id alone.
     */
    static String receiver(Receiver receiver, State state) {
        String name = switch (receiver.kind()) {
            case ACCOUNT_WEBHOOK -> state.webhooks.find(receiver.id()).map(Webhook::name).orElse(null);
            case API_INBOX -> state.inboxes.find(receiver.id()).map(Inbox::name).orElse(null);
            case AGENT_BOT -> state.agentBots.find(receiver.id()).map(AgentBot::name).orElse(null);
        };
        return name == null || name.isBlank() ? receiver.toString() : receiver + " (" + name + ")";
    }

    /** A delivery with what was sent and what came back. */
    static ObjectNode deliveryDetail(Delivery d, State state) {
        ObjectNode o = deliverySummary(d, state);
        ObjectNode headers = o.putObject("request_headers");
        d.requestHeaders().forEach(headers::put);
        o.put("request_body", d.requestBody());
        o.set("response_body", Json.text(d.responseBody()));
        return o;
    }
}
