package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Contacts;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Permissions;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.view.ConversationView;
import com.bevatel.simulator.view.InboxView;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** A contact's sessions and conversations: {@code /contacts/{id}/contact_inboxes}, {@code /conversations}. */
final class ContactInboxRoute {
    private static final int CONTACT_CONVERSATIONS_LIMIT = 20;

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
            Contact contact = Contacts.find(state, caller.accountId(), request.idParam("id"));
            List<Conversation> conversations = new ArrayList<>();
            // Contacts::ConversationsController#index narrows by Conversations::PermissionFilterService.
            Predicate<Conversation> listable = caller.isBot() ? c -> true : Permissions.listable(state, caller.user());
            for (long ciId : state.contactInboxesOfContact.of(contact.id())) {
                state.conversationsOfContactInbox.of(ciId).stream().map(state.conversations::get).filter(listable)
                        .forEach(conversations::add);
            }
            conversations.sort(Comparator.comparing(Conversation::lastActivityAt).thenComparing(Conversation::id).reversed());
            ObjectNode body = Json.object();
            ArrayNode payload = body.putArray("payload");
            conversations.stream().limit(CONTACT_CONVERSATIONS_LIMIT)
                    .forEach(c -> payload.add(ConversationView.rest(c, state, ConversationActionRoute.viewer(caller))));
            return Response.ok(body);
        }));
    }
}
