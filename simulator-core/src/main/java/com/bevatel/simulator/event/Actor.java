package com.bevatel.simulator.event;

import com.bevatel.simulator.model.SenderType;

/** Who did something: a user, an agent bot or a contact. */
public record Actor(SenderType type, long id) {
}
