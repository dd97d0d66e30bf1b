package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Contacts;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Permissions;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Attachment;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.AttachmentView;
import com.bevatel.simulator.view.ContactView;
import com.bevatel.simulator.view.ConversationView;
import com.bevatel.simulator.view.InboxView;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A contact's sessions and conversations: {@code /contacts/{id}/contact_inboxes}, {@code /conversations},
 * {@code /attachments}, and the contact of a session ({@code POST /contact_inboxes/filter}).
 */
final class ContactInboxRoute {
    private static final int CONTACT_CONVERSATIONS_LIMIT = 20;
    /** Contacts::AttachmentsController::RESULTS_PER_PAGE. */
    private static final int ATTACHMENTS_PER_PAGE = 100;

    private ContactInboxRoute() {
    }

    public static void register(Router router) {
        router.accountPost("/contacts/{id}/contact_inboxes", Access.account(), (request, caller) -> {
            Params p = request.params();
            Long inboxId = p.integer("inbox_id");
            String sourceId = p.string("source_id");
            boolean hmacVerified = Boolean.TRUE.equals(p.bool("hmac_verified"));
            return router.store().write(tx -> {
                Contact contact = Contacts.find(tx.state(), caller.accountId(), request.idParam("id"));
                if (inboxId == null) {
                    throw Errors.notFound();
                }
                Inbox inbox = tx.state().inboxes.find(inboxId).filter(i -> i.accountId() == caller.accountId())
                        .orElseThrow(Errors::notFound);
                // Contacts::ContactInboxesController#ensure_inbox: authorize @inbox, :show?
                Permissions.requireInbox(tx.state(), caller.user(), inbox);
                if ("".equals(sourceId)) {
                    // Chatwoot's builder returns nil for "" and the view fails (500).
                    throw Errors.validation("source_id", "Source can't be blank");
                }
                ContactInbox ci = Contacts.addContactInbox(tx, contact, inbox, sourceId, hmacVerified);
                ObjectNode body = Json.object();
                body.put("source_id", ci.sourceId());
                body.set("inbox", InboxView.slim(inbox));
                return Response.ok(body);
            });
        });
        router.accountGet("/contacts/{id}/conversations", Access.account(), (request, caller) -> router.store().read(state -> {
            List<Conversation> conversations = visibleConversations(state, request, caller);
            conversations.sort(Comparator.comparing(Conversation::lastActivityAt).thenComparing(Conversation::id).reversed());
            ObjectNode body = Json.object();
            ArrayNode payload = body.putArray("payload");
            conversations.stream().limit(CONTACT_CONVERSATIONS_LIMIT)
                    .forEach(c -> payload.add(ConversationView.rest(c, state, ConversationActionRoute.viewer(caller))));
            return Response.ok(body);
        }));
        router.accountGet("/contacts/{id}/attachments", Access.account(), (request, caller) -> router.store().read(state ->
                Response.ok(attachments(state, visibleConversations(state, request, caller), request.params()))));
        router.accountPost("/contact_inboxes/filter", Access.account(), (request, caller) -> router.store().read(state -> {
            // ContactInboxesController: the inbox (404), InboxPolicy#show? (401), then the session: none is a
            // bodiless 404 (head :not_found).
            Inbox inbox = request.params().recordId("inbox_id").flatMap(state.inboxes::find)
                    .filter(i -> i.accountId() == caller.accountId()).orElseThrow(Errors::notFound);
            Permissions.requireInbox(state, caller.user(), inbox);
            JsonNode sourceId = request.params().node("source_id");
            ContactInbox session = sourceId == null || !sourceId.isValueNode() || sourceId.isNull() ? null
                    : state.contactInboxBySource.find(new State.SourceKey(inbox.id(), sourceId.asText()))
                    .map(state.contactInboxes::get).orElse(null);
            if (session == null) {
                throw Errors.empty(404);
            }
            return Response.ok(ContactView.rest(state.contacts.get(session.contactId()), state, true));
        }));
    }

    /**
     * The contact's conversations the caller may list (Conversations::PermissionFilterService: administrators
     * all, agents those of their inboxes), after the contact's 404.
     */
    private static List<Conversation> visibleConversations(State state, Request request, Caller caller) {
        Contact contact = Contacts.find(state, caller.accountId(), request.idParam("id"));
        List<Conversation> conversations = new ArrayList<>();
        Predicate<Conversation> listable = caller.isBot() ? c -> true : Permissions.listable(state, caller.user());
        for (long ciId : state.contactInboxesOfContact.of(contact.id())) {
            state.conversationsOfContactInbox.of(ciId).stream().map(state.conversations::get).filter(listable)
                    .forEach(conversations::add);
        }
        return conversations;
    }

    /**
     * Contacts::AttachmentsController#index: the attachments of those conversations' messages, newest first,
     * 100 a page, each with its conversation's display id; {@code total_count} counts every page.
     */
    private static ObjectNode attachments(State state, List<Conversation> conversations, Params p) {
        List<Attachment> all = new ArrayList<>();
        Map<Long, Conversation> conversationOf = new HashMap<>();
        for (Conversation c : conversations) {
            for (long messageId : state.messagesOfConversation.of(c.id())) {
                for (long attachmentId : state.attachmentsOfMessage.of(messageId)) {
                    all.add(state.attachments.get(attachmentId));
                    conversationOf.put(messageId, c);
                }
            }
        }
        all.sort(Comparator.comparing(Attachment::createdAt).thenComparingLong(Attachment::id).reversed());
        long page = Math.max(1, Math.min(p.integer("page") == null ? 1 : p.integer("page"), Integer.MAX_VALUE));
        int from = (int) Math.min(all.size(), (page - 1) * ATTACHMENTS_PER_PAGE);
        ObjectNode body = Json.object();
        body.putObject("meta").put("total_count", all.size());
        ArrayNode payload = body.putArray("payload");
        for (Attachment a : all.subList(from, Math.min(all.size(), from + ATTACHMENTS_PER_PAGE))) {
            ObjectNode item = AttachmentView.rest(a, state.messages.get(a.messageId()), state);
            item.put("conversation_id", conversationOf.get(a.messageId()).displayId());
            payload.add(item);
        }
        return body;
    }
}
