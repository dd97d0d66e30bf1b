package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The simulator a programmatic extension owns: for a static field, the one every class that registers
 * the field gets (classes that inherit the field from a common base included), one class at a time.
 *
 * <p>Its life follows who may hold its URL. Until {@link #handOut()} it is the extension's alone: it
 * is closed when a class finishes, as a class's simulator always was, and the next class starts a new
 * one. Once handed out (to a Spring context through {@code @DynamicPropertySource}, say) it stays open
 * until the JVM exits, reset when each class starts and ends, because Spring caches that context for
 * the rest of the run and hands it to every later class with the same configuration. Its threads are
 * daemons, so it never holds the JVM up.
 */
final class OwnedSimulator {
    private final SimulatorSettings settings;
    private BevatelSimulator simulator;
    private boolean handedOut;
    /** The class being served; null between classes. */
    private String servedClass;
    /** Classes running beside the served one, each on a simulator of its own (see {@link #take}). */
    private int classesOnTheirOwn;

    OwnedSimulator(SimulatorSettings settings) {
        this.settings = settings;
    }

    /**
     * The simulator for code outside the extension's callbacks; started now if none is running.
     *
     * @throws IllegalStateException when classes registering the field run at once, each on its own
     *         simulator: which one was meant cannot be told
     */
    synchronized BevatelSimulator handOut() {
        if (classesOnTheirOwn > 0) {
            throw new IllegalStateException("BevatelSimulatorExtension \"" + settings.name() + "\": " + servedClass
                    + " and " + classesOnTheirOwn + " other class(es) that register this field run at the same time,"
                    + " each with a simulator of its own, so simulator() cannot tell which one is meant; take the"
                    + " simulator as a parameter, or run these classes one at a time (@ResourceLock, @Isolated)");
        }
        handedOut = true;
        return started();
    }

    /**
     * A class's turn: the owned simulator, reset when it served before, or null when another class is
     * being served and the simulator was never handed out — the class then runs on one of its own (as
     * each class always had), and reports back with {@link #finishedOnItsOwn()}.
     *
     * @throws ExtensionConfigurationException when another class is being served and the simulator was
     *         handed out: a context holding its URL cannot be pointed at a second one
     */
    synchronized BevatelSimulator take(String testClass) {
        if (servedClass != null) {
            if (handedOut) {
                throw new ExtensionConfigurationException("BevatelSimulatorExtension \"" + settings.name()
                        + "\": its simulator, handed out with simulator() (to a Spring context, say), is serving "
                        + servedClass + " while " + testClass + " starts; one simulator serves one class at a time:"
                        + " run the classes that share this field one at a time (@ResourceLock(\"bevatel\") on each,"
                        + " or @Isolated)");
            }
            classesOnTheirOwn++;
            return null;
        }
        if (simulator != null) {
            simulator.reset();
        }
        BevatelSimulator serving = started();
        servedClass = testClass;
        return serving;
    }

    /** The served class has finished: see the class comment for what happens to the simulator. */
    synchronized void giveBack() {
        servedClass = null;
        if (simulator == null) {
            return;
        }
        if (handedOut) {
            simulator.reset(); // frees what the class stored, keeps the port
        } else {
            simulator.close();
            simulator = null;
        }
    }

    synchronized void finishedOnItsOwn() {
        classesOnTheirOwn--;
    }

    /** The running simulator, if any (started through {@link #handOut()} or serving a class). */
    synchronized BevatelSimulator running() {
        return simulator;
    }

    private BevatelSimulator started() {
        if (simulator == null) {
            simulator = settings.start();
        }
        return simulator;
    }
}
