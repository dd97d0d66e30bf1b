package com.bevatel.simulator.model;

/** Contact type, visible only in raw contact records. Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
public enum ContactType {
    VISITOR, LEAD, CUSTOMER
}
