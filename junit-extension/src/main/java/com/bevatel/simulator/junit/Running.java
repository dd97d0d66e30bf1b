package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A simulator serving a class or a test, in its store; closing the store ends that (see {@code done}). */
final class Running implements AutoCloseable {
    final BevatelSimulatorExtension owner;
    final String name;
    final ExtensionContext context;
    final BevatelSimulator simulator;
    /** Closes the simulator, or gives a static field's own simulator back to it. */
    private final Runnable done;

    Running(BevatelSimulatorExtension owner, String name, ExtensionContext context, BevatelSimulator simulator,
            Runnable done) {
        this.owner = owner;
        this.name = name;
        this.context = context;
        this.simulator = simulator;
        this.done = done;
    }

    @Override
    public void close() {
        done.run();
    }
}
