package com.bevatel.simulator.junit;

import static org.apiguardian.api.API.Status.STABLE;

import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import com.bevatel.simulator.webhook.WebhookJournal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link WebhookJournal}, optionally narrowed ({@code event(…)}, {@code toApiInbox()} …).
 * Every failure lists what the journal recorded. Built by {@link WebhookAssertions}; with a wait
 * ({@code awaitThat}) each check is retried until it holds or the wait is over.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class WebhookJournalAssert extends AbstractAssert<WebhookJournalAssert, WebhookJournal> {
    private final DeliveryFilter filter;
    private final Duration wait;

    WebhookJournalAssert(WebhookJournal journal, DeliveryFilter filter, Duration wait) {
        super(journal, WebhookJournalAssert.class);
        this.filter = filter;
        this.wait = wait;
    }

    // ---- narrowing ----

    /**
     * Only deliveries of this event.
     *
     * @param event the event name, e.g. {@code message_created}
     * @return this assertion, narrowed
     */
    public WebhookJournalAssert event(String event) {
        return narrow("event " + event, d -> d.event().equals(event));
    }

    /**
     * Only deliveries about this conversation.
     *
     * @param displayId the conversation's display id (the {@code id} payloads show)
     * @return this assertion, narrowed
     */
    public WebhookJournalAssert conversation(long displayId) {
        return narrow("conversation " + displayId, d -> d.conversationId() != null && d.conversationId() == displayId);
    }

    /**
     * Only deliveries to this receiver.
     *
     * @param receiver an account webhook, an API inbox or an agent bot
     * @return this assertion, narrowed
     */
    public WebhookJournalAssert receiver(Receiver receiver) {
        return narrow("to " + receiver, d -> d.receiver().equals(receiver));
    }

    /**
     * Only deliveries to an API inbox callback (its {@code webhook_url}).
     *
     * @return this assertion, narrowed
     */
    public WebhookJournalAssert toApiInbox() {
        return narrow("to the API inbox callback", d -> d.receiver().kind() == Receiver.Kind.API_INBOX);
    }

    /**
     * Only deliveries to an agent bot's {@code outgoing_url} (any bot).
     *
     * @return this assertion, narrowed
     */
    public WebhookJournalAssert toAgentBot() {
        return narrow("to an agent bot", d -> d.receiver().kind() == Receiver.Kind.AGENT_BOT);
    }

    /**
     * Only deliveries to this agent bot's {@code outgoing_url}, e.g. {@code toAgentBot(sim.agentBot("Echo Bot").id())}.
     *
     * @param botId the bot's id
     * @return this assertion, narrowed
     */
    public WebhookJournalAssert toAgentBot(long botId) {
        return receiver(Receiver.agentBot(botId));
    }

    /**
     * Only deliveries to this account webhook.
     *
     * @param webhookId the webhook's id
     * @return this assertion, narrowed
     */
    public WebhookJournalAssert toAccountWebhook(long webhookId) {
        return receiver(Receiver.accountWebhook(webhookId));
    }

    /**
     * Only deliveries that match a condition of your own.
     *
     * @param description names the condition in failure messages
     * @param predicate the condition
     * @return this assertion, narrowed
     */
    public WebhookJournalAssert matching(String description, Predicate<Delivery> predicate) {
        return narrow(description, predicate);
    }

    private WebhookJournalAssert narrow(String description, Predicate<Delivery> predicate) {
        isNotNull();
        return new WebhookJournalAssert(actual, filter.and(description, predicate), wait);
    }

    // ---- checks ----

    /**
     * At least one successful delivery of {@code event} among those selected.
     *
     * @param event the event name
     * @return this assertion
     */
    public WebhookJournalAssert hasDelivered(String event) {
        return check(() -> {
            if (selected().stream().noneMatch(d -> d.event().equals(event) && d.succeeded())) {
                fail("Expected a successful " + event + " delivery among " + filter.describe());
            }
        });
    }

    /**
     * Exactly {@code times} successful deliveries of {@code event} among those selected.
     *
     * @param event the event name
     * @param times how many
     * @return this assertion
     */
    public WebhookJournalAssert hasDelivered(String event, int times) {
        return check(() -> {
            long count = selected().stream().filter(d -> d.event().equals(event) && d.succeeded()).count();
            if (count != times) {
                fail("Expected " + times + " successful " + event + " deliveries among " + filter.describe()
                        + " but found " + count);
            }
        });
    }

    /**
     * Exactly this many deliveries are selected (failed ones included).
     *
     * @param expected how many
     * @return this assertion
     */
    public WebhookJournalAssert hasSize(int expected) {
        return check(() -> {
            int size = selected().size();
            if (size != expected) {
                fail("Expected " + expected + " " + filter.describe() + " but found " + size);
            }
        });
    }

    /**
     * No delivery is selected.
     *
     * @return this assertion
     */
    public WebhookJournalAssert hasNoDeliveries() {
        return hasSize(0);
    }

    /**
     * The selected deliveries' events, in recording order, are exactly these.
     *
     * @param events the event names
     * @return this assertion
     */
    public WebhookJournalAssert hasEvents(String... events) {
        return check(() -> {
            List<String> actualEvents = selected().stream().map(Delivery::event).toList();
            if (!actualEvents.equals(Arrays.asList(events))) {
                fail("Expected the events " + Arrays.asList(events) + " in " + filter.describe() + " but found " + actualEvents);
            }
        });
    }

    /**
     * Every selected delivery succeeded.
     *
     * @return this assertion
     */
    public WebhookJournalAssert allSucceeded() {
        return check(() -> {
            if (selected().stream().anyMatch(d -> !d.succeeded())) {
                fail("Expected every one of the " + filter.describe() + " to succeed");
            }
        });
    }

    /**
     * The only selected delivery, for assertions on it.
     *
     * @return assertions on that delivery
     */
    public DeliveryAssert single() {
        check(() -> {
            if (selected().size() != 1) {
                fail("Expected exactly one of the " + filter.describe() + " but found " + selected().size());
            }
        });
        return new DeliveryAssert(selected().get(0));
    }

    /**
     * The first selected delivery (in recording order), for assertions on it.
     *
     * @return assertions on that delivery
     */
    public DeliveryAssert first() {
        check(() -> {
            if (selected().isEmpty()) {
                fail("Expected at least one of the " + filter.describe() + " but found none");
            }
        });
        return new DeliveryAssert(selected().get(0));
    }

    /**
     * The last selected delivery (in recording order), for assertions on it.
     *
     * @return assertions on that delivery
     */
    public DeliveryAssert last() {
        first();
        List<Delivery> selected = selected();
        return new DeliveryAssert(selected.get(selected.size() - 1));
    }

    private List<Delivery> selected() {
        return actual.matching(filter.predicate());
    }

    private void fail(String what) {
        failWithMessage("%s%n%s", what, recorded(actual));
    }

    private WebhookJournalAssert check(Runnable assertion) {
        isNotNull();
        Retrying.check(wait, assertion);
        return this;
    }

    /** The journal's content, one line a delivery, for failure messages. */
    static String recorded(WebhookJournal journal) {
        List<Delivery> all = journal.all();
        if (all.isEmpty()) {
            return "The journal recorded no deliveries" + (journal.evicted() > 0 ? " (" + journal.evicted() + " evicted)" : "") + ".";
        }
        StringJoiner lines = new StringJoiner(System.lineSeparator(), "The journal recorded " + all.size()
                + (journal.evicted() > 0 ? " (+" + journal.evicted() + " evicted)" : "") + ":" + System.lineSeparator(), "");
        all.forEach(d -> lines.add("  " + DeliveryAssert.line(d)));
        return lines.toString();
    }
}
