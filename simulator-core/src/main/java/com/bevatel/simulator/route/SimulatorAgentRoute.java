package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.ConversationActions;
import com.bevatel.simulator.domain.DashboardActions;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Teams;
import com.bevatel.simulator.domain.Users;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.Priority;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.bevatel.simulator.view.ConversationView;
import com.bevatel.simulator.view.MessageView;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The simulated dashboard over HTTP, for tests not written in Java (issue 5 §3):
 * {@code POST /_simulator/agent/conversations/{id}/{action}} with a JSON body naming the member
 * ({@code "agent": name or email}; the seeded administrator when absent). Actions: reply, note
 * ({@code content}), resolve, reopen, pending, snooze ({@code snoozed_until}), assign
 * ({@code assignee}), unassign, assign_team ({@code team}, null removes it), priority
 * ({@code priority}, null removes it), labels ({@code labels}), typing ({@code typing_status}
 * on|off, {@code is_private}); and {@code …/messages/{message_id}/status} ({@code status},
 * {@code external_error}). Answers the message or conversation as the Application API renders it;
 * errors are JSON (404 unknown agent/record, 401 a conversation the agent may not see, 422 bad values).
 */
final class SimulatorAgentRoute {
    private static final String BASE = "/_simulator/agent/conversations/{conversation_id}";

    private SimulatorAgentRoute() {
    }

    public static void register(Router router) {
        messageAction(router, "reply", (request, p) -> (tx, agent) ->
                DashboardActions.reply(tx, agent, id(request), content(p), false));
        messageAction(router, "note", (request, p) -> (tx, agent) ->
                DashboardActions.reply(tx, agent, id(request), content(p), true));
        statusAction(router, "resolve", ConversationStatus.RESOLVED);
        statusAction(router, "reopen", ConversationStatus.OPEN);
        statusAction(router, "pending", ConversationStatus.PENDING);
        conversationAction(router, "snooze", (request, p) -> {
            Instant until = ConversationRoute.time(p, "snoozed_until");
            return (tx, agent) -> DashboardActions.changeStatus(tx, agent, id(request), ConversationStatus.SNOOZED, until);
        });
        conversationAction(router, "assign", (request, p) -> {
            String assignee = p.string("assignee");
            if (assignee == null || assignee.isBlank()) {
                throw Errors.error(422, "assignee (a member's name or email) is required; use unassign to remove");
            }
            return (tx, agent) -> DashboardActions.assign(tx, agent, id(request), member(tx.state(), agent, assignee));
        });
        conversationAction(router, "unassign", (request, p) -> (tx, agent) ->
                DashboardActions.assign(tx, agent, id(request), null));
        conversationAction(router, "assign_team", (request, p) -> {
            String team = p.string("team");
            return (tx, agent) -> DashboardActions.assignTeam(tx, agent, id(request), team(tx.state(), agent, team));
        });
        conversationAction(router, "priority", (request, p) -> {
            Priority priority = ConversationActions.parsePriority(p.string("priority"));
            return (tx, agent) -> DashboardActions.setPriority(tx, agent, id(request), priority);
        });
        conversationAction(router, "labels", (request, p) -> {
            List<String> labels = p.strings("labels");
            if (labels == null) {
                throw Errors.error(422, "labels (an array of strings) is required");
            }
            return (tx, agent) -> DashboardActions.setLabels(tx, agent, id(request), labels);
        });
        conversationAction(router, "typing", (request, p) -> {
            String status = p.string("typing_status");
            if (!"on".equals(status) && !"off".equals(status)) {
                throw Errors.error(422, "typing_status must be \"on\" or \"off\"");
            }
            boolean isPrivate = Boolean.TRUE.equals(p.bool("is_private"));
            return (tx, agent) -> DashboardActions.typing(tx, agent, id(request), "on".equals(status), isPrivate);
        });
        messageAction(router, "messages/{message_id}/status", (request, p) -> {
            String status = p.string("status");
            if (status == null || !List.of("sent", "delivered", "read", "failed").contains(status)) {
                throw Errors.error(422, "status must be one of sent, delivered, read, failed");
            }
            String externalError = p.string("external_error");
            return (tx, agent) -> DashboardActions.markMessage(tx, agent, id(request), request.idParam("message_id"),
                    status, externalError);
        });
    }

    /** Parses the request, then runs the action as one write for the named member. */
    private interface Action<T> {
        BiFunction<Transaction, User, T> prepare(Request request, Params params);
    }

    private static void statusAction(Router router, String name, ConversationStatus status) {
        conversationAction(router, name, (request, p) -> (tx, agent) ->
                DashboardActions.changeStatus(tx, agent, id(request), status, null));
    }

    private static void conversationAction(Router router, String name, Action<Conversation> action) {
        router.post(BASE + "/" + name, request -> {
            BiFunction<Transaction, User, Conversation> run = action.prepare(request, request.params());
            String agentName = request.params().string("agent");
            return router.store().write(tx -> {
                User agent = agent(tx.state(), agentName);
                Conversation done = run.apply(tx, agent);
                return Response.ok(ConversationView.rest(tx.state().conversations.get(done.id()), tx.state(), agent.id()));
            });
        });
    }

    private static void messageAction(Router router, String name, Action<Message> action) {
        router.post(BASE + "/" + name, request -> {
            BiFunction<Transaction, User, Message> run = action.prepare(request, request.params());
            String agentName = request.params().string("agent");
            return router.store().write(tx -> {
                Message message = run.apply(tx, agent(tx.state(), agentName));
                return Response.ok(MessageView.rest(tx.state().messages.get(message.id()), tx.state(), null));
            });
        });
    }

    /** The named member of the (single) account; the seeded administrator when no name is given. */
    private static User agent(State state, String nameOrEmail) {
        long accountId = state.accounts.all().iterator().next().id();
        if (nameOrEmail == null || nameOrEmail.isBlank()) {
            return state.users.all().stream().filter(u -> u.accountId() == accountId).findFirst()
                    .orElseThrow(Errors::notFound);
        }
        return Users.byNameOrEmail(state, accountId, nameOrEmail)
                .orElseThrow(() -> Errors.error(404, Users.unknown(state, accountId, nameOrEmail)));
    }

    private static User member(State state, User agent, String nameOrEmail) {
        return Users.byNameOrEmail(state, agent.accountId(), nameOrEmail)
                .orElseThrow(() -> Errors.error(404, Users.unknown(state, agent.accountId(), nameOrEmail)));
    }

    private static Team team(State state, User agent, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Teams.byName(state, agent.accountId(), name)
                .orElseThrow(() -> Errors.error(404, "No team named '" + name + "' in the account"));
    }

    private static long id(Request request) {
        return request.idParam("conversation_id");
    }

    private static String content(Params p) {
        String content = p.string("content");
        if (content == null) {
            throw Errors.error(422, "content is required");
        }
        return content;
    }
}
