package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.state.State;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a Client API caller can reach (app/controllers/public/api/v1/inboxes_controller.rb): the inbox named by its identifier, a
 * contact-inbox of that inbox by {@code source_id}, and the conversations of that contact-inbox —
 * or of the whole contact once the contact-inbox is HMAC-verified (inboxes_controller.rb#set_conversation). Anything else is the
 * Rails 404 page.
 */
@API(status = INTERNAL)
public final class PublicScope {
    /** Messages per page of {@code GET …/messages}. */
    public static final int PAGE_SIZE = 20;

    private PublicScope() {
    }

    public static Inbox inbox(State state, String identifier) {
        return state.inboxByIdentifier.find(identifier).flatMap(state.inboxes::find)
                .orElseThrow(Errors::publicNotFound);
    }

    public static ContactInbox contactInbox(State state, Inbox inbox, String sourceId) {
        return state.contactInboxBySource.find(new State.SourceKey(inbox.id(), sourceId))
                .map(state.contactInboxes::get).orElseThrow(Errors::publicNotFound);
    }

    /** By display id; Rails casts a non-numeric id to nothing that matches, hence 404. */
    public static Conversation conversation(State state, ContactInbox ci, String displayId) {
        long number;
        try {
            number = Long.parseLong(displayId);
        } catch (NumberFormatException e) {
            throw Errors.publicNotFound();
        }
        long accountId = state.inboxes.get(ci.inboxId()).accountId();
        return state.conversationByDisplayId.find(new State.DisplayKey(accountId, number))
                .map(state.conversations::get)
                .filter(c -> ci.hmacVerified() ? c.contactId() == ci.contactId() : c.contactInboxId() == ci.id())
                .orElseThrow(Errors::publicNotFound);
    }

    /** The conversations the contact-inbox sees, in id order. */
    public static List<Conversation> conversations(State state, ContactInbox ci) {
        List<Long> ids = new ArrayList<>();
        if (ci.hmacVerified()) {
            for (long contactInboxId : state.contactInboxesOfContact.of(ci.contactId())) {
                ids.addAll(state.conversationsOfContactInbox.of(contactInboxId));
            }
            ids.sort(null);
        } else {
            ids.addAll(state.conversationsOfContactInbox.of(ci.id()));
        }
        return ids.stream().map(state.conversations::get).toList();
    }

    /** What the contact sees of a conversation, oldest first: no private notes, no activity messages. */
    public static List<Message> visibleMessages(State state, Conversation conversation) {
        List<Message> visible = new ArrayList<>();
        for (long id : state.messagesOfConversation.of(conversation.id())) {
            Message m = state.messages.get(id);
            if (!m.isPrivate() && m.messageType() != MessageType.ACTIVITY) {
                visible.add(m);
            }
        }
        return visible;
    }

    /** The latest 20 visible messages, or the 20 visible ones before the message id {@code before}. */
    public static List<Message> latestVisibleMessages(State state, Conversation conversation, Long before) {
        List<Message> visible = visibleMessages(state, conversation);
        int end = visible.size();
        if (before != null) {
            end = 0;
            while (end < visible.size() && visible.get(end).id() < before) {
                end++;
            }
        }
        return List.copyOf(visible.subList(Math.max(0, end - PAGE_SIZE), end));
    }

    public static Message message(State state, Conversation conversation, String id) {
        try {
            long number = Long.parseLong(id);
            return state.messages.find(number).filter(m -> m.conversationId() == conversation.id())
                    .orElseThrow(Errors::publicNotFound);
        } catch (NumberFormatException e) {
            throw Errors.publicNotFound();
        }
    }
}
