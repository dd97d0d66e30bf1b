package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.ConversationActions;
import com.bevatel.simulator.domain.Conversations;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Priority;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.ConversationView;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The member actions of app/controllers/api/v1/accounts/conversations_controller.rb:
 * {@code PATCH /conversations/{id}} (priority), {@code toggle_priority},
 * {@code toggle_typing_status}, {@code update_last_seen}, {@code custom_attributes}, {@code DELETE}.
 */
final class ConversationActionRoute {
    private static final String CONVERSATION = "/conversations/{conversation_id}";

    private ConversationActionRoute() {
    }

    public static void register(Router router) {
        router.accountUpdate(CONVERSATION, Access.conversation().openToBots(), (request, caller) -> {
            Params p = request.params();
            boolean given = p.has("priority");
            Priority priority = ConversationActions.parsePriority(p.string("priority"));
            return router.store().write(tx -> {
                Conversation current = find(tx.state(), request, caller);
                Conversation updated = given
                        ? ConversationActions.setPriority(tx, current, priority, caller.actor()) : current;
                return Response.ok(ConversationView.rest(updated, tx.state(), viewer(caller)));
            });
        });
        router.accountPost(CONVERSATION + "/toggle_priority", Access.conversation().openToBots(), (request, caller) -> {
            Priority priority = ConversationActions.parsePriority(request.params().string("priority"));
            return router.store().write(tx -> {
                ConversationActions.setPriority(tx, find(tx.state(), request, caller), priority, caller.actor());
                return Response.okEmpty();
            });
        });
        router.accountPost(CONVERSATION + "/toggle_typing_status", Access.conversation().openToBots(), (request, caller) -> {
            Params p = request.params();
            String typingStatus = p.string("typing_status");
            boolean isPrivate = Boolean.TRUE.equals(p.bool("is_private"));
            return router.store().write(tx -> {
                ConversationActions.typing(tx, find(tx.state(), request, caller), typingStatus, isPrivate,
                        caller.actor());
                return Response.okEmpty();
            });
        });
        router.accountPost(CONVERSATION + "/update_last_seen", Access.conversation(), (request, caller) -> router.store().write(tx -> {
            Conversation updated = ConversationActions.updateLastSeen(tx, find(tx.state(), request, caller),
                    caller.user().id());
            return Response.ok(ConversationView.rest(updated, tx.state(), viewer(caller)));
        }));
        router.accountPost(CONVERSATION + "/custom_attributes", Access.conversation().openToBots(), (request, caller) -> {
            Params p = request.params();
            ObjectNode attributes = p.object("custom_attributes");
            boolean merge = Boolean.TRUE.equals(p.bool("merge"));
            return router.store().write(tx -> {
                Conversation updated = ConversationActions.setCustomAttributes(tx, find(tx.state(), request, caller),
                        attributes, merge, caller.actor());
                ObjectNode body = Json.object();
                body.set("custom_attributes", updated.customAttributes().toObjectNode());
                return Response.ok(body);
            });
        });
        router.accountDelete(CONVERSATION, Access.conversation().administratorsOnly(), (request, caller) -> router.store().write(tx -> {
            Conversation conversation = find(tx.state(), request, caller);
            Conversations.delete(tx, conversation);
            return Response.okEmpty();
        }));
    }

    private static Conversation find(State state, Request request, Caller caller) {
        return Conversations.find(state, caller.accountId(), request.idParam("conversation_id"));
    }

    /** The member a response is rendered for ({@code meta.team.is_member}); none for a bot. */
    static Long viewer(Caller caller) {
        return caller.user() == null ? null : caller.user().id();
    }
}
