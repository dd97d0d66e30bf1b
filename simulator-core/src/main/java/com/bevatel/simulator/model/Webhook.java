package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An account webhook (app/models/webhook.rb). {@code subscriptions} is kept exactly as sent (order and
 * duplicates); {@code inboxId} is stored and shown but never restricts delivery; {@code secret}
 * signs deliveries (lib/webhooks/trigger.rb).
 */
@API(status = INTERNAL)
public record Webhook(long id, long accountId, Long inboxId, String name, String url, List<String> subscriptions,
                      String secret, Instant createdAt, Instant updatedAt) {

    public Webhook {
        subscriptions = List.copyOf(subscriptions);
    }

    public boolean subscribes(String event) {
        return subscriptions.contains(event);
    }
}
