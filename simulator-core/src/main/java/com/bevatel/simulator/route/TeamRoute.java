package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Inboxes;
import com.bevatel.simulator.domain.Permissions;
import com.bevatel.simulator.domain.Teams;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.TeamView;
import com.bevatel.simulator.view.UserView;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code /api/v1/accounts/{id}/teams} and their members (app/controllers/api/v1/accounts/teams_controller.rb,
 * team_members_controller.rb; app/policies/team_policy.rb, team_member_policy.rb). Members read; only
 * administrators change. The controllers find the team before they ask the policy, so an agent naming
 * an unknown team gets 404, a known one 401; creating a team is refused to agents at once.
 */
final class TeamRoute {
    /** The Team model's attributes, which Rails wraps under {@code team} (id and account_id left out). */
    private static final List<String> MODEL_ATTRIBUTES = List.of("name", "description", "allow_auto_assign",
            "created_at", "updated_at", "icon", "icon_color");

    private TeamRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/teams", Access.account(), (request, caller) -> router.store().read(state -> {
            ArrayNode list = Json.array();
            Teams.ofAccount(state, caller.accountId()).forEach(team -> list.add(rendered(state, team, caller)));
            return Response.ok(list);
        }));
        router.accountPost("/teams", Access.account().administratorsOnly(), (request, caller) -> {
            Teams.TeamFields fields = fields(request);
            return router.store().write(tx -> Response.ok(rendered(tx.state(),
                    Teams.create(tx, caller.accountId(), fields), caller)));
        });
        router.accountGet("/teams/{id}", Access.account(), (request, caller) -> router.store().read(state ->
                Response.ok(rendered(state, Teams.find(state, caller.accountId(), request.idParam("id")), caller))));
        router.accountUpdate("/teams/{id}", Access.account(), (request, caller) -> router.store().write(tx -> {
            Team team = administered(tx.state(), request, caller, "id");
            return Response.ok(rendered(tx.state(), Teams.update(tx, team, fields(request)), caller));
        }));
        router.accountDelete("/teams/{id}", Access.account(), (request, caller) -> router.store().write(tx -> {
            Teams.destroy(tx, administered(tx.state(), request, caller, "id"));
            return Response.okEmpty();
        }));

        String members = "/teams/{team_id}/team_members";
        router.accountGet(members, Access.account(), (request, caller) -> router.store().read(state -> Response.ok(
                agents(Teams.members(state, Teams.find(state, caller.accountId(), request.idParam("team_id")).id())))));
        // create answers the users it added; update (render action: 'create') every member after the change.
        router.accountPost(members, Access.account(), (request, caller) -> router.store().write(tx -> {
            Team team = administered(tx.state(), request, caller, "team_id");
            return Response.ok(agents(Teams.addMembers(tx, team, userIds(tx.state(), request, team))));
        }));
        router.accountPatch(members, Access.account(), (request, caller) -> router.store().write(tx -> {
            Team team = administered(tx.state(), request, caller, "team_id");
            Teams.replaceMembers(tx, team, userIds(tx.state(), request, team));
            return Response.ok(agents(Teams.members(tx.state(), team.id())));
        }));
        router.accountDelete(members, Access.account(), (request, caller) -> router.store().write(tx -> {
            Team team = administered(tx.state(), request, caller, "team_id");
            Teams.removeMembers(tx, team, userIds(tx.state(), request, team));
            return Response.okEmpty();
        }));
    }

    /** {@code fetch_team}, then {@code check_authorization}: 404 before 401. */
    private static Team administered(State state, Request request, Caller caller, String idParameter) {
        Team team = Teams.find(state, caller.accountId(), request.idParam(idParameter));
        Permissions.requireAdministrator(caller.user());
        return team;
    }

    /** The {@code _team} partial; {@code is_member} is {@code Current.user.teams.include?(team)}. */
    private static ObjectNode rendered(State state, Team team, Caller caller) {
        return TeamView.rest(team, caller.user() != null && Teams.isMember(state, team.id(), caller.user().id()));
    }

    private static ArrayNode agents(List<User> users) {
        ArrayNode list = Json.array();
        users.forEach(user -> list.add(UserView.agent(user)));
        return list;
    }

    /**
     * {@code params.require(:team).permit(:name, :description, :allow_auto_assign, :icon, :icon_color)}.
     * An {@code allow_auto_assign} of null or {@code ""} (nil to Rails) is false.
     */
    private static Teams.TeamFields fields(Request request) {
        Params p = WrappedParams.require(request, "team", MODEL_ATTRIBUTES);
        return new Teams.TeamFields(
                p.has("name") ? Change.of(p.string("name")) : null,
                p.has("description") ? Change.of(p.string("description")) : null,
                p.has("allow_auto_assign") ? Change.of(Boolean.TRUE.equals(p.bool("allow_auto_assign"))) : null,
                p.has("icon") ? Change.of(p.string("icon")) : null,
                p.has("icon_color") ? Change.of(p.string("icon_color")) : null);
    }

    /**
     * {@code params[:user_ids]}, each as Ruby's {@code to_i}, all users of the account (validate_member_id_params:
     * 401 "Invalid User IDs" otherwise). Without it Chatwoot fails on {@code nil.map} (500): 422 here.
     */
    private static List<Long> userIds(State state, Request request, Team team) {
        List<String> given = request.params().strings("user_ids");
        if (given == null) {
            throw Errors.paramMissing("user_ids");
        }
        List<Long> ids = given.stream().map(id -> Inboxes.rubyToI(Json.text(id))).toList();
        Teams.requireAccountUsers(state, team, ids);
        return ids;
    }
}
