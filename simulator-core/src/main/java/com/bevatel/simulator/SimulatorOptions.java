package com.bevatel.simulator;

import com.bevatel.simulator.domain.SeedWorld;
import com.bevatel.simulator.fault.Fault;
import com.bevatel.simulator.fixture.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a simulator is started with, frozen by {@link BevatelSimulator.Builder#start()}: the
 * simulator keeps this, never the builder, so changing a builder after {@code start()} changes no
 * running simulator. Each option's default and check live in the builder alone; what options must
 * agree on together is checked in {@link BevatelSimulator.Builder#options()}, once, for every way
 * in (Java, the JUnit annotation and extension builder, the jar's flags).
 */
record SimulatorOptions(int port, String host, long seed, Instant startTime, Duration clockStep, String accessToken,
                        URI apiInboxWebhookUrl, String apiInboxWebhookSink, List<HttpExtension> extensions,
                        long maxRequestBodyBytes, Duration readTimeout, Duration webhookTimeout, int webhookAttempts,
                        Duration webhookBackoff, int webhookQueueCapacity, int journalCapacity, boolean inboxEvents,
                        Duration agentBotRetryWait, boolean keepPendingOnBotFailure, SeedWorld world, int messagesPerMinute, long maxAttachmentBytes, Fixtures fixtures,
                        JsonNode initialState, List<Fault> faults) {

    SimulatorOptions {
        extensions = List.copyOf(extensions);
        faults = List.copyOf(faults);
        initialState = initialState == null ? null : initialState.deepCopy();
    }
}
