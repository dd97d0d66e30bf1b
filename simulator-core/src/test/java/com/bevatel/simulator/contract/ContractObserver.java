package com.bevatel.simulator.contract;

import com.bevatel.simulator.http.ExchangeObserver;
import java.util.List;

/**
 * Checks every response any simulator in this test JVM answers and every webhook payload it builds
 * (registered for {@link java.util.ServiceLoader} in {@code META-INF/services}); what breaks the
 * contract is recorded for {@link ContractExtension} to fail the running test with.
 */
public final class ContractObserver implements ExchangeObserver {
    @Override
    public void onExchange(Exchange exchange) {
        List<Violation> violations = Contract.get().checkResponse(exchange);
        if (!violations.isEmpty()) {
            ContractViolations.record(violations);
        }
    }

    @Override
    public void onDelivery(String event, byte[] body) {
        List<Violation> violations = Contract.get().checkDelivery(event, body);
        if (!violations.isEmpty()) {
            ContractViolations.record(violations);
        }
    }
}
