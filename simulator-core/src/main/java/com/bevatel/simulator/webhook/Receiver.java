package com.bevatel.simulator.webhook;

import java.util.Objects;

/**
 * Who a delivery is for: an account webhook (by webhook id) or an API inbox's {@code webhook_url}
 * (by inbox id). Deliveries to one receiver go out one at a time, in event order.
 */
public record Receiver(Kind kind, long id) {
    public enum Kind { ACCOUNT_WEBHOOK, API_INBOX }

    public Receiver {
        Objects.requireNonNull(kind, "kind");
    }

    public static Receiver accountWebhook(long id) {
        return new Receiver(Kind.ACCOUNT_WEBHOOK, id);
    }

    public static Receiver apiInbox(long inboxId) {
        return new Receiver(Kind.API_INBOX, inboxId);
    }

    @Override
    public String toString() {
        return (kind == Kind.ACCOUNT_WEBHOOK ? "account webhook " : "API inbox ") + id;
    }
}
