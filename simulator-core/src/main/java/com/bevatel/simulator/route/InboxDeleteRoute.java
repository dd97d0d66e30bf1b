package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.InboxDeletion;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code DELETE /inboxes/{id}} (app/controllers/api/v1/accounts/inboxes_controller.rb#destroy, administrators): 200
 * with Chatwoot's "will be processed" message.
 */
final class InboxDeleteRoute {
    private InboxDeleteRoute() {
    }

    public static void register(Router router) {
        router.accountDelete("/inboxes/{id}", Access.inbox().administratorsOnly(), (request, caller) -> router.store().write(tx -> {
            Inbox inbox = tx.state().inboxes.find(request.idParam("id"))
                    .filter(i -> i.accountId() == caller.accountId()).orElseThrow(Errors::notFound);
            InboxDeletion.delete(tx, inbox);
            ObjectNode body = Json.object();
            body.put("message", "Your inbox deletion request will be processed in some time.");
            return Response.ok(body);
        }));
    }
}
