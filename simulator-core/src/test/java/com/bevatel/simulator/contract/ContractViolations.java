package com.bevatel.simulator.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Violations recorded by {@link ContractObserver} and not yet reported; {@link ContractExtension}
 * takes them after each test and fails it. Simulator-core's tests run one at a time, so what is
 * pending at the end of a test happened during it.
 */
final class ContractViolations {
    private static final List<Violation> PENDING = new ArrayList<>();

    private ContractViolations() {
    }

    static void record(List<Violation> violations) {
        synchronized (PENDING) {
            PENDING.addAll(violations);
        }
    }

    /** Everything pending, which is then forgotten. */
    static List<Violation> drain() {
        synchronized (PENDING) {
            List<Violation> all = List.copyOf(PENDING);
            PENDING.clear();
            return all;
        }
    }
}
