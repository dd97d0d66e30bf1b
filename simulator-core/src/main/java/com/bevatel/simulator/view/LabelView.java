package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Label;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A label as app/views/api/v1/accounts/labels/show.json.jbuilder (and index's items) render it. */
public final class LabelView {
    private LabelView() {
    }

    public static ObjectNode rest(Label label) {
        ObjectNode o = Json.object();
        o.put("id", label.id());
        o.put("title", label.title());
        o.set("description", Json.text(label.description()));
        o.put("color", label.color());
        if (label.showOnSidebar() == null) {
            o.putNull("show_on_sidebar");
        } else {
            o.put("show_on_sidebar", label.showOnSidebar());
        }
        return o;
    }
}
