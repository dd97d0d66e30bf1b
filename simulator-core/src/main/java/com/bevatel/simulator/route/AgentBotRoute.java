package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.AgentBots;
import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.AgentBotView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/accounts/{id}/agent_bots} (app/controllers/api/v1/accounts/agent_bots_controller.rb,
 * app/policies/agent_bot_policy.rb) and an inbox's bot ({@code agent_bot}, {@code set_agent_bot} of
 * app/controllers/api/v1/accounts/inboxes_controller.rb). Members list and read bots; only
 * administrators change them, and only they see a bot's token and secret. Chatwoot authorizes before
 * it finds the bot, so an agent gets 401 even for a bot that does not exist.
 */
final class AgentBotRoute {
    private AgentBotRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/agent_bots", Access.account(), (request, caller) -> router.store().read(state -> {
            ArrayNode list = Json.array();
            state.agentBots.all().stream().filter(b -> b.accountId() == caller.accountId())
                    .forEach(b -> list.add(AgentBotView.rest(b, caller.administrator())));
            return Response.ok(list);
        }));
        router.accountGet("/agent_bots/{id}", Access.account(), (request, caller) -> router.store().read(state ->
                rendered(find(state, request, caller), caller)));
        router.accountPost("/agent_bots", Access.account().administratorsOnly(), (request, caller) -> {
            AgentBots.BotFields fields = fields(request.params());
            return router.store().write(tx -> rendered(AgentBots.create(tx, caller.accountId(), fields), caller));
        });
        router.accountUpdate("/agent_bots/{id}", Access.account().administratorsOnly(), (request, caller) -> {
            AgentBots.BotFields fields = fields(request.params());
            return router.store().write(tx -> rendered(
                    AgentBots.update(tx, find(tx.state(), request, caller), fields), caller));
        });
        router.accountDelete("/agent_bots/{id}", Access.account().administratorsOnly(), (request, caller) ->
                router.store().write(tx -> {
                    AgentBots.destroy(tx, find(tx.state(), request, caller));
                    return Response.okEmpty();
                }));
        // The simulator keeps no avatars (thumbnail is always ""): removing one leaves the bot as it is.
        router.accountDelete("/agent_bots/{id}/avatar", Access.account().administratorsOnly(), (request, caller) ->
                router.store().read(state -> rendered(find(state, request, caller), caller)));
        router.accountPost("/agent_bots/{id}/reset_access_token", Access.account().administratorsOnly(),
                (request, caller) -> router.store().write(tx -> rendered(
                        AgentBots.resetAccessToken(tx, find(tx.state(), request, caller)), caller)));
        router.accountPost("/agent_bots/{id}/reset_secret", Access.account().administratorsOnly(),
                (request, caller) -> router.store().write(tx -> rendered(
                        AgentBots.resetSecret(tx, find(tx.state(), request, caller)), caller)));

        router.accountGet("/inboxes/{id}/agent_bot", Access.inbox(), (request, caller) -> router.store().read(state -> {
            Inbox inbox = inbox(state, request, caller);
            ObjectNode body = Json.object();
            // An inbox without a bot renders an empty object: jbuilder drops the empty agent_bot block.
            AgentBots.ofInbox(state, inbox.id()).ifPresent(bot -> body.set("agent_bot", AgentBotView.rest(bot,
                    caller.administrator())));
            return Response.ok(body);
        }));
        // Not declared administrators-only: Chatwoot finds the inbox (401 for a non-member), then the bot
        // (404), and only then asks the policy, so an agent naming an unknown bot gets 404, not 401.
        router.accountPost("/inboxes/{id}/set_agent_bot", Access.inbox(), (request, caller) -> {
            Long botId = request.params().integer("agent_bot");
            return router.store().write(tx -> {
                Inbox inbox = inbox(tx.state(), request, caller);
                AgentBot bot = botId == null ? null : AgentBots.find(tx.state(), caller.accountId(), botId);
                if (!caller.administrator()) {
                    throw Errors.unauthorizedAction();
                }
                AgentBots.serve(tx, inbox, bot);
                return Response.okEmpty();
            });
        });
    }

    private static Response rendered(AgentBot bot, Caller caller) {
        return Response.ok(AgentBotView.rest(bot, caller.administrator()));
    }

    private static AgentBot find(State state, Request request, Caller caller) {
        return AgentBots.find(state, caller.accountId(), request.idParam("id"));
    }

    private static Inbox inbox(State state, Request request, Caller caller) {
        return state.inboxes.find(request.idParam("id")).filter(i -> i.accountId() == caller.accountId())
                .orElseThrow(Errors::notFound);
    }

    /**
     * {@code params.permit(:name, :description, :outgoing_url, :avatar, :avatar_url, :bot_type, bot_config: {})}:
     * a {@code bot_config} that is not an object is not permitted, so it is left out; avatars are not kept.
     */
    private static AgentBots.BotFields fields(Params p) {
        String botType = p.string("bot_type");
        if (botType != null && !AgentBot.BOT_TYPE.equals(botType) && !"0".equals(botType)) {
            // Chatwoot's enum setter raises ArgumentError, which no handler rescues: a 500 there.
            throw Errors.error(422, "'" + botType + "' is not a valid bot_type");
        }
        JsonNode config = p.node("bot_config");
        return new AgentBots.BotFields(
                p.has("name") ? Change.of(p.string("name")) : null,
                p.has("description") ? Change.of(p.string("description")) : null,
                p.has("outgoing_url") ? Change.of(p.string("outgoing_url")) : null,
                config instanceof ObjectNode object ? object : null, null, null);
    }
}
