package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.PublicConversations;
import com.bevatel.simulator.domain.PublicScope;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.view.PublicViews;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Client API conversations (app/controllers/public/api/v1/inboxes/conversations_controller.rb): list, create,
 * show, and the contact's actions — resolve,
 * typing, last seen (with read receipts).
 */
final class PublicConversationRoute {
    private PublicConversationRoute() {
    }

    public static void register(Router router) {
        router.get(PublicInboxRoute.CONVERSATIONS, request -> router.store().read(state -> {
            ContactInbox ci = PublicInboxRoute.contactInbox(state, request);
            ArrayNode list = Json.array();
            PublicScope.conversations(state, ci).forEach(c -> list.add(PublicViews.conversation(c, state)));
            return Response.ok(list);
        }));
        router.post(PublicInboxRoute.CONVERSATIONS, request -> {
            ObjectNode customAttributes = request.params().object("custom_attributes");
            return router.store().write(tx -> {
                ContactInbox ci = PublicInboxRoute.contactInbox(tx.state(), request);
                Conversation opened = PublicConversations.open(tx, ci, customAttributes);
                return Response.ok(PublicViews.conversation(opened, tx.state()));
            });
        });
        router.get(PublicInboxRoute.CONVERSATION, request -> router.store().read(state ->
                Response.ok(PublicViews.conversation(PublicInboxRoute.conversation(state, request), state))));
        router.post(PublicInboxRoute.CONVERSATION + "/toggle_status", request -> router.store().write(tx -> {
            Conversation current = PublicInboxRoute.conversation(tx.state(), request);
            return Response.ok(PublicViews.conversation(PublicConversations.resolve(tx, current), tx.state()));
        }));
        router.post(PublicInboxRoute.CONVERSATION + "/toggle_typing", request -> {
            String typingStatus = request.params().string("typing_status");
            if (!"on".equals(typingStatus) && !"off".equals(typingStatus)) {
                // Chatwoot ignores other values, after finding the conversation.
                router.store().read(state -> PublicInboxRoute.conversation(state, request));
                return Response.okEmpty();
            }
            return router.store().write(tx -> {
                PublicConversations.typing(tx, PublicInboxRoute.conversation(tx.state(), request),
                        "on".equals(typingStatus));
                return Response.okEmpty();
            });
        });
        router.post(PublicInboxRoute.CONVERSATION + "/update_last_seen", request -> router.store().write(tx -> {
            PublicConversations.markSeen(tx, PublicInboxRoute.conversation(tx.state(), request));
            return Response.okEmpty();
        }));
    }
}
