package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Chatwoot's ContactMergeAction (app/actions/contact_merge_action.rb), behind {@code POST /actions/contact_merge}
 * and the Client API's contact update (ContactIdentifyAction): in one transaction the mergee's conversations,
 * the messages it sent, its contact-inboxes and its notes move to the base; the mergee is deleted with its
 * labels; the base keeps its own values and takes the mergee's where its own are blank.
 *
 * <p>What a receiver hears: {@code message_updated} for each message that changed sender (incoming ones; the
 * dispatcher skips activity messages), then the base's {@code contact_updated} when its attributes changed.
 * Chatwoot's {@code contact.merged}, {@code contact.deleted} and {@code conversation.contact_changed} reach
 * ActionCable only, and the moved conversations send no {@code conversation_updated} ({@code contact_id} is not
 * among the keys it reports).
 */
@API(status = INTERNAL)
public final class ContactMerges {
    private ContactMerges() {
    }

    /** Merges {@code mergee} into {@code base} (both of one account) and returns the base as it now is. */
    public static Contact merge(Transaction tx, Contact base, Contact mergee) {
        if (base.id() == mergee.id()) {
            return base;
        }
        State state = tx.state();
        Instant now = tx.now();
        // A conversation's contact is its contact-inbox's, and a contact sends messages only in its own
        // conversations: Chatwoot's Conversation.where(contact_id:) and Message.where(sender:) find these.
        List<Long> contactInboxIds = List.copyOf(state.contactInboxesOfContact.of(mergee.id()));
        List<Long> messageIds = new ArrayList<>();
        for (long ciId : contactInboxIds) {
            for (long conversationId : state.conversationsOfContactInbox.of(ciId)) {
                state.conversations.put(withContact(state.conversations.get(conversationId), base.id(), now));
                messageIds.addAll(state.messagesOfConversation.of(conversationId));
            }
        }
        messageIds.sort(null);
        for (long messageId : messageIds) {
            Message message = state.messages.get(messageId);
            if (message.senderType() == SenderType.CONTACT && message.senderId() != null
                    && message.senderId() == mergee.id()) {
                Message.Builder b = message.toBuilder();
                b.senderId = base.id();
                b.updatedAt = now;
                state.messages.put(b.build());
                tx.emit(new DomainEvent.MessageUpdated(message.accountId(), message.id()));
            }
        }
        for (long ciId : contactInboxIds) {
            ContactInbox ci = state.contactInboxes.get(ciId);
            state.contactInboxes.put(new ContactInbox(ci.id(), base.id(), ci.inboxId(), ci.sourceId(),
                    ci.hmacVerified(), ci.pubsubToken(), ci.createdAt(), now));
        }
        Notes.move(tx, mergee.id(), base.id());
        ContactFields merged = filledFrom(base, mergee);
        Contacts.delete(tx, mergee);
        return Contacts.update(tx, base, merged);
    }

    /**
     * {@code mergee_attributes.deep_merge(base_attributes)} over identifier, name, email, phone number and the
     * two attribute bags, each side without its blank values: the base's blank fields are filled from the
     * mergee's; inside the bags the base wins key by key (even with "").
     */
    private static ContactFields filledFrom(Contact base, Contact mergee) {
        return new ContactFields(fill(base.name(), mergee.name()), fill(base.email(), mergee.email()),
                fill(base.phoneNumber(), mergee.phoneNumber()), fill(base.identifier(), mergee.identifier()), null,
                fillBag(base.additionalAttributes(), mergee.additionalAttributes()),
                fillBag(base.customAttributes(), mergee.customAttributes()));
    }

    private static Change<String> fill(String base, String mergee) {
        return !PublicContacts.notBlank(base) && PublicContacts.notBlank(mergee) ? Change.of(mergee) : null;
    }

    private static ObjectNode fillBag(JsonBag base, JsonBag mergee) {
        return mergee.isEmpty() ? null : PublicContacts.deepMerge(mergee.toObjectNode(), base.toObjectNode());
    }

    private static Conversation withContact(Conversation c, long contactId, Instant now) {
        return new Conversation(c.id(), c.accountId(), c.displayId(), c.inboxId(), contactId, c.contactInboxId(),
                c.uuid(), c.status(), c.priority(), c.assigneeId(), c.assigneeBotId(), c.teamId(), c.snoozedUntil(),
                c.additionalAttributes(), c.customAttributes(), c.labels(), c.agentLastSeenAt(),
                c.assigneeLastSeenAt(), c.contactLastSeenAt(), c.firstReplyCreatedAt(), c.waitingSince(),
                c.lastActivityAt(), c.statusChangedAt(), c.createdAt(), now);
    }
}
