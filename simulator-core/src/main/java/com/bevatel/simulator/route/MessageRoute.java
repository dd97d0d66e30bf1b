package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.AgentBots;
import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.domain.Conversations;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Messages;
import com.bevatel.simulator.domain.NewMessage;
import com.bevatel.simulator.domain.Upload;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.ContactView;
import com.bevatel.simulator.view.MessageView;
import com.bevatel.simulator.view.UserView;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code /conversations/{id}/messages} (app/controllers/api/v1/accounts/conversations/messages_controller.rb): list,
 * create, status update, soft delete, retry.
 */
final class MessageRoute {
    private static final int LATEST = 20;
    private static final int AFTER_LIMIT = 100;
    private static final int RANGE_LIMIT = 1000;
    private static final long MESSAGE_ID_MAX = 2_147_483_647L;
    private static final String MESSAGES = "/conversations/{conversation_id}/messages";

    private MessageRoute() {
    }

    public static void register(Router router) {
        router.accountGet(MESSAGES, Access.conversation(), (request, caller) -> router.store().read(state -> {
            Conversation conversation = Conversations.find(state, caller.accountId(), request.idParam("conversation_id"));
            Params p = request.params();
            List<Long> ids = state.messagesOfConversation.of(conversation.id());
            if (Messages.present(p.node("filter_internal_messages"))) {
                ids = ids.stream().filter(id -> {
                    Message m = state.messages.get(id);
                    return !m.isPrivate() && m.messageType() != MessageType.ACTIVITY;
                }).toList();
            }
            List<Long> page = page(ids, p.integer("before"), p.integer("after"));
            ObjectNode body = Json.object();
            body.set("meta", meta(state, conversation));
            ArrayNode payload = body.putArray("payload");
            page.forEach(id -> payload.add(MessageView.rest(state.messages.get(id), state, null)));
            return Response.ok(body);
        }));
        router.accountPost(MESSAGES, Access.conversation().openToBots(), (request, caller) -> {
            Params p = request.params();
            NewMessage spec = newMessage(p);
            String echoId = p.string("echo_id");
            List<Upload> attachments = request.uploads("attachments");
            String senderType = p.string("sender_type");
            Long senderId = AssignmentRoute.lenientId(p.node("sender_id"));
            try {
                return router.store().write(tx -> {
                    Conversation conversation = Conversations.find(tx.state(), caller.accountId(),
                            request.idParam("conversation_id"));
                    Message message = Messages.create(tx, conversation, spec, AgentBots.messageAuthor(tx.state(),
                            caller.accountId(), ConversationRoute.actor(caller), senderType, senderId), attachments);
                    return Response.ok(MessageView.rest(tx.state().messages.get(message.id()), tx.state(), echoId));
                });
            } catch (ApiException e) {
                throw Errors.asMessageCreateError(e);
            }
        });
        router.accountUpdate(MESSAGES + "/{id}", Access.conversation(), (request, caller) -> {
            Params p = request.params();
            String status = p.string("status");
            String externalError = p.string("external_error");
            return router.store().write(tx -> {
                Conversation conversation = Conversations.find(tx.state(), caller.accountId(),
                        request.idParam("conversation_id"));
                Message current = Messages.find(tx.state(), conversation, request.idParam("id"));
                return Response.ok(MessageView.rest(Messages.updateStatus(tx, current, status, externalError),
                        tx.state(), null));
            });
        });
        router.accountPost(MESSAGES + "/{id}/retry", Access.conversation(), (request, caller) -> router.store().write(tx -> {
            Conversation conversation = Conversations.find(tx.state(), caller.accountId(),
                    request.idParam("conversation_id"));
            Message retried = Messages.retry(tx, conversation, request.pathParam("id"));
            return Response.ok(MessageView.rest(retried, tx.state(), null));
        }));
        router.accountDelete(MESSAGES + "/{id}", Access.conversation(), (request, caller) -> router.store().write(tx -> {
            Conversation conversation = Conversations.find(tx.state(), caller.accountId(),
                    request.idParam("conversation_id"));
            Message current = Messages.find(tx.state(), conversation, request.idParam("id"));
            return Response.ok(MessageView.rest(Messages.delete(tx, current), tx.state(), null));
        }));
    }

    /** The message parameters of app/builders/messages/message_builder.rb (also the {@code message} object of conversation create). */
    static NewMessage newMessage(Params p) {
        return new NewMessage(p.string("content"), p.node("message_type"), Boolean.TRUE.equals(p.bool("private")),
                p.string("content_type"), p.objectOrJsonString("content_attributes"), p.string("source_id"),
                p.object("template_params"), p.node("campaign_id"), p.node("external_created_at"));
    }

    /**
     * Chatwoot's MessageFinder: the latest 20; {@code before}: the 20 with smaller ids; {@code after}: up
     * to 100 with larger ids; both: up to 1000 in {@code [after, before)} (after inclusive). An {@code after}
     * past the 32-bit id range finds nothing; such a {@code before} is ignored.
     */
    private static List<Long> page(List<Long> ids, Long before, Long after) {
        if (after != null && after > MESSAGE_ID_MAX) {
            return List.of();
        }
        boolean beforeUsable = before != null && before <= MESSAGE_ID_MAX;
        if (after != null) {
            long from = Math.max(0, after);
            int start = lowerBound(ids, before != null ? from : from + 1);
            int end = before != null && beforeUsable ? lowerBound(ids, before) : ids.size();
            int limit = before != null ? RANGE_LIMIT : AFTER_LIMIT;
            return List.copyOf(ids.subList(start, Math.max(start, Math.min(end, start + limit))));
        }
        int end = beforeUsable ? lowerBound(ids, before) : ids.size();
        return List.copyOf(ids.subList(Math.max(0, end - LATEST), end));
    }

    /** The index of the first id ≥ {@code id} in an ascending list. */
    private static int lowerBound(List<Long> ids, long id) {
        int low = 0;
        int high = ids.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ids.get(mid) < id) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static ObjectNode meta(State state, Conversation conversation) {
        ObjectNode meta = Json.object();
        ArrayNode labels = meta.putArray("labels");
        conversation.labels().forEach(labels::add);
        meta.set("additional_attributes", conversation.additionalAttributes().toObjectNode());
        Contact contact = state.contacts.get(conversation.contactId());
        meta.set("contact", ContactView.push(contact));
        if (conversation.assigneeId() != null) {
            state.users.find(conversation.assigneeId()).ifPresent(u -> meta.set("assignee", UserView.push(u)));
        }
        meta.set("agent_last_seen_at", Json.iso(conversation.agentLastSeenAt()));
        meta.set("assignee_last_seen_at", Json.iso(conversation.assigneeLastSeenAt()));
        return meta;
    }
}
