package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Contact type, visible only in raw contact records. Stored integer = ordinal, wire name = lower-case constant name (see {@link WireEnum}). */
@API(status = INTERNAL)
public enum ContactType {
    VISITOR, LEAD, CUSTOMER
}
