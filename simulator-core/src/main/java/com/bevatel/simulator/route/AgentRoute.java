package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Agents;
import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Permissions;
import com.bevatel.simulator.domain.Users;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Availability;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.AgentBotView;
import com.bevatel.simulator.view.UserView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /agents} (app/controllers/api/v1/accounts/agents_controller.rb, app/policies/user_policy.rb) and
 * who conversations may be assigned to: {@code /inboxes/{id}/assignable_agents}
 * (app/controllers/api/v1/accounts/inboxes_controller.rb) and {@code /assignable_agents}
 * (app/controllers/api/v1/accounts/assignable_agents_controller.rb). Members list agents; administrators
 * add, change and remove them. Update and destroy find the agent before the policy, so an agent
 * naming an unknown id gets 404, a known one 401.
 */
final class AgentRoute {
    private AgentRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/agents", Access.account(), (request, caller) -> router.store().read(state -> {
            ArrayNode list = Json.array();
            Users.ofAccount(state, caller.accountId()).forEach(u -> list.add(UserView.agent(u)));
            return Response.ok(list);
        }));
        router.accountPost("/agents", Access.account().administratorsOnly(), (request, caller) -> {
            // params.require(:agent).permit(:email, :name, :role, :availability, :auto_offline)
            Params p = WrappedParams.require(request, "agent", null);
            String email = p.string("email");
            String name = p.string("name");
            Agents.AccountUserFields fields = accountUserFields(p);
            return router.store().write(tx -> Response.ok(UserView.agent(
                    Agents.create(tx, inviter(tx.state(), caller), email, name, fields))));
        });
        router.accountUpdate("/agents/{id}", Access.account(), (request, caller) -> router.store().write(tx -> {
            User agent = find(tx.state(), request, caller);
            // params.require(:agent).permit(:name, :email, :role, :availability, :auto_offline): email is not applied.
            Params p = WrappedParams.require(request, "agent", null);
            String name = p.string("name");
            return Response.ok(UserView.agent(Agents.update(tx, agent, name == null ? null : Change.of(name),
                    accountUserFields(p))));
        }));
        router.accountDelete("/agents/{id}", Access.account(), (request, caller) -> router.store().write(tx -> {
            Users.remove(tx, find(tx.state(), request, caller));
            return Response.okEmpty();
        }));
        router.accountPost("/agents/bulk_create", Access.account().administratorsOnly(), (request, caller) -> {
            List<String> emails = request.params().strings("emails");
            if (emails == null) {
                // Chatwoot calls emails.count on nil: a 500.
                throw Errors.paramMissing("emails");
            }
            return router.store().write(tx -> {
                Agents.bulkCreate(tx, inviter(tx.state(), caller), emails);
                return Response.okEmpty();
            });
        });

        router.accountGet("/inboxes/{id}/assignable_agents", Access.inbox(), (request, caller) -> router.store().read(state -> {
            Inbox inbox = state.inboxes.find(request.idParam("id")).filter(i -> i.accountId() == caller.accountId())
                    .orElseThrow(Errors::notFound);
            return Response.ok(payload(Agents.assignable(state, caller.accountId(), List.of(state.membersOfInbox.of(inbox.id()))),
                    null));
        }));
        router.accountGet("/assignable_agents", Access.account(), (request, caller) -> router.store().read(state -> {
            List<Inbox> inboxes = inboxes(state, request.params().node("inbox_ids"), caller.accountId());
            List<List<Long>> members = new ArrayList<>();
            for (Inbox inbox : inboxes) {
                if (!Permissions.canViewInbox(state, caller.user(), inbox)) {
                    throw Errors.unauthorizedAction();
                }
                members.add(state.membersOfInbox.of(inbox.id()));
            }
            boolean withBots = present(request.params().node("include_agent_bots"));
            return Response.ok(payload(Agents.assignable(state, caller.accountId(), members),
                    withBots ? state.agentBots.all().stream().filter(b -> b.accountId() == caller.accountId()).toList() : null));
        }));
    }

    /**
     * {@code {"payload": [...]}}: agent partials, then (with {@code include_agent_bots}) the account's bots
     * (app/views/api/v1/accounts/assignable_agents/index.json.jbuilder); each then says its assignee type.
     */
    private static ObjectNode payload(List<User> users, List<com.bevatel.simulator.model.AgentBot> bots) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("payload");
        for (User user : users) {
            ObjectNode agent = UserView.agent(user);
            if (bots != null) {
                agent.put("assignee_type", "User");
            }
            list.add(agent);
        }
        if (bots != null) {
            for (var bot : bots) {
                ObjectNode o = AgentBotView.slim(bot);
                o.put("assignee_type", "AgentBot");
                o.put("icon", "i-lucide-bot");
                o.put("availability_status", "offline");
                list.add(o);
            }
        }
        return body;
    }

    /**
     * {@code Current.account.inboxes.find(params.permit(inbox_ids: [])[:inbox_ids])}: every id must be an
     * inbox of the account (404 otherwise, and when none is given); repeated ids count once.
     */
    private static List<Inbox> inboxes(State state, JsonNode ids, long accountId) {
        if (ids == null || !ids.isArray()) {
            throw Errors.notFound();
        }
        Map<Long, Inbox> found = new LinkedHashMap<>();
        for (JsonNode id : ids) {
            if (id.isNull()) {
                continue;
            }
            if (!id.isValueNode()) {
                throw Errors.notFound();
            }
            Long value = RailsCasts.integer("inbox_ids", id);
            Inbox inbox = value == null ? null : state.inboxes.find(value).filter(i -> i.accountId() == accountId).orElse(null);
            if (inbox == null) {
                throw Errors.notFound();
            }
            found.put(inbox.id(), inbox);
        }
        return List.copyOf(found.values());
    }

    /** Rails' {@code present?}: not null, false, blank text nor an empty container. */
    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !(node.isBoolean() && !node.booleanValue())
                && !(node.isTextual() && node.asText().isBlank()) && !(node.isContainerNode() && node.isEmpty());
    }

    /** The caller as stored now: removed since its token was checked, it invites no one (its token is invalid now). */
    private static User inviter(State state, Caller caller) {
        return state.users.find(caller.user().id()).orElseThrow(() -> Errors.error(401, "Invalid Access Token"));
    }

    /** {@code fetch_agent} (404), then {@code check_authorization} (administrators only: 401). */
    private static User find(State state, Request request, Caller caller) {
        User agent = Agents.find(state, caller.accountId(), request.idParam("id"));
        if (!caller.administrator()) {
            throw Errors.unauthorizedAction();
        }
        return agent;
    }

    /** The AccountUser's {@code role}, {@code availability} and {@code auto_offline}; blank values count as not given. */
    private static Agents.AccountUserFields accountUserFields(Params p) {
        return new Agents.AccountUserFields(RailsCasts.enumValue("role", p.node("role"), Role.class),
                RailsCasts.enumValue("availability", p.node("availability"), Availability.class), p.bool("auto_offline"));
    }
}
