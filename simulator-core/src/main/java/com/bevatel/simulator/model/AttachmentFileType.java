package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Attachment file type (app/models/attachment.rb). Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
@API(status = INTERNAL)
public enum AttachmentFileType {
    IMAGE, AUDIO, VIDEO, FILE, LOCATION, FALLBACK, SHARE, STORY_MENTION, CONTACT, IG_REEL, IG_POST, IG_STORY, EMBED
}
