package com.bevatel.simulator.fault;

import java.time.Instant;

/**
 * One request a fault was injected into, for asserting that a client saw it (and retried).
 *
 * @param id     the log's sequence number (1, 2, …)
 * @param ruleId the {@link FaultRule} that fired
 * @param status the status answered; null for a delay (the API answered) or a drop
 * @param at     the wall-clock time the request arrived
 */
public record InjectedFault(long id, long ruleId, String method, String path, Fault.Kind kind, Integer status,
                            long delayMillis, Instant at) {
}
