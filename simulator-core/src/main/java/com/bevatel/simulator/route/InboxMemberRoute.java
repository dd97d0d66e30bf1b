package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.InboxMembers;
import com.bevatel.simulator.domain.Permissions;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.UserView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /inbox_members} (app/controllers/api/v1/accounts/inbox_members_controller.rb,
 * app/views/api/v1/accounts/inbox_members/): an inbox's members, read by its members, changed by
 * administrators. The inbox is found first ({@code inbox_id} from the path or the body: 404, also when
 * none is given), then the policy asked (app/policies/inbox_policy.rb: 401). create, update and show
 * answer every member of the inbox afterwards; destroy answers an empty 200.
 */
final class InboxMemberRoute {
    private InboxMemberRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/inbox_members/{inbox_id}", Access.account(), (request, caller) -> router.store().read(state -> {
            Inbox inbox = inbox(state, caller, request.idParam("inbox_id"));
            if (!Permissions.canViewInbox(state, caller.user(), inbox)) {
                throw Errors.unauthorizedAction();
            }
            return members(state, inbox);
        }));
        router.accountPost("/inbox_members", Access.account(), (request, caller) -> router.store().write(tx -> {
            Inbox inbox = administered(tx.state(), caller, request.params());
            InboxMembers.add(tx, inbox, userIds(request.params(), true));
            return members(tx.state(), inbox);
        }));
        router.accountPatch("/inbox_members", Access.account(), (request, caller) -> router.store().write(tx -> {
            Inbox inbox = administered(tx.state(), caller, request.params());
            InboxMembers.replace(tx, inbox, userIds(request.params(), true));
            return members(tx.state(), inbox);
        }));
        router.accountDelete("/inbox_members", Access.account(), (request, caller) -> router.store().write(tx -> {
            Inbox inbox = administered(tx.state(), caller, request.params());
            InboxMembers.remove(tx, inbox, userIds(request.params(), false));
            return Response.okEmpty();
        }));
    }

    private static Response members(State state, Inbox inbox) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("payload");
        InboxMembers.of(state, inbox).forEach(u -> list.add(UserView.agent(u)));
        return Response.ok(body);
    }

    /** {@code Current.account.inboxes.find(params[:inbox_id])}. */
    private static Inbox inbox(State state, Caller caller, Long inboxId) {
        return inboxId == null ? null : state.inboxes.find(inboxId).filter(i -> i.accountId() == caller.accountId())
                .orElseThrow(Errors::notFound);
    }

    /** The body's inbox (404), then {@code authorize @inbox, :create?/:update?/:destroy?} (administrators: 401). */
    private static Inbox administered(State state, Caller caller, Params p) {
        JsonNode id = p.node("inbox_id");
        if (id != null && !id.isValueNode()) {
            throw Errors.notFound();
        }
        Long inboxId = RailsCasts.integer("inbox_id", id);
        Inbox inbox = inboxId == null ? null : inbox(state, caller, inboxId);
        if (inbox == null) {
            throw Errors.notFound();
        }
        if (!caller.administrator()) {
            throw Errors.unauthorizedAction();
        }
        return inbox;
    }

    /**
     * {@code params[:user_ids]} as its elements, JSON nulls dropped (Rails' deep_munge). create and update
     * subtract it from an array (a 422 when it is missing or not an array; Chatwoot: a 500); destroy
     * passes it to {@code where}, which also takes a single id, and matches nothing for none.
     */
    private static List<InboxMembers.UserId> userIds(Params p, boolean arrayRequired) {
        JsonNode node = p.node("user_ids");
        List<InboxMembers.UserId> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (arrayRequired) {
                throw Errors.paramMissing("user_ids");
            }
            return ids;
        }
        if (!node.isArray()) {
            if (arrayRequired) {
                throw Errors.error(422, "Invalid parameter user_ids: expected an array");
            }
            ids.add(userId(node));
            return ids;
        }
        for (JsonNode item : node) {
            if (!item.isNull()) {
                ids.add(userId(item));
            }
        }
        return ids;
    }

    private static InboxMembers.UserId userId(JsonNode item) {
        return new InboxMembers.UserId(RailsCasts.integer("user_ids", item), item.isIntegralNumber() && item.canConvertToLong());
    }
}
