package com.bevatel.simulator.webhook;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Who a delivery is for: an account webhook (by webhook id), an API inbox's {@code webhook_url}
 * (by inbox id) or an agent bot's {@code outgoing_url} (by bot id). Deliveries to one receiver go out
 * one at a time, in event order.
 *
 * @param kind an account webhook, an API inbox or an agent bot
 * @param id   the webhook's id, the inbox's or the bot's
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public record Receiver(Kind kind, long id) {
    /**
     * The kinds of receiver Chatwoot delivers to.
     *
     * @since 0.1.0
     */
    @API(status = STABLE, since = "0.1.0")
    public enum Kind {
        /** A webhook of the account (Settings → Integrations → Webhooks), by webhook id. */
        ACCOUNT_WEBHOOK,
        /** An API inbox's {@code webhook_url}, by inbox id. */
        API_INBOX,
        /** An agent bot's {@code outgoing_url} (app/listeners/agent_bot_listener.rb), by bot id. */
        AGENT_BOT
    }

    /**
     * Checks the kind.
     *
     * @param kind as {@link #kind()}
     * @param id   as {@link #id()}
     * @throws NullPointerException when {@code kind} is null
     */
    public Receiver {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * An account webhook.
     *
     * @param id the webhook's id
     * @return the receiver
     */
    public static Receiver accountWebhook(long id) {
        return new Receiver(Kind.ACCOUNT_WEBHOOK, id);
    }

    /**
     * An API inbox's {@code webhook_url}.
     *
     * @param inboxId the inbox's id
     * @return the receiver
     */
    public static Receiver apiInbox(long inboxId) {
        return new Receiver(Kind.API_INBOX, inboxId);
    }

    /**
     * An agent bot's {@code outgoing_url}.
     *
     * @param botId the bot's id
     * @return the receiver
     */
    public static Receiver agentBot(long botId) {
        return new Receiver(Kind.AGENT_BOT, botId);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ACCOUNT_WEBHOOK -> "account webhook ";
            case API_INBOX -> "API inbox ";
            case AGENT_BOT -> "agent bot ";
        } + id;
    }
}
