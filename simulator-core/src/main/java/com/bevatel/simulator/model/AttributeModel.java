package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * What a custom attribute definition describes ({@code attribute_model} of app/models/custom_attribute_definition.rb):
 * stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}).
 */
@API(status = INTERNAL)
public enum AttributeModel {
    CONVERSATION_ATTRIBUTE, CONTACT_ATTRIBUTE, COMPANY_ATTRIBUTE
}
