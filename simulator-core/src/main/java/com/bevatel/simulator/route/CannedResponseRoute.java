package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.CannedResponses;
import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.CannedResponse;
import com.bevatel.simulator.view.CannedResponseView;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * {@code /api/v1/accounts/{id}/canned_responses} (app/controllers/api/v1/accounts/canned_responses_controller.rb):
 * no policy, so every member of the account lists, creates, changes and deletes them; each renders as
 * the record's plain JSON.
 */
final class CannedResponseRoute {
    /** The CannedResponse model's attributes, wrapped under {@code canned_response} (id and account_id left out). */
    private static final List<String> MODEL_ATTRIBUTES = List.of("short_code", "content", "created_at", "updated_at");

    private CannedResponseRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/canned_responses", Access.account(), (request, caller) -> router.store().read(state -> {
            String search = request.params().string("search");
            ArrayNode list = Json.array();
            (search == null ? CannedResponses.ofAccount(state, caller.accountId())
                    : CannedResponses.search(state, caller.accountId(), search))
                    .forEach(r -> list.add(CannedResponseView.raw(r)));
            return Response.ok(list);
        }));
        router.accountPost("/canned_responses", Access.account(), (request, caller) -> {
            Params p = params(request);
            return router.store().write(tx -> Response.ok(CannedResponseView.raw(CannedResponses.create(tx,
                    caller.accountId(), change(p, "short_code"), change(p, "content")))));
        });
        router.accountUpdate("/canned_responses/{id}", Access.account(), (request, caller) -> router.store().write(tx -> {
            CannedResponse current = CannedResponses.find(tx.state(), caller.accountId(), request.idParam("id"));
            Params p = params(request);
            return Response.ok(CannedResponseView.raw(CannedResponses.update(tx, current, change(p, "short_code"),
                    change(p, "content"))));
        }));
        router.accountDelete("/canned_responses/{id}", Access.account(), (request, caller) -> router.store().write(tx -> {
            CannedResponses.destroy(tx, CannedResponses.find(tx.state(), caller.accountId(), request.idParam("id")));
            return Response.okEmpty();
        }));
    }

    /** {@code params.require(:canned_response).permit(:short_code, :content)}. */
    private static Params params(Request request) {
        return WrappedParams.require(request, "canned_response", MODEL_ATTRIBUTES);
    }

    private static Change<String> change(Params p, String key) {
        return p.has(key) ? Change.of(p.string(key)) : null;
    }
}
