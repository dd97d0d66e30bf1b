package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Installation-level settings the domain rules read (Chatwoot's environment and global config):
 * the per-conversation message limit, the attachment memory bound, and the public base URL that
 * attachment URLs start with (known only once the server has bound its port).
 */
@API(status = INTERNAL)
public final class Settings {
    /** Chatwoot's {@code CONVERSATION_MESSAGE_PER_MINUTE_LIMIT} default, for the opt-in limit. */
    public static final int CHATWOOT_MESSAGES_PER_MINUTE = 200;
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 256L * 1024 * 1024;

    private final int messagesPerMinute;
    private final long maxAttachmentBytes;
    private volatile String baseUrl = "http://localhost";

    /**
     * @param messagesPerMinute  messages a conversation accepts per rolling minute; 0 = unlimited
     * @param maxAttachmentBytes total attachment bytes held in memory
     */
    public Settings(int messagesPerMinute, long maxAttachmentBytes) {
        if (messagesPerMinute < 0 || maxAttachmentBytes <= 0) {
            throw new IllegalArgumentException("invalid settings: " + messagesPerMinute + ", " + maxAttachmentBytes);
        }
        this.messagesPerMinute = messagesPerMinute;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    public static Settings defaults() {
        return new Settings(0, DEFAULT_MAX_ATTACHMENT_BYTES);
    }

    public int messagesPerMinute() {
        return messagesPerMinute;
    }

    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** {@code http://host:port}, no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public void baseUrl(String url) {
        this.baseUrl = url;
    }
}
