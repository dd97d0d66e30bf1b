package com.bevatel.simulator.webhook;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A wait on the {@link WebhookJournal} ran out of time; the message lists what was recorded, so a
 * failing test shows which deliveries did happen. An {@link AssertionError}, so test frameworks
 * report it as a failed expectation.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class WebhookTimeoutException extends AssertionError {
    private static final long serialVersionUID = 1L;

    /**
     * Internal: the journal throws these.
     *
     * @param message what was waited for, and what the journal holds
     */
    @API(status = INTERNAL)
    public WebhookTimeoutException(String message) {
        super(message);
    }
}
