package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.CannedResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code render json: @canned_response}: the record's columns in schema order (db/schema.rb), times as ISO strings. */
public final class CannedResponseView {
    private CannedResponseView() {
    }

    public static ObjectNode raw(CannedResponse r) {
        ObjectNode o = Json.object();
        o.put("id", r.id());
        o.put("account_id", r.accountId());
        o.put("short_code", r.shortCode());
        o.put("content", r.content());
        o.set("created_at", Json.iso(r.createdAt()));
        o.set("updated_at", Json.iso(r.updatedAt()));
        return o;
    }
}
