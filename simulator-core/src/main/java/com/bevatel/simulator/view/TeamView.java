package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Team;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The team shapes: the {@code _team} partial (conversation {@code meta.team}) and the raw record (assignments). */
public final class TeamView {
    private TeamView() {
    }

    /** {@code meta.team}; {@code is_member} tells whether the requesting member belongs to the team. */
    public static ObjectNode rest(Team team, boolean isMember) {
        ObjectNode o = Json.object();
        o.put("id", team.id());
        o.put("name", team.name());
        o.set("description", Json.text(team.description()));
        o.put("allow_auto_assign", team.allowAutoAssign());
        o.put("icon", "");
        o.put("icon_color", "");
        o.put("account_id", team.accountId());
        o.put("is_member", isMember);
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
        o.put("icon", "");
        o.put("icon_color", "");
        return o;
    }
}
