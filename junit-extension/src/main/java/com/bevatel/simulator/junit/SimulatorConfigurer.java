package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;

/**
 * Configures what the extension's options do not cover (webhook timeouts, extra agents …) on the
 * simulator's builder. Used by {@link BevatelSimulatorTest#configurer()} (a class with a public
 * no-argument constructor) and {@link BevatelSimulatorExtension.Builder#configure} (a lambda).
 */
@FunctionalInterface
public interface SimulatorConfigurer {
    void configure(BevatelSimulator.Builder builder);

    /** The default: nothing more to configure. */
    final class None implements SimulatorConfigurer {
        @Override
        public void configure(BevatelSimulator.Builder builder) {
        }
    }
}
