package com.bevatel.simulator.state;

import java.util.ArrayDeque;

/**
 * What a write transaction changed, as actions that put it back. A write that fails (validation,
 * bug) is rolled back by running them in reverse, so a rejected request never half-applies.
 */
final class UndoLog {
    private final ArrayDeque<Runnable> actions = new ArrayDeque<>();
    private boolean recording;
    /** Set once the state is built and handed to the store: from then on rows change only inside a write. */
    private boolean published;

    void publish() {
        published = true;
    }

    /**
     * Refuses a change to a published state outside a write: a read (or a view) that changed a row
     * would do it under the read lock, beside other readers, with no undo and no event.
     */
    void requireWrite() {
        if (published && !recording) {
            throw new IllegalStateException("rows change only inside Store.write: a read tried to change the state");
        }
    }

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
