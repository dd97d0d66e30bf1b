package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.CustomAttributeDefinition;
import com.bevatel.simulator.model.WireEnum;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/** A custom attribute definition (app/views/api/v1/models/_custom_attribute_definition.json.jbuilder). */
public final class CustomAttributeDefinitionView {
    private CustomAttributeDefinitionView() {
    }

    /** The partial's keys in order; enums by name, {@code default_value} always null (no API sets it). */
    public static ObjectNode rest(CustomAttributeDefinition d) {
        ObjectNode o = Json.object();
        o.put("id", d.id());
        o.put("attribute_display_name", d.attributeDisplayName());
        o.put("attribute_display_type", WireEnum.name(d.attributeDisplayType()));
        o.set("attribute_description", Json.text(d.attributeDescription()));
        o.put("attribute_key", d.attributeKey());
        o.set("regex_pattern", Json.text(d.regexPattern()));
        o.set("regex_cue", Json.text(d.regexCue()));
        ArrayNode values = o.putArray("attribute_values");
        for (Object value : d.attributeValues()) {
            if (value == null) {
                values.addNull();
            } else if (value instanceof String text) {
                values.add(text);
            } else if (value instanceof Boolean bool) {
                values.add(bool);
            } else if (value instanceof Long number) {
                values.add(number);
            } else if (value instanceof BigInteger number) {
                values.add(number);
            } else {
                values.add((Double) value);
            }
        }
        o.put("attribute_model", WireEnum.name(d.attributeModel()));
        o.putNull("default_value");
        o.set("created_at", Json.iso(d.createdAt()));
        o.set("updated_at", Json.iso(d.updatedAt()));
        return o;
    }
}
