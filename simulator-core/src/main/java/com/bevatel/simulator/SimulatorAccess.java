package com.bevatel.simulator;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.state.Store;
import org.apiguardian.api.API;

/**
 * The narrow way into a simulator's store for the simulator's own modules — the JUnit extension's
 * diagnostics and assertions, the standalone jar's dashboard, the benchmarks — and its tests. Not
 * API: the store is no part of {@link BevatelSimulator}'s public surface, and this may change or go
 * in any release without notice.
 */
@API(status = INTERNAL)
public final class SimulatorAccess {
    private SimulatorAccess() {
    }

    /** The store behind {@code simulator}'s HTTP API: reads, writes and listeners. */
    public static Store store(BevatelSimulator simulator) {
        return simulator.store();
    }
}
