package com.bevatel.simulator.junit;

import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import com.bevatel.simulator.webhook.WebhookJournal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Assertions on a {@link WebhookJournal}, optionally narrowed ({@code event(…)}, {@code toApiInbox()} …).
 * Every failure lists what the journal recorded. Built by {@link WebhookAssertions}; with a wait
 * ({@code awaitThat}) each check is retried until it holds or the wait is over.
 */
public final class WebhookJournalAssert extends AbstractAssert<WebhookJournalAssert, WebhookJournal> {
    private static final Duration POLL = Duration.ofMillis(5);
    private final DeliveryFilter filter;
    private final Duration wait;

    WebhookJournalAssert(WebhookJournal journal, DeliveryFilter filter, Duration wait) {
        super(journal, WebhookJournalAssert.class);
        this.filter = filter;
        this.wait = wait;
    }

    // ---- narrowing ----

    public WebhookJournalAssert event(String event) {
        return narrow("event " + event, d -> d.event().equals(event));
    }

    public WebhookJournalAssert conversation(long displayId) {
        return narrow("conversation " + displayId, d -> d.conversationId() != null && d.conversationId() == displayId);
    }

    public WebhookJournalAssert receiver(Receiver receiver) {
        return narrow("to " + receiver, d -> d.receiver().equals(receiver));
    }

    /** Deliveries to the API inbox callback ({@code webhook_url} of an API inbox). */
    public WebhookJournalAssert toApiInbox() {
        return narrow("to the API inbox callback", d -> d.receiver().kind() == Receiver.Kind.API_INBOX);
    }

    public WebhookJournalAssert toAccountWebhook(long webhookId) {
        return receiver(Receiver.accountWebhook(webhookId));
    }

    public WebhookJournalAssert matching(String description, Predicate<Delivery> predicate) {
        return narrow(description, predicate);
    }

    private WebhookJournalAssert narrow(String description, Predicate<Delivery> predicate) {
        isNotNull();
        return new WebhookJournalAssert(actual, filter.and(description, predicate), wait);
    }

    // ---- checks ----

    /** At least one successful delivery of {@code event}. */
    public WebhookJournalAssert hasDelivered(String event) {
        return check(() -> {
            if (selected().stream().noneMatch(d -> d.event().equals(event) && d.succeeded())) {
                fail("Expected a successful " + event + " delivery among " + filter.describe());
            }
        });
    }

    /** Exactly {@code times} successful deliveries of {@code event}. */
    public WebhookJournalAssert hasDelivered(String event, int times) {
        return check(() -> {
            long count = selected().stream().filter(d -> d.event().equals(event) && d.succeeded()).count();
            if (count != times) {
                fail("Expected " + times + " successful " + event + " deliveries among " + filter.describe()
                        + " but found " + count);
            }
        });
    }

    public WebhookJournalAssert hasSize(int expected) {
        return check(() -> {
            int size = selected().size();
            if (size != expected) {
                fail("Expected " + expected + " " + filter.describe() + " but found " + size);
            }
        });
    }

    public WebhookJournalAssert hasNoDeliveries() {
        return hasSize(0);
    }

    /** The selected deliveries' events, in recording order, are exactly these. */
    public WebhookJournalAssert hasEvents(String... events) {
        return check(() -> {
            List<String> actualEvents = selected().stream().map(Delivery::event).toList();
            if (!actualEvents.equals(Arrays.asList(events))) {
                fail("Expected the events " + Arrays.asList(events) + " in " + filter.describe() + " but found " + actualEvents);
            }
        });
    }

    public WebhookJournalAssert allSucceeded() {
        return check(() -> {
            if (selected().stream().anyMatch(d -> !d.succeeded())) {
                fail("Expected every one of the " + filter.describe() + " to succeed");
            }
        });
    }

    /** The only selected delivery, for assertions on it. */
    public DeliveryAssert single() {
        check(() -> {
            if (selected().size() != 1) {
                fail("Expected exactly one of the " + filter.describe() + " but found " + selected().size());
            }
        });
        return new DeliveryAssert(selected().get(0));
    }

    public DeliveryAssert first() {
        check(() -> {
            if (selected().isEmpty()) {
                fail("Expected at least one of the " + filter.describe() + " but found none");
            }
        });
        return new DeliveryAssert(selected().get(0));
    }

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
        if (wait == null) {
            assertion.run();
            return this;
        }
        AssertionError[] last = new AssertionError[1];
        try {
            Awaitility.await().atMost(wait).pollDelay(Duration.ZERO).pollInterval(POLL).untilAsserted(() -> {
                try {
                    assertion.run();
                } catch (AssertionError e) {
                    last[0] = e;
                    throw e;
                }
            });
        } catch (ConditionTimeoutException timeout) {
            String reason = last[0] == null ? timeout.getMessage() : last[0].getMessage();
            throw new AssertionError("Still failing after waiting " + wait.toMillis() + " ms: " + reason, timeout);
        }
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
