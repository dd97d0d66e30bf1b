package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Team;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The team shapes: the {@code _team} partial (app/views/api/v1/models/_team.json.jbuilder: /teams and
 * REST {@code meta.team}), {@code Team#push_event_data} (webhook {@code meta.team}) and the raw record
 * (assignments).
 */
public final class TeamView {
    private TeamView() {
    }

    /** The {@code _team} partial; {@code is_member} tells whether the requesting member belongs to the team. */
    public static ObjectNode rest(Team team, boolean isMember) {
        ObjectNode o = Json.object();
        o.put("id", team.id());
        o.put("name", team.name());
        o.set("description", Json.text(team.description()));
        o.put("allow_auto_assign", team.allowAutoAssign());
        o.put("icon", team.icon());
        o.put("icon_color", team.iconColor());
        o.put("account_id", team.accountId());
        o.put("is_member", isMember);
        return o;
    }

    /** {@code Team#push_event_data} (app/models/team.rb): conversation webhooks' {@code meta.team}. */
    public static ObjectNode push(Team team) {
        ObjectNode o = Json.object();
        o.put("id", team.id());
        o.put("name", team.name());
        o.put("icon", team.icon());
        o.put("icon_color", team.iconColor());
        return o;
    }

    /** {@code render json: @team}: every column in schema order, times as ISO strings. */
    public static ObjectNode raw(Team team) {
        ObjectNode o = Json.object();
        o.put("id", team.id());
        o.put("name", team.name());
        o.set("description", Json.text(team.description()));
        o.put("allow_auto_assign", team.allowAutoAssign());
        o.put("account_id", team.accountId());
        o.set("created_at", Json.iso(team.createdAt()));
        o.set("updated_at", Json.iso(team.updatedAt()));
        o.put("icon", team.icon());
        o.put("icon_color", team.iconColor());
        return o;
    }
}
