package com.bevatel.simulator.junit;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How {@code awaitThat} checks: run once without a wait, else retry until the check holds or the wait
 * is over, then fail with the check's last failure (which says what the simulator holds).
 */
final class Retrying {
    private static final Duration POLL = Duration.ofMillis(5);

    private Retrying() {
    }

    /**
     * Runs {@code check}, retrying for up to {@code wait}.
     *
     * @param wait null: once, no retry
     * @param check throws an {@link AssertionError} while it does not hold
     */
    static void check(Duration wait, Runnable check) {
        if (wait == null) {
            check.run();
            return;
        }
        AssertionError[] last = new AssertionError[1];
        try {
            Awaitility.await().atMost(wait).pollDelay(Duration.ZERO).pollInterval(POLL).untilAsserted(() -> {
                try {
                    check.run();
                } catch (AssertionError e) {
                    last[0] = e;
                    throw e;
                }
            });
        } catch (ConditionTimeoutException timeout) {
            String reason = last[0] == null ? timeout.getMessage() : last[0].getMessage();
            throw new AssertionError("Still failing after waiting " + wait.toMillis() + " ms: " + reason, timeout);
        }
    }
}
