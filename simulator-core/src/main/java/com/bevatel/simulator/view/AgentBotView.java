package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.AgentBot;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The agent bot shapes: slim (assignee, assignments response) and push (message sender, app/models/agent_bot.rb#push_event_data). */
public final class AgentBotView {
    private AgentBotView() {
    }

    /**
     * {@code _agent_bot} through AgentBotPresenter (app/views/api/v1/models/_agent_bot.json.jbuilder): the
     * token and the secret only for an administrator. Account bots only, so never a system bot.
     */
    public static ObjectNode rest(AgentBot bot, boolean administrator) {
        ObjectNode o = Json.object();
        o.put("id", bot.id());
        o.set("name", Json.text(bot.name()));
        o.set("description", Json.text(bot.description()));
        o.put("thumbnail", "");
        o.set("outgoing_url", Json.text(bot.outgoingUrl()));
        o.put("bot_type", AgentBot.BOT_TYPE);
        o.set("bot_config", bot.botConfig().toObjectNode());
        o.put("account_id", bot.accountId());
        if (administrator) {
            o.put("access_token", bot.accessToken());
            o.set("secret", Json.text(bot.secret()));
        }
        o.put("system_bot", false);
        return o;
    }

    /** {@code AgentBot#webhook_data} (app/models/agent_bot.rb): a bot as sender or typist in webhooks. */
    public static ObjectNode webhook(AgentBot bot) {
        ObjectNode o = Json.object();
        o.put("id", bot.id());
        o.set("name", Json.text(bot.name()));
        o.put("type", "agent_bot");
        return o;
    }

    /** {@code _agent_bot_slim}. */
    public static ObjectNode slim(AgentBot bot) {
        ObjectNode o = Json.object();
        o.put("id", bot.id());
        o.set("name", Json.text(bot.name()));
        o.set("description", Json.text(bot.description()));
        o.put("thumbnail", "");
        o.set("outgoing_url", Json.text(bot.outgoingUrl()));
        o.put("bot_type", AgentBot.BOT_TYPE);
        return o;
    }

    /** The push shape of a bot sender; its avatar falls back to the inbox's, "" in the simulator. */
    public static ObjectNode push(AgentBot bot) {
        ObjectNode o = Json.object();
        o.put("id", bot.id());
        o.set("name", Json.text(bot.name()));
        o.put("avatar_url", "");
        o.put("type", "agent_bot");
        return o;
    }
}
