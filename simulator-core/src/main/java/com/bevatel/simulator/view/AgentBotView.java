package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.AgentBot;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The agent bot shapes: slim (assignee, assignments response) and push (message sender, app/models/agent_bot.rb#push_event_data). */
public final class AgentBotView {
    private AgentBotView() {
    }

    /** {@code _agent_bot_slim}. */
    public static ObjectNode slim(AgentBot bot) {
        ObjectNode o = Json.object();
        o.put("id", bot.id());
        o.put("name", bot.name());
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
        o.put("name", bot.name());
        o.put("avatar_url", "");
        o.put("type", "agent_bot");
        return o;
    }
}
