package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.ContentType;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apiguardian.api.API;

/** Messages a contact writes or answers through the Client API (app/controllers/public/api/v1/inboxes/messages_controller.rb). */
@API(status = INTERNAL)
public final class PublicMessages {
    private static final int MAX_CONTENT = 150_000;
    private static final long CSAT_EDITABLE_DAYS = 14;

    private PublicMessages() {
    }

    /** Always incoming, from the conversation's contact, with every side effect of Message's after-create callbacks. */
    public static Message create(Transaction tx, Conversation conversation, String content) {
        // The Client API reports model validation in the {message, attributes} shape, unlike the Application API.
        if (content != null && content.length() > MAX_CONTENT) {
            throw Errors.validation("content", "Content is too long (maximum is 150000 characters)");
        }
        return Messages.create(tx, conversation,
                NewMessage.text(content, WireEnum.name(MessageType.INCOMING)),
                new Actor(SenderType.CONTACT, conversation.contactId()));
    }

    /**
     * A form or CSAT reply: {@code content_attributes.submitted_values} takes the (already filtered)
     * values, null when none were given. A CSAT survey more than 14 days old is locked.
     */
    public static Message submit(Transaction tx, Message current, JsonNode submittedValues) {
        long days = ChronoUnit.DAYS.between(current.createdAt().atZone(ZoneOffset.UTC).toLocalDate(),
                tx.now().atZone(ZoneOffset.UTC).toLocalDate());
        if (current.contentType() == ContentType.INPUT_CSAT && days > CSAT_EDITABLE_DAYS) {
            throw Errors.error(422, "You cannot update the CSAT survey after 14 days");
        }
        if (submittedValues == null) {
            return current;
        }
        JsonBag attributes = current.contentAttributes().with("submitted_values", submittedValues);
        if (attributes.equals(current.contentAttributes())) {
            return current;
        }
        Message.Builder b = current.toBuilder();
        b.contentAttributes = attributes;
        b.updatedAt = tx.now();
        Message updated = b.build();
        tx.state().messages.put(updated);
        tx.emit(new DomainEvent.MessageUpdated(updated.accountId(), updated.id()));
        return updated;
    }
}
