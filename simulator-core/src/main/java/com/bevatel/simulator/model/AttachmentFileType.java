package com.bevatel.simulator.model;

/** Attachment file type (app/models/attachment.rb). Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
public enum AttachmentFileType {
    IMAGE, AUDIO, VIDEO, FILE, LOCATION, FALLBACK, SHARE, STORY_MENTION, CONTACT, IG_REEL, IG_POST, IG_STORY, EMBED
}
