package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Conversations;
import com.bevatel.simulator.domain.Labels;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code GET|POST /conversations/{id}/labels} (app/controllers/api/v1/accounts/conversations/labels_controller.rb):
 * POST replaces the label set.
 */
final class ConversationLabelRoute {
    private static final String LABELS = "/conversations/{conversation_id}/labels";

    private ConversationLabelRoute() {
    }

    public static void register(Router router) {
        router.accountGet(LABELS, Access.conversation().openToBots(), (request, caller) -> router.store().read(state ->
                Response.ok(payload(Conversations.find(state, caller.accountId(), request.idParam("conversation_id")).labels()))));
        router.accountPost(LABELS, Access.conversation().openToBots(), (request, caller) -> {
            List<String> labels = request.params().strings("labels");
            return router.store().write(tx -> {
                Conversation current = Conversations.find(tx.state(), caller.accountId(),
                        request.idParam("conversation_id"));
                return Response.ok(payload(Labels.setConversationLabels(tx, current, labels, caller.actor()).labels()));
            });
        });
    }

    /** {@code {"payload": ["a", "b"]}}. */
    static ObjectNode payload(List<String> labels) {
        ObjectNode body = Json.object();
        ArrayNode payload = body.putArray("payload");
        labels.forEach(payload::add);
        return body;
    }
}
