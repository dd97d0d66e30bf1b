package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.ConversationFilter;
import com.bevatel.simulator.domain.Filters;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.view.ConversationView;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code POST /conversations/filter} (app/services/conversations/filter_service.rb): {@code {"meta":{"mine_count","unassigned_count",
 * "all_count"},"payload":[…]}} — no {@code data} wrapper, no {@code assigned_count}; 25 per page.
 */
final class ConversationFilterRoute {
    private ConversationFilterRoute() {
    }

    public static void register(Router router) {
        router.accountPost("/conversations/filter", Access.account(), (request, caller) -> {
            Params p = request.params();
            List<Filters.Condition> conditions = Filters.parse(p.node("payload"));
            Long page = p.integer("page");
            return router.store().read(state -> {
                ConversationFilter.Result result = ConversationFilter.find(state, caller.user(), conditions, page,
                        state.clock().now());
                ObjectNode body = Json.object();
                ObjectNode meta = body.putObject("meta");
                meta.put("mine_count", result.mineCount());
                meta.put("unassigned_count", result.unassignedCount());
                meta.put("all_count", result.allCount());
                ArrayNode payload = body.putArray("payload");
                result.page().forEach(c -> payload.add(ConversationView.rest(c, state, caller.user().id())));
                return Response.ok(body);
            });
        });
    }
}
