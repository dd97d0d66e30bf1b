package com.bevatel.simulator.contract;

import java.util.List;

/**
 * For tests that load forged state documents on purpose: a value the forger wrote (a pubsub token
 * "bogus", a uuid "") is shown as stored, which the wire contract — what the simulator itself
 * writes — does not describe. Such a test takes those violations here, to judge them itself,
 * instead of having {@link ContractExtension} fail it.
 */
public final class ForgedContent {
    private ForgedContent() {
    }

    /** The violations recorded since the last call (or the start of the test), as text; then forgotten. */
    public static List<String> takeViolations() {
        return ContractViolations.drain().stream().map(Violation::toString).toList();
    }
}
