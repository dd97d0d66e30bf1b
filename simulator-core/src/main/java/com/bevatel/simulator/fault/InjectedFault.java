package com.bevatel.simulator.fault;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One request a fault was injected into, for asserting that a client saw it (and retried).
 *
 * <p>The simulator makes these: read them. Components may be added in a later version (which
 * changes the canonical constructor), so build none yourself.
 *
 * @param id          the log's sequence number (1, 2, …)
 * @param ruleId      the {@link FaultRule} that fired
 * @param method      the request's method
 * @param path        the request's path
 * @param kind        what the rule did
 * @param status      the status answered; null for a delay (the API answered) or a drop
 * @param delayMillis how long the request was held first
 * @param at          the wall-clock time the request arrived
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public record InjectedFault(long id, long ruleId, String method, String path, Fault.Kind kind, Integer status,
                            long delayMillis, Instant at) {
}
