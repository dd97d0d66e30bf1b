package com.bevatel.simulator.junit;

import static org.apiguardian.api.API.Status.STABLE;

import com.bevatel.simulator.BevatelSimulator;
import org.apiguardian.api.API;

/**
 * Configures what the extension's options do not cover (webhook timeouts, extra agents …) on the
 * simulator's builder. Used by {@link BevatelSimulatorTest#configurer()} (a class with a public
 * no-argument constructor) and {@link BevatelSimulatorExtension.Builder#configure} (a lambda).
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
@FunctionalInterface
public interface SimulatorConfigurer {
    /**
     * Sets more options on the simulator's builder, after the extension's own.
     *
     * @param builder the builder the simulator starts from
     */
    void configure(BevatelSimulator.Builder builder);

    /**
     * The default: nothing more to configure.
     *
     * @since 0.1.0
     */
    @API(status = STABLE, since = "0.1.0")
    final class None implements SimulatorConfigurer {
        /** Configures nothing. */
        @Override
        public void configure(BevatelSimulator.Builder builder) {
        }
    }
}
