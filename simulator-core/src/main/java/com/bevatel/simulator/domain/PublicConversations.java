package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageStatus;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apiguardian.api.API;

/** What a contact does to its conversations through the Client API (app/controllers/public/api/v1/inboxes/conversations_controller.rb). */
@API(status = INTERNAL)
public final class PublicConversations {
    private PublicConversations() {
    }

    /** A new conversation with the given custom attributes, or the latest one when the inbox locks to one. */
    public static Conversation open(Transaction tx, ContactInbox contactInbox, ObjectNode customAttributes) {
        Conversations.NewConversation spec = new Conversations.NewConversation(null, null, null, null, customAttributes);
        return Conversations.open(tx, contactInbox, spec, null).conversation();
    }

    /**
     * {@code toggle_status}: the contact can only resolve ("Conversation was resolved by {Contact}");
     * a resolved conversation stays as it is.
     */
    public static Conversation resolve(Transaction tx, Conversation current) {
        if (current.status() == ConversationStatus.RESOLVED) {
            return current;
        }
        Conversation.Builder b = current.toBuilder();
        b.status = ConversationStatus.RESOLVED;
        return Conversations.save(tx, current, b, contact(current));
    }

    /** {@code toggle_typing}: the contact types (webhooks show the contact as {@code user}). */
    public static void typing(Transaction tx, Conversation conversation, boolean on) {
        tx.emit(new DomainEvent.ConversationTyping(conversation.accountId(), conversation.id(), on,
                contact(conversation), false));
    }

    /**
     * {@code update_last_seen}: stamps {@code contact_last_seen_at}, then marks every earlier sent or
     * delivered message not written by the contact read (Chatwoot does this in a job right after).
     */
    public static Conversation markSeen(Transaction tx, Conversation current) {
        Conversation.Builder b = current.toBuilder();
        b.contactLastSeenAt = tx.now();
        Conversation seen = Conversations.save(tx, current, b, null);
        State state = tx.state();
        for (long id : List.copyOf(state.messagesOfConversation.of(seen.id()))) {
            Message message = state.messages.get(id);
            boolean unread = message.status() == MessageStatus.SENT || message.status() == MessageStatus.DELIVERED;
            if (unread && message.messageType() != MessageType.INCOMING
                    && !message.createdAt().isAfter(seen.contactLastSeenAt())) {
                Messages.updateStatus(tx, message, WireEnum.name(MessageStatus.READ), null);
            }
        }
        return seen;
    }

    private static Actor contact(Conversation conversation) {
        return new Actor(SenderType.CONTACT, conversation.contactId());
    }
}
