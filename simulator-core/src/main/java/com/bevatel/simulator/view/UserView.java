package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.WireEnum;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The user shapes: push (app/models/user.rb#push_event_data, message senders) and agent (conversation {@code meta.assignee}). */
public final class UserView {
    private UserView() {
    }

    public static ObjectNode push(User user) {
        ObjectNode o = Json.object();
        o.put("id", user.id());
        o.put("name", user.name());
        o.put("available_name", user.availableName());
        o.put("avatar_url", "");
        o.put("type", "user");
        o.put("availability_status", user.availabilityStatus());
        o.put("thumbnail", "");
        return o;
    }

    /**
     * The agent partial (app/views/api/v1/models/_agent.json.jbuilder): {@code meta.assignee} in REST
     * conversations, the assignments response, {@code /agents}, inbox members and assignable agents.
     * {@code custom_role_id} is enterprise-only: left out.
     */
    public static ObjectNode agent(User user) {
        ObjectNode o = Json.object();
        o.put("id", user.id());
        o.put("account_id", user.accountId());
        o.put("availability_status", user.availabilityStatus());
        o.put("auto_offline", user.autoOffline());
        o.put("confirmed", user.confirmed());
        o.put("email", user.email());
        o.put("provider", "email");
        o.put("available_name", user.availableName());
        if (!user.customAttributes().isEmpty()) {
            o.set("custom_attributes", user.customAttributes().toObjectNode());
        }
        o.put("name", user.name());
        o.put("role", WireEnum.name(user.role()));
        o.put("thumbnail", "");
        return o;
    }
}
