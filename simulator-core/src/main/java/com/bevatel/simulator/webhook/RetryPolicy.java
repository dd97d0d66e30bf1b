package com.bevatel.simulator.webhook;

import java.util.Set;

/**
 * Whether a failed attempt is tried again, and after how long. An agent bot's delivery follows
 * app/jobs/agent_bots/webhook_job.rb and lib/webhooks/trigger.rb: only when the bot answered 429 or
 * 500, 3 attempts in all, a fixed wait between them; any other failure (another status, a timeout,
 * no connection) is final at once. Account webhooks and API inboxes get one attempt, as in Chatwoot,
 * unless the opt-in retries ({@link WebhookSettings#maxAttempts()}) say otherwise.
 */
final class RetryPolicy {
    /** {@code RETRYABLE_AGENT_BOT_STATUSES} (lib/webhooks/trigger.rb). */
    static final Set<Integer> AGENT_BOT_RETRY_STATUSES = Set.of(429, 500);
    /** {@code retry_on … attempts: 3} (app/jobs/agent_bots/webhook_job.rb). */
    static final int AGENT_BOT_ATTEMPTS = 3;
    /** No retry. */
    static final long NONE = -1;

    private final WebhookSettings settings;

    RetryPolicy(WebhookSettings settings) {
        this.settings = settings;
    }

    /**
     * The wait before the next attempt, after {@code attempt} failed with {@code outcome}.
     *
     * @return milliseconds to wait, or {@link #NONE} when the failure is final
     */
    long pauseMillis(Receiver receiver, int attempt, WebhookSender.Outcome outcome) {
        if (outcome.failure() == null) {
            return NONE;
        }
        if (receiver.kind() == Receiver.Kind.AGENT_BOT) {
            boolean retryable = outcome.status() != null && AGENT_BOT_RETRY_STATUSES.contains(outcome.status());
            return retryable && attempt < AGENT_BOT_ATTEMPTS ? settings.agentBotRetryWait().toMillis() : NONE;
        }
        if (attempt >= settings.maxAttempts()) {
            return NONE;
        }
        return settings.backoff().toMillis() << Math.min(attempt - 1, 20);
    }
}
