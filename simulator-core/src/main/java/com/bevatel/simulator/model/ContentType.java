package com.bevatel.simulator.model;

/** Message content type (app/models/message.rb). Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
public enum ContentType {
    TEXT, INPUT_TEXT, INPUT_TEXTAREA, INPUT_EMAIL, INPUT_SELECT, CARDS, FORM, ARTICLE, INCOMING_EMAIL, INPUT_CSAT, INTEGRATIONS, STICKER, VOICE_CALL
}
