package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Assignments;
import com.bevatel.simulator.domain.Conversations;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.view.AgentBotView;
import com.bevatel.simulator.view.TeamView;
import com.bevatel.simulator.view.UserView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * {@code POST /conversations/{id}/assignments} (app/controllers/api/v1/accounts/conversations/assignments_controller.rb):
 * {@code assignee_id} (a member; anything else
 * unassigns → {@code null}), {@code assignee_type: "AgentBot"} (a bot → pending), or {@code team_id}
 * (0 clears → {@code null}; raw team record otherwise). Neither key: 200 {@code null}.
 */
final class AssignmentRoute {
    private AssignmentRoute() {
    }

    public static void register(Router router) {
        router.accountPost("/conversations/{conversation_id}/assignments", Access.conversation().openToBots(), (request, caller) -> {
            Params p = request.params();
            boolean botAssignment = "AgentBot".equals(p.string("assignee_type"));
            Long assigneeId = lenientId(p.node("assignee_id"));
            boolean agent = p.has("assignee_id") || botAssignment;
            boolean team = !agent && p.has("team_id");
            Long teamId = lenientId(p.node("team_id"));
            return router.store().write(tx -> {
                Conversation current = Conversations.find(tx.state(), caller.accountId(),
                        request.idParam("conversation_id"));
                JsonNode body = NullNode.instance;
                if (botAssignment) {
                    AgentBot bot = Assignments.assignBot(tx, current, assigneeId, caller.actor());
                    body = bot == null ? body : AgentBotView.slim(bot);
                } else if (agent) {
                    User user = Assignments.assignUser(tx, current, assigneeId, caller.actor());
                    body = user == null ? body : UserView.agent(user);
                } else if (team) {
                    Team assigned = Assignments.assignTeam(tx, current, teamId, caller.actor());
                    body = assigned == null ? body : TeamView.raw(assigned);
                }
                return Response.ok(body);
            });
        });
    }

    /**
     * An id as Rails' {@code find_by(id: …)} / {@code to_i} would take it: numbers and numeric
     * strings; anything else (null, "abc") is no id at all rather than an error.
     */
    static Long lenientId(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        String text = node.isValueNode() ? node.asText().strip() : "";
        return text.matches("-?\\d{1,18}") ? Long.parseLong(text) : null;
    }
}
