package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.WebhookJournal;
import java.time.Duration;

/**
 * AssertJ entry points for recorded webhook deliveries and simulator state.
 *
 * <pre>{@code
 * assertThat(journal).toApiInbox().event("message_created").hasSize(1)
 *         .single().hasPayloadAt("/message_type", "incoming").isSignedWith(sim.apiInbox().secret());
 * awaitThat(journal).hasDelivered("message_created");           // retries until delivered or 5 s
 * }</pre>
 */
public final class WebhookAssertions {
    /** How long {@link #awaitThat(WebhookJournal)} waits: Chatwoot's own webhook timeout. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private WebhookAssertions() {
    }

    public static WebhookJournalAssert assertThat(WebhookJournal journal) {
        return new WebhookJournalAssert(journal, DeliveryFilter.ALL, null);
    }

    /** Like {@link #assertThat(WebhookJournal)}, but each assertion retries until it holds or 5 s pass. */
    public static WebhookJournalAssert awaitThat(WebhookJournal journal) {
        return awaitThat(journal, DEFAULT_WAIT);
    }

    public static WebhookJournalAssert awaitThat(WebhookJournal journal, Duration timeout) {
        return new WebhookJournalAssert(journal, DeliveryFilter.ALL, timeout);
    }

    public static DeliveryAssert assertThat(Delivery delivery) {
        return new DeliveryAssert(delivery);
    }

    public static SimulatorAssert assertThat(BevatelSimulator simulator) {
        return new SimulatorAssert(simulator);
    }
}
