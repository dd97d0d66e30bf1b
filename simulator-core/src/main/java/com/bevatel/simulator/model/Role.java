package com.bevatel.simulator.model;

/** An account member's role. Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
public enum Role {
    AGENT, ADMINISTRATOR
}
