package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * How a custom attribute is shown and filtered ({@code attribute_display_type} of
 * app/models/custom_attribute_definition.rb): stored integer = ordinal, wire name = lower-case
 * constant name (see {@link WireEnum}).
 */
@API(status = INTERNAL)
public enum AttributeDisplayType {
    TEXT, NUMBER, CURRENCY, PERCENT, LINK, DATE, LIST, CHECKBOX
}
