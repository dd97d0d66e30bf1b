package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The message shapes: REST (app/views/api/v1/models/_message.json.jbuilder) and embedded "push" data
 * (app/models/message.rb#push_event_data).
 */
public final class MessageView {
    private MessageView() {
    }

    /** app/views/api/v1/models/_message.json.jbuilder: create/update/delete responses and {@code GET …/messages} items. */
    public static ObjectNode rest(Message message, State state, String echoId) {
        Conversation conversation = state.conversations.get(message.conversationId());
        ObjectNode o = Json.object();
        o.put("id", message.id());
        o.set("content", Json.text(message.content()));
        o.put("inbox_id", message.inboxId());
        if (echoId != null) {
            o.put("echo_id", echoId);
        }
        o.put("conversation_id", conversation.displayId());
        o.put("message_type", WireEnum.code(message.messageType()));
        o.put("content_type", WireEnum.name(message.contentType()));
        o.put("status", WireEnum.name(message.status()));
        o.set("content_attributes", message.contentAttributes().toObjectNode());
        o.put("created_at", Json.unix(message.createdAt()));
        o.put("private", message.isPrivate());
        o.set("source_id", Json.text(message.sourceId()));
        // The REST partial writes sender, then attachments; embedded data (Message#push_event_data) the other way round.
        JsonNode sender = Senders.push(message, state);
        if (sender != null) {
            o.set("sender", sender);
        }
        putAttachments(o, message, state);
        return o;
    }

    /** {@code attachments} (Attachment#push_event_data), only when the message has some. */
    private static void putAttachments(ObjectNode o, Message message, State state) {
        if (!state.attachmentsOfMessage.of(message.id()).isEmpty()) {
            o.set("attachments", AttachmentView.list(message.id(), state));
        }
    }

    /**
     * app/models/message.rb#push_event_data: conversation {@code messages[]}, {@code last_non_activity_message},
     * webhook conversation data.
     */
    public static ObjectNode embedded(Message message, State state) {
        Conversation conversation = state.conversations.get(message.conversationId());
        ObjectNode o = Json.object();
        o.put("id", message.id());
        o.set("content", Json.text(message.content()));
        o.put("account_id", message.accountId());
        o.put("inbox_id", message.inboxId());
        o.put("conversation_id", conversation.displayId());
        o.put("message_type", WireEnum.code(message.messageType()));
        o.put("created_at", Json.unix(message.createdAt()));
        o.set("updated_at", Json.iso(message.updatedAt()));
        o.put("private", message.isPrivate());
        o.put("status", WireEnum.name(message.status()));
        o.set("source_id", Json.text(message.sourceId()));
        o.put("content_type", WireEnum.name(message.contentType()));
        o.set("content_attributes", message.contentAttributes().toObjectNode());
        o.set("sender_type", Json.text(message.senderType() == null ? null : message.senderType().wireName()));
        if (message.senderId() == null) {
            o.putNull("sender_id");
        } else {
            o.put("sender_id", message.senderId());
        }
        o.putObject("external_source_ids");
        o.set("additional_attributes", message.additionalAttributes().toObjectNode());
        o.set("processed_message_content", Json.text(message.content()));
        o.putObject("sentiment");
        ObjectNode conv = o.putObject("conversation");
        if (conversation.assigneeId() == null) {
            conv.putNull("assignee_id");
        } else {
            conv.put("assignee_id", conversation.assigneeId());
        }
        conv.put("unread_count", ConversationView.unreadCount(conversation, state));
        conv.put("last_activity_at", Json.unix(conversation.lastActivityAt()));
        conv.putObject("contact_inbox").put("source_id",
                state.contactInboxes.get(conversation.contactInboxId()).sourceId());
        putAttachments(o, message, state);
        JsonNode sender = Senders.push(message, state);
        if (sender != null) {
            o.set("sender", sender);
        }
        return o;
    }
}
