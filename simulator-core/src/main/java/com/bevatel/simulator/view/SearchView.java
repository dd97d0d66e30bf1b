package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The search shapes: {@code /search} results (app/views/api/v1/accounts/search/) and the conversation
 * of {@code /conversations/search} (app/views/api/v1/models/_conversation.json.jbuilder).
 */
public final class SearchView {
    private SearchView() {
    }

    /**
     * search/_conversation_search_result (and, with {@code additional_attributes} last, the items of
     * search/conversations.json.jbuilder): {@code message} (the first message, of any kind) and
     * {@code agent} (the assignee) are left out when there is none, as jbuilder leaves out an empty block.
     */
    public static ObjectNode conversation(Conversation c, State state, boolean withAdditionalAttributes) {
        ObjectNode o = Json.object();
        o.put("id", c.displayId());
        o.put("account_id", c.accountId());
        o.put("created_at", Json.unix(c.createdAt()));
        List<Long> messages = state.messagesOfConversation.of(c.id());
        if (!messages.isEmpty()) {
            o.set("message", MessageView.rest(state.messages.get(messages.get(0)), state, null));
        }
        o.set("contact", contact(state.contacts.get(c.contactId())));
        Inbox inbox = state.inboxes.get(c.inboxId());
        ObjectNode i = o.putObject("inbox");
        i.put("id", inbox.id());
        i.put("channel_id", inbox.channel().id());
        i.put("name", inbox.name());
        i.put("channel_type", "Channel::Api");
        if (c.assigneeId() != null) {
            state.users.find(c.assigneeId()).ifPresent(user -> o.set("agent", agent(user)));
        }
        if (withAdditionalAttributes) {
            o.set("additional_attributes", c.additionalAttributes().toObjectNode());
        }
        return o;
    }

    /** search/_contact: no {@code created_at}; {@code last_activity_at} null when never active. */
    public static ObjectNode contact(Contact c) {
        ObjectNode o = Json.object();
        o.set("email", Json.text(c.email()));
        o.put("id", c.id());
        o.set("name", Json.text(c.name()));
        o.set("phone_number", Json.text(c.phoneNumber()));
        o.set("identifier", Json.text(c.identifier()));
        o.set("additional_attributes", c.additionalAttributes().toObjectNode());
        if (c.lastActivityAt() == null) {
            o.putNull("last_activity_at");
        } else {
            o.put("last_activity_at", Json.unix(c.lastActivityAt()));
        }
        return o;
    }

    private static ObjectNode agent(User user) {
        ObjectNode o = Json.object();
        o.put("id", user.id());
        o.put("available_name", user.availableName());
        o.put("email", user.email());
        o.put("name", user.name());
        o.put("role", WireEnum.name(user.role()));
        return o;
    }

    /**
     * api/v1/models/_conversation: the {@code messages} given (with a {@code q}, Chatwoot's eager load
     * keeps the matching ones only), each with its sender's name when it has a sender.
     */
    public static ObjectNode conversationModel(Conversation c, State state, List<Message> messages) {
        ObjectNode o = Json.object();
        o.put("id", c.displayId());
        o.put("uuid", c.uuid());
        o.put("created_at", Json.unix(c.createdAt()));
        Contact contact = state.contacts.get(c.contactId());
        ObjectNode co = o.putObject("contact");
        co.put("id", contact.id());
        co.set("name", Json.text(contact.name()));
        Inbox inbox = state.inboxes.get(c.inboxId());
        ObjectNode i = o.putObject("inbox");
        i.put("id", inbox.id());
        i.put("name", inbox.name());
        i.put("channel_type", "Channel::Api");
        ArrayNode list = o.putArray("messages");
        for (Message m : messages) {
            ObjectNode item = list.addObject();
            item.set("content", Json.text(m.content()));
            item.put("id", m.id());
            ObjectNode sender = Senders.push(m, state);
            if (sender != null) {
                item.set("sender_name", sender.get("name"));
            }
            item.put("message_type", WireEnum.code(m.messageType()));
            item.put("created_at", Json.unix(m.createdAt()));
        }
        o.put("account_id", c.accountId());
        return o;
    }
}
