package com.bevatel.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * An account webhook (app/models/webhook.rb). {@code subscriptions} is kept exactly as sent (order and
 * duplicates); {@code inboxId} is stored and shown but never restricts delivery; {@code secret}
 * signs deliveries (lib/webhooks/trigger.rb).
 */
public record Webhook(long id, long accountId, Long inboxId, String name, String url, List<String> subscriptions,
                      String secret, Instant createdAt, Instant updatedAt) {

    public Webhook {
        subscriptions = List.copyOf(subscriptions);
    }

    public boolean subscribes(String event) {
        return subscriptions.contains(event);
    }
}
