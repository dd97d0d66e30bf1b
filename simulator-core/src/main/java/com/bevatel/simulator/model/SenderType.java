package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Who sent a message; on the wire its Rails class name ({@link #wireName()}).
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public enum SenderType {
    /** The contact (incoming messages). */
    CONTACT("Contact"),
    /** An agent or administrator. */
    USER("User"),
    /** An agent bot. */
    AGENT_BOT("AgentBot");

    private final String wireName;

    SenderType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name payloads show in {@code sender_type}.
     *
     * @return {@code Contact}, {@code User} or {@code AgentBot}
     */
    public String wireName() {
        return wireName;
    }
}
