package com.bevatel.simulator.state;

import java.util.ArrayDeque;

/**
 * What a write transaction changed, as actions that put it back. A write that fails (validation,
 * bug) is rolled back by running them in reverse, so a rejected request never half-applies.
 */
final class UndoLog {
    private final ArrayDeque<Runnable> actions = new ArrayDeque<>();
    private boolean recording;

    void begin() {
        actions.clear();
        recording = true;
    }

    void record(Runnable undo) {
        if (recording) {
            actions.push(undo);
        }
    }

    void rollback() {
        recording = false;
        while (!actions.isEmpty()) {
            actions.pop().run();
        }
    }

    void commit() {
        recording = false;
        actions.clear();
    }
}
