package com.bevatel.simulator.model;

import java.time.Instant;

public record Account(long id, String name, Instant createdAt) {
}
