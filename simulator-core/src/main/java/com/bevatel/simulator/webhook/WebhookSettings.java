package com.bevatel.simulator.webhook;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How deliveries are made. The defaults are Chatwoot's: one attempt, a 5 s connect and read
 * timeout; inbox events off (Chatwoot's {@code ENABLE_INBOX_EVENTS} is unset by default); an agent
 * bot's delivery tried again 3 s after a 429 or 500, up to 3 attempts (app/jobs/agent_bots/webhook_job.rb).
 *
 * @param timeout                  connect timeout, and how long to wait for the response
 * @param maxAttempts              attempts per delivery to account webhooks and API inboxes (1 = no retries)
 * @param backoff                  pause before such a retry (doubled after each further failure)
 * @param queueCapacity            deliveries waiting to be sent, across all receivers; beyond it they are dropped and recorded as failed
 * @param inboxEvents              deliver {@code inbox_created}/{@code inbox_updated} to subscribed account webhooks
 * @param seed                     the simulator seed, from which delivery uuids are derived
 * @param agentBotRetryWait        pause before an agent bot's delivery is tried again
 * @param keepPendingOnBotFailure  Chatwoot's account setting {@code keep_pending_on_bot_failure}: a bot's failed
 *                                 message delivery leaves its pending conversation pending
 */
@API(status = INTERNAL)
public record WebhookSettings(Duration timeout, int maxAttempts, Duration backoff, int queueCapacity,
                              boolean inboxEvents, long seed, Duration agentBotRetryWait,
                              boolean keepPendingOnBotFailure) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    /** {@code retry_on … wait: 3.seconds} (app/jobs/agent_bots/webhook_job.rb). */
    public static final Duration DEFAULT_AGENT_BOT_RETRY_WAIT = Duration.ofSeconds(3);

    public WebhookSettings {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("webhook timeout must be positive: " + timeout);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("webhook attempts must be at least 1: " + maxAttempts);
        }
        if (backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("webhook backoff must be zero or positive: " + backoff);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("webhook queue capacity must be positive: " + queueCapacity);
        }
        if (agentBotRetryWait == null || agentBotRetryWait.isNegative()) {
            throw new IllegalArgumentException("agent bot retry wait must be zero or positive: " + agentBotRetryWait);
        }
    }
}
