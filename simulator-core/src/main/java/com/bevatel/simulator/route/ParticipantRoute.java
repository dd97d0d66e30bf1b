package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Conversations;
import com.bevatel.simulator.domain.Participants;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.UserView;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * {@code /conversations/{id}/participants} (app/controllers/api/v1/accounts/conversations/participants_controller.rb,
 * a singular resource): show, create, update, destroy. The lists are agent partials.
 */
final class ParticipantRoute {
    private static final String PARTICIPANTS = "/conversations/{conversation_id}/participants";

    private ParticipantRoute() {
    }

    public static void register(Router router) {
        router.accountGet(PARTICIPANTS, Access.conversation(), (request, caller) -> router.store().read(state ->
                Response.ok(agents(Participants.of(state, find(state, request, caller))))));
        // user_ids is read once the conversation is found: Chatwoot's before_action finds it first.
        router.accountPost(PARTICIPANTS, Access.conversation(), (request, caller) -> router.store().write(tx -> {
            Conversation conversation = find(tx.state(), request, caller);
            return Response.ok(agents(Participants.add(tx, conversation, userIds(request))));
        }));
        router.accountUpdate(PARTICIPANTS, Access.conversation(), (request, caller) -> router.store().write(tx -> {
            Conversation conversation = find(tx.state(), request, caller);
            return Response.ok(agents(Participants.replace(tx, conversation, userIds(request))));
        }));
        router.accountDelete(PARTICIPANTS, Access.conversation(), (request, caller) -> router.store().write(tx -> {
            Conversation conversation = find(tx.state(), request, caller);
            Participants.removeAll(tx, conversation, userIds(request));
            return Response.okEmpty();
        }));
    }

    private static Conversation find(State state, Request request, Caller caller) {
        return Conversations.find(state, caller.accountId(), request.idParam("conversation_id"));
    }

    private static List<Long> userIds(Request request) {
        return Participants.userIds(request.params().node("user_ids"));
    }

    private static ArrayNode agents(List<User> users) {
        ArrayNode list = Json.array();
        users.forEach(user -> list.add(UserView.agent(user)));
        return list;
    }
}
