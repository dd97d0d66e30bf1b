package com.bevatel.simulator.webhook;

/**
 * A wait on the {@link WebhookJournal} ran out of time; the message lists what was recorded, so a
 * failing test shows which deliveries did happen.
 */
public final class WebhookTimeoutException extends AssertionError {
    private static final long serialVersionUID = 1L;

    public WebhookTimeoutException(String message) {
        super(message);
    }
}
