package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import org.apiguardian.api.API;

@API(status = INTERNAL)
public record Account(long id, String name, Instant createdAt) {
}
