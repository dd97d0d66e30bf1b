package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContentType;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageStatus;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Messages (app/models/message.rb, app/builders/messages/message_builder.rb): create with its side effects, status update, soft delete.
 * Model validations fail with {@link Errors#validation} (the record-invalid shape); the message
 * routes turn that into Chatwoot's {@code {"error":"Validation failed: …"}}.
 */
@API(status = INTERNAL)
public final class Messages {
    private static final int MAX_SOURCE_ID = 20_000;

    private Messages() {
    }

    /** Creates a message on {@code conversation} written by {@code author} (the token owner). */
    public static Message create(Transaction tx, Conversation conversation, NewMessage spec, Actor author) {
        return create(tx, conversation, spec, author, List.of());
    }

    /** As above, with the files of a multipart {@code attachments[]} (at most 15). */
    public static Message create(Transaction tx, Conversation conversation, NewMessage spec, Actor author,
                                 List<Upload> uploads) {
        State state = tx.state();
        MessageFlood.check(state, conversation, tx.now());
        Attachments.checkCount(uploads);
        MessageType type = MessageType.OUTGOING;
        boolean typeAsInteger = false;
        JsonNode rawType = spec.messageType();
        if (rawType != null && !rawType.isNull()) {
            if (rawType.isIntegralNumber()) {
                int code = rawType.asInt();
                if (code < 0 || code >= MessageType.values().length) {
                    throw messageError("'" + code + "' is not a valid message_type");
                }
                type = MessageType.values()[code];
                typeAsInteger = true;
            } else {
                String name = rawType.asText();
                type = WireEnum.parse(MessageType.class, name)
                        .orElseThrow(() -> messageError("'" + name + "' is not a valid message_type"));
            }
        }
        // A blank content type is cast to nil and then defaulted to text (ensure_content_type).
        ContentType contentType = ContentType.TEXT;
        if (spec.contentType() != null && !spec.contentType().isBlank()) {
            contentType = WireEnum.parse(ContentType.class, spec.contentType())
                    .orElseThrow(() -> messageError("'" + spec.contentType() + "' is not a valid content_type"));
        }
        // Working maps over the request's values, which only their top-level keys change; the stored
        // bags are copied from them once, at the end.
        ObjectNode contentAttributes = Json.object();
        if (spec.contentAttributes() != null) {
            contentAttributes.setAll(spec.contentAttributes());
        }
        if (present(spec.externalCreatedAt())) {
            contentAttributes.set("external_created_at", spec.externalCreatedAt());
        }
        ObjectNode additional = Json.object();
        // Chatwoot merges {additional_attributes: {campaign_id}} and then {additional_attributes: {template_params}}
        // with a shallow Hash#merge, so template_params replaces the campaign id.
        if (spec.templateParams() != null && !spec.templateParams().isEmpty()) {
            // A copy: renderTemplateParams adds processed_params inside it.
            additional.set("template_params", spec.templateParams().deepCopy());
        } else if (present(spec.campaignId())) {
            additional.set("campaign_id", spec.campaignId());
        }
        validate(spec, contentType, contentAttributes, additional);
        resolveInReplyTo(state, conversation, contentAttributes);
        Contact contact = state.contacts.get(conversation.contactId());
        // Chatwoot compares the raw parameter with strings: an integer type skips the rules and the contact sends.
        SenderType senderType;
        long senderId;
        if (type == MessageType.OUTGOING && !typeAsInteger) {
            senderType = author.type();
            senderId = author.id();
        } else {
            senderType = SenderType.CONTACT;
            senderId = contact.id();
        }
        String content = spec.content();
        // The drops take a dozen lookups and maps: made only when there is markup to render.
        if ((type == MessageType.OUTGOING || type == MessageType.TEMPLATE)
                && (Liquid.hasMarkup(content) || processedParams(additional) != null)) {
            Map<String, Object> drops = LiquidDrops.forMessage(state, conversation, senderType, senderId);
            content = Liquid.render(content, drops);
            renderTemplateParams(additional, drops);
        }
        Message message = new Message(tx.nextId(Sequence.MESSAGE), conversation.accountId(), conversation.inboxId(),
                conversation.id(), content, type, contentType, MessageStatus.SENT, JsonBag.of(contentAttributes),
                spec.isPrivate(), spec.sourceId(), senderType, senderId, JsonBag.of(additional), tx.now(), tx.now());
        state.messages.put(message);
        Attachments.attach(tx, message, uploads);
        afterCreate(tx, conversation, contact, message, author);
        return message;
    }

    /** Liquid in {@code template_params.processed_params} string values, for outgoing and template messages. */
    private static void renderTemplateParams(ObjectNode additional, Map<String, Object> drops) {
        ObjectNode params = processedParams(additional);
        if (params != null) {
            ((ObjectNode) additional.get("template_params")).set("processed_params", renderStrings(params, drops));
        }
    }

    /** {@code template_params.processed_params} when it is a non-empty object, else null. */
    private static ObjectNode processedParams(ObjectNode additional) {
        JsonNode processed = additional.path("template_params").get("processed_params");
        return processed instanceof ObjectNode params && !params.isEmpty() ? params : null;
    }

    private static JsonNode renderStrings(JsonNode node, Map<String, Object> drops) {
        if (node.isTextual()) {
            return Json.text(node.asText().isBlank() ? node.asText() : Liquid.render(node.asText(), drops));
        }
        if (node.isObject()) {
            ObjectNode out = Json.object();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), renderStrings(e.getValue(), drops)));
            return out;
        }
        if (node.isArray()) {
            var out = Json.array();
            node.forEach(item -> out.add(renderStrings(item, drops)));
            return out;
        }
        return node;
    }

    /**
     * Message validations in the order Rails reports them: the generic column-length check (a
     * before_validation), the content-attribute validator, the template-params schema, content length.
     */
    private static void validate(NewMessage spec, ContentType contentType, ObjectNode contentAttributes,
                                 ObjectNode additional) {
        List<Errors.Violation> violations = new ArrayList<>();
        if (spec.sourceId() != null && spec.sourceId().length() > MAX_SOURCE_ID) {
            violations.add(new Errors.Violation("source_id", "Source is too long (maximum is 20000 characters)"));
        }
        MessageContentRules.contentAttributes(contentType, contentAttributes, violations);
        MessageContentRules.templateParams(additional.get("template_params"), violations);
        if (spec.content() != null && spec.content().length() > MessageContentRules.MAX_CONTENT) {
            violations.add(new Errors.Violation("content", "Content is too long (maximum is 150000 characters)"));
        }
        if (!violations.isEmpty()) {
            throw Errors.validation(violations);
        }
    }

    /**
     * {@code in_reply_to} (a message id) or {@code in_reply_to_external_id} (a source id) names a message of
     * this conversation; Chatwoot stores both keys, null when no such message exists.
     */
    private static void resolveInReplyTo(State state, Conversation conversation, ObjectNode attributes) {
        JsonNode byId = attributes.get("in_reply_to");
        JsonNode byExternalId = attributes.get("in_reply_to_external_id");
        if (!present(byId) && !present(byExternalId)) {
            return;
        }
        Message replied = null;
        for (long id : state.messagesOfConversation.of(conversation.id())) {
            Message candidate = state.messages.get(id);
            boolean hit = present(byId) ? String.valueOf(candidate.id()).equals(byId.asText().trim())
                    : byExternalId.asText().equals(candidate.sourceId());
            if (hit) {
                replied = candidate;
                break;
            }
        }
        attributes.set("in_reply_to_external_id", Json.text(replied == null ? null : replied.sourceId()));
        if (replied == null) {
            attributes.putNull("in_reply_to");
        } else {
            attributes.put("in_reply_to", replied.id());
        }
    }

    /** The side effects of Message#execute_after_create_commit_callbacks, in Chatwoot's order. */
    private static void afterCreate(Transaction tx, Conversation conversation, Contact contact, Message message,
                                    Actor author) {
        Actor user = author != null && author.type() == SenderType.USER ? author : null;
        Conversation current = tx.state().conversations.get(conversation.id());
        if (message.messageType() == MessageType.INCOMING && !contact.blocked()) {
            if (current.status() == ConversationStatus.SNOOZED) {
                current = reopen(tx, current, user);
            } else if (current.status() == ConversationStatus.RESOLVED) {
                if (AgentBots.ofInbox(tx.state(), current.inboxId()).isPresent()) {
                    // reopen_resolved_conversation (app/models/message.rb): pending, for the inbox's bot to answer.
                    Conversation.Builder b = current.toBuilder();
                    b.status = ConversationStatus.PENDING;
                    current = Conversations.save(tx, current, b, user);
                } else {
                    // A public incoming message is the contact reopening it: "System reopened …"; a private
                    // note written as incoming reopens it in the user's name.
                    current = reopen(tx, current, message.isPrivate() ? user : null);
                    if (!message.isPrivate()) {
                        Activities.systemReopened(tx, current);
                    }
                }
            }
        }
        current = Conversations.touchActivity(tx, current.id(), message.createdAt());
        tx.emit(new DomainEvent.MessageCreated(message.accountId(), message.id()));
        current = replyBookkeeping(tx, current, message);
        TemplateHooks.afterMessage(tx, current, message);
        if (message.senderType() == SenderType.CONTACT) {
            Contacts.touchActivity(tx, tx.state().contacts.get(contact.id()));
        }
    }

    private static Conversation reopen(Transaction tx, Conversation current, Actor actor) {
        Conversation.Builder b = current.toBuilder();
        b.status = ConversationStatus.OPEN;
        return Conversations.save(tx, current, b, actor);
    }

    /** First reply, then waiting_since (Chatwoot's dispatch_create_events / update_waiting_since). */
    private static Conversation replyBookkeeping(Transaction tx, Conversation current, Message message) {
        if (validFirstReply(tx.state(), current, message)) {
            Conversation.Builder b = current.toBuilder();
            b.firstReplyCreatedAt = message.createdAt();
            b.waitingSince = null;
            return Conversations.save(tx, current, b, null);
        }
        boolean clearsWaiting = humanResponse(message)
                || (message.messageType() == MessageType.OUTGOING && message.senderType() == SenderType.AGENT_BOT);
        if (current.waitingSince() != null && !message.isPrivate() && clearsWaiting) {
            Conversation.Builder b = current.toBuilder();
            b.waitingSince = null;
            current = Conversations.save(tx, current, b, null);
        }
        if (message.messageType() == MessageType.INCOMING && current.waitingSince() == null) {
            Conversation.Builder b = current.toBuilder();
            b.waitingSince = message.createdAt();
            current = Conversations.save(tx, current, b, null);
        }
        return current;
    }

    /**
     * A human reply: outgoing, from a user (or an external echo), not from an automation or a campaign.
     */
    static boolean humanResponse(Message m) {
        return m.messageType() == MessageType.OUTGOING
                && !present(m.contentAttributes().get("automation_rule_id"))
                && !present(m.additionalAttributes().get("campaign_id"))
                && (m.senderType() == SenderType.USER || present(m.contentAttributes().get("external_echo")));
    }

    /** The first public human reply — unless another public, non-bot, non-campaign outgoing message exists. */
    private static boolean validFirstReply(State state, Conversation conversation, Message message) {
        if (!humanResponse(message) || message.isPrivate() || conversation.firstReplyCreatedAt() != null) {
            return false;
        }
        long outgoing = state.messagesOfConversation.of(conversation.id()).stream().map(state.messages::get)
                .filter(m -> m.messageType() == MessageType.OUTGOING && !m.isPrivate()
                        && m.senderType() != SenderType.AGENT_BOT && !present(m.additionalAttributes().get("campaign_id")))
                .limit(2) // "at most one" is all that is asked
                .count();
        return outgoing <= 1;
    }

    public static Message find(State state, Conversation conversation, long messageId) {
        return state.messages.find(messageId).filter(m -> m.conversationId() == conversation.id())
                .orElseThrow(Errors::notFound);
    }

    /**
     * {@code PATCH …/messages/{id}} (API inboxes): unknown statuses and read → delivered are ignored.
     * Otherwise {@code external_error} is written like a Rails store accessor: the given text when the
     * status is failed, nil otherwise — and only when that differs from what is stored.
     */
    public static Message updateStatus(Transaction tx, Message current, String statusName, String externalError) {
        MessageStatus status = statusName == null ? null : WireEnum.parse(MessageStatus.class, statusName).orElse(null);
        if (status == null || (current.status() == MessageStatus.READ && status == MessageStatus.DELIVERED)) {
            return current;
        }
        Message.Builder b = current.toBuilder();
        b.status = status;
        String error = status == MessageStatus.FAILED ? externalError : null;
        JsonNode stored = current.contentAttributes().get("external_error");
        String storedError = stored == null || stored.isNull() ? null : stored.asText();
        if (!Objects.equals(error, storedError)) {
            b.contentAttributes = current.contentAttributes().with("external_error", Json.text(error));
        }
        return saveIfChanged(tx, current, b);
    }

    /** Soft delete: the text Chatwoot leaves behind, {@code deleted: true}, attachments gone. */
    public static Message delete(Transaction tx, Message current) {
        Attachments.removeAll(tx, current.id());
        Message.Builder b = current.toBuilder();
        b.content = "This message was deleted";
        b.contentType = ContentType.TEXT;
        b.contentAttributes = JsonBag.EMPTY.with("deleted", BooleanNode.TRUE);
        return saveIfChanged(tx, current, b);
    }

    /**
     * {@code POST …/messages/{id}/retry} (messages_controller.rb#retry): the conversation's message by the
     * path's id as Rails casts it; an unknown one is Chatwoot's 422 with the RecordNotFound text (its
     * action rescues every error). Only a failed message changes: back to sent, every content attribute
     * cleared (external_error with the rest), source_id kept — every simulated inbox is an API inbox —
     * in one save, so one message_updated: to an API inbox's callback that is the new delivery
     * (SendReplyJob sends an API inbox's message by email only, a feature that is off by default).
     * Any other message is answered as it is.
     */
    public static Message retry(Transaction tx, Conversation conversation, String rawId) {
        long id = RubyCasts.toI(rawId);
        Message current = tx.state().messages.find(id).filter(m -> m.conversationId() == conversation.id())
                .orElseThrow(() -> Errors.error(422, "Couldn't find Message with 'id'=" + rawId
                        + " [WHERE \"messages\".\"conversation_id\" = $1]"));
        if (current.status() != MessageStatus.FAILED) {
            return current;
        }
        Message.Builder b = current.toBuilder();
        b.status = MessageStatus.SENT;
        b.contentAttributes = JsonBag.EMPTY;
        return saveIfChanged(tx, current, b);
    }

    /** A failed API-inbox delivery marks the message failed with the error text (lib/webhooks/trigger.rb). */
    public static Message markFailed(Transaction tx, Message current, String error) {
        return updateStatus(tx, current, WireEnum.name(MessageStatus.FAILED), error);
    }

    private static Message saveIfChanged(Transaction tx, Message current, Message.Builder b) {
        Message candidate = b.build();
        if (candidate.equals(current)) {
            return current;
        }
        b.updatedAt = tx.now();
        Message updated = b.build();
        tx.state().messages.put(updated);
        tx.emit(new DomainEvent.MessageUpdated(updated.accountId(), updated.id()));
        return updated;
    }

    /** Ruby's {@code present?} for a JSON value: not null, false, a blank string or an empty container. */
    public static boolean present(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return !node.asText().isBlank();
        }
        return !node.isContainerNode() || !node.isEmpty();
    }

    private static ApiException messageError(String text) {
        return Errors.error(422, text);
    }

    /**
     * {@code has_many :messages, as: :sender, dependent: :nullify} (app/models/user.rb, app/models/agent_bot.rb):
     * a deleted sender's messages keep their content without a sender (a plain update: no events).
     */
    public static void forgetSender(Transaction tx, SenderType type, long senderId) {
        for (Message m : List.copyOf(tx.state().messages.all())) {
            if (m.senderType() == type && Long.valueOf(senderId).equals(m.senderId())) {
                Message.Builder b = m.toBuilder();
                b.senderType = null;
                b.senderId = null;
                tx.state().messages.put(b.build());
            }
        }
    }
}
