package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.AccountLabels;
import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.Permissions;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Label;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.LabelView;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code /api/v1/accounts/{id}/labels} (app/controllers/api/v1/accounts/labels_controller.rb,
 * app/views/api/v1/accounts/labels/, app/policies/label_policy.rb). Every member lists them; only
 * administrators read one, create, change or delete — and the label is found first, so an agent
 * naming an unknown label gets 404, a known one 401.
 */
final class LabelRoute {
    /** The Label model's attributes, which Rails wraps under {@code label} (id and account_id left out). */
    private static final List<String> MODEL_ATTRIBUTES = List.of("title", "description", "color", "show_on_sidebar",
            "created_at", "updated_at");

    private LabelRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/labels", Access.account(), (request, caller) -> router.store().read(state -> {
            ObjectNode body = Json.object();
            ArrayNode payload = body.putArray("payload");
            AccountLabels.ofAccount(state, caller.accountId()).forEach(label -> payload.add(LabelView.rest(label)));
            return Response.ok(body);
        }));
        router.accountPost("/labels", Access.account().administratorsOnly(), (request, caller) -> {
            AccountLabels.LabelFields fields = fields(request);
            return router.store().write(tx -> Response.ok(LabelView.rest(
                    AccountLabels.create(tx, caller.accountId(), fields))));
        });
        router.accountGet("/labels/{id}", Access.account(), (request, caller) -> router.store().read(state ->
                Response.ok(LabelView.rest(administered(state, request, caller)))));
        router.accountUpdate("/labels/{id}", Access.account(), (request, caller) -> router.store().write(tx -> {
            Label label = administered(tx.state(), request, caller);
            return Response.ok(LabelView.rest(AccountLabels.update(tx, label, fields(request))));
        }));
        router.accountDelete("/labels/{id}", Access.account(), (request, caller) -> router.store().write(tx -> {
            AccountLabels.destroy(tx, administered(tx.state(), request, caller));
            return Response.okEmpty();
        }));
    }

    /** {@code fetch_label}, then {@code check_authorization}: 404 before 401. */
    private static Label administered(State state, Request request, Caller caller) {
        Label label = AccountLabels.find(state, caller.accountId(), request.idParam("id"));
        Permissions.requireAdministrator(caller.user());
        return label;
    }

    /** {@code params.require(:label).permit(:title, :description, :color, :show_on_sidebar)}. */
    private static AccountLabels.LabelFields fields(Request request) {
        Params p = WrappedParams.require(request, "label", MODEL_ATTRIBUTES);
        return new AccountLabels.LabelFields(
                p.has("title") ? Change.of(p.string("title")) : null,
                p.has("description") ? Change.of(p.string("description")) : null,
                p.has("color") ? Change.of(p.string("color")) : null,
                p.has("show_on_sidebar") ? Change.of(p.bool("show_on_sidebar")) : null);
    }
}
