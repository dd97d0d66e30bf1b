package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Message content type (app/models/message.rb). Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
@API(status = STABLE, since = "0.1.0")
public enum ContentType {
    /** Plain text. */
    TEXT,
    /** A text input. */
    INPUT_TEXT,
    /** A multi-line text input. */
    INPUT_TEXTAREA,
    /** An email input. */
    INPUT_EMAIL,
    /** A choice among options. */
    INPUT_SELECT,
    /** Cards. */
    CARDS,
    /** A form. */
    FORM,
    /** Articles. */
    ARTICLE,
    /** An email received. */
    INCOMING_EMAIL,
    /** A satisfaction survey. */
    INPUT_CSAT,
    /** An integration's message. */
    INTEGRATIONS,
    /** A sticker. */
    STICKER,
    /** A voice call. */
    VOICE_CALL
}
