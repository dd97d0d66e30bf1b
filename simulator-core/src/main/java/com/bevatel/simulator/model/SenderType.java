package com.bevatel.simulator.model;

/** Polymorphic message sender; its wire name is Chatwoot's Rails class name. */
public enum SenderType {
    CONTACT("Contact"), USER("User"), AGENT_BOT("AgentBot");

    private final String wireName;

    SenderType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
