package com.bevatel.simulator.standalone.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What stops the jar cleanly, with exit code 0: SIGTERM and SIGINT (Ctrl-C), and with
 * {@code --exit-on-stdin-close} the end of standard input. The JVM's own handling of the two signals
 * runs the shutdown hooks and exits with 128 + the signal's number (143, 130), which a test runner
 * would read as a failure; handled here they count as the asked-for stop they are.
 */
public final class StopSignals {
    private static final Logger LOG = Logger.getLogger(StopSignals.class.getName());

    private StopSignals() {
    }

    /**
     * Runs {@code stop} on SIGTERM and SIGINT instead of the JVM's exit. Where the JVM does not let a
     * signal be handled ({@code -Xrs}, a platform without it), the shutdown hooks still stop it.
     */
    public static void onTerminate(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LOG.log(Level.FINE, "SIG" + name + " not handled; the JVM's shutdown runs instead", e);
            }
        }
    }

    /**
     * Runs {@code stop} once {@code in} reaches its end (or fails): a runner that spawned the jar with a
     * pipe on its standard input, and died, leaves no simulator behind. Whatever is written to it is
     * read and ignored. The watching thread is a daemon: it never keeps the JVM alive.
     */
    public static void onEndOf(InputStream in, Runnable stop) {
        Thread watcher = new Thread(() -> {
            byte[] ignored = new byte[512];
            try {
                while (in.read(ignored) >= 0) {
                    // Not a command channel: only its end matters.
                }
            } catch (IOException closed) {
                // The same: nobody holds the other end any more.
            }
            stop.run();
        }, "bevatel-simulator-stdin");
        watcher.setDaemon(true);
        watcher.start();
    }
}
