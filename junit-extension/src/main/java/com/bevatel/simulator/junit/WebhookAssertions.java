package com.bevatel.simulator.junit;

import static org.apiguardian.api.API.Status.STABLE;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.WebhookJournal;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * AssertJ entry points for recorded webhook deliveries and simulator state.
 *
 * <pre>{@code
 * assertThat(journal).toApiInbox().event("message_created").hasSize(1)
 *         .single().hasPayloadAt("/message_type", "incoming").isSignedWith(sim.apiInbox().secret());
 * awaitThat(journal).hasDelivered("message_created");           // retries until delivered or 5 s
 * awaitThat(sim).conversation(1).hasMessageFrom("Echo Bot", "hello"); // retries until the bot answered or 5 s
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class WebhookAssertions {
    /** How long {@code awaitThat} waits: Chatwoot's own webhook timeout. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private WebhookAssertions() {
    }

    /**
     * Assertions on the journal as it is now.
     *
     * @param journal the simulator's {@code webhooks()}
     * @return assertions on every recorded delivery, until narrowed
     */
    public static WebhookJournalAssert assertThat(WebhookJournal journal) {
        return new WebhookJournalAssert(journal, DeliveryFilter.ALL, null);
    }

    /**
     * Like {@link #assertThat(WebhookJournal)}, but each assertion retries until it holds or
     * {@link #DEFAULT_WAIT} passes.
     *
     * @param journal the simulator's {@code webhooks()}
     * @return waiting assertions on every recorded delivery, until narrowed
     */
    public static WebhookJournalAssert awaitThat(WebhookJournal journal) {
        return awaitThat(journal, DEFAULT_WAIT);
    }

    /**
     * Like {@link #assertThat(WebhookJournal)}, but each assertion retries until it holds or
     * {@code timeout} passes.
     *
     * @param journal the simulator's {@code webhooks()}
     * @param timeout how long each assertion may retry
     * @return waiting assertions on every recorded delivery, until narrowed
     */
    public static WebhookJournalAssert awaitThat(WebhookJournal journal, Duration timeout) {
        return new WebhookJournalAssert(journal, DeliveryFilter.ALL, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Assertions on one delivery.
     *
     * @param delivery a delivery from the journal
     * @return assertions on it
     */
    public static DeliveryAssert assertThat(Delivery delivery) {
        return new DeliveryAssert(delivery);
    }

    /**
     * Assertions on what the simulator holds.
     *
     * @param simulator the simulator
     * @return assertions on it
     */
    public static SimulatorAssert assertThat(BevatelSimulator simulator) {
        return new SimulatorAssert(simulator, null);
    }

    /**
     * Like {@link #assertThat(BevatelSimulator)}, but each assertion retries until it holds or
     * {@link #DEFAULT_WAIT} passes: for what happens asynchronously, such as an agent bot's answer
     * through the API.
     *
     * @param simulator the simulator
     * @return waiting assertions on it
     */
    public static SimulatorAssert awaitThat(BevatelSimulator simulator) {
        return awaitThat(simulator, DEFAULT_WAIT);
    }

    /**
     * Like {@link #assertThat(BevatelSimulator)}, but each assertion retries until it holds or
     * {@code timeout} passes.
     *
     * @param simulator the simulator
     * @param timeout how long each assertion may retry
     * @return waiting assertions on it
     */
    public static SimulatorAssert awaitThat(BevatelSimulator simulator, Duration timeout) {
        return new SimulatorAssert(simulator, Objects.requireNonNull(timeout, "timeout"));
    }
}
