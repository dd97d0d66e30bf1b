package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What a simulator is started with; the same for the annotation and the programmatic builder. */
record SimulatorSettings(String name, long seed, String accessToken, Instant startTime, Duration clockStep,
                         URI apiInboxWebhookUrl, String apiInboxWebhookSink, boolean resetBeforeEach, SimulatorConfigurer configurer) {

    static final String DEFAULT_NAME = "default";

    static SimulatorSettings defaults() {
        return new SimulatorSettings(DEFAULT_NAME, BevatelSimulator.DEFAULT_SEED, null,
                BevatelSimulator.DEFAULT_START_TIME, BevatelSimulator.DEFAULT_CLOCK_STEP, null, null, true, null);
    }

    /** Reads {@link BevatelSimulatorTest}; a malformed value fails the class before anything starts. */
    static SimulatorSettings from(BevatelSimulatorTest a, Class<?> testClass) {
        String where = "@BevatelSimulatorTest on " + testClass.getName();
        Instant start;
        Duration step;
        URI webhook;
        try {
            start = Instant.parse(a.startTime());
        } catch (DateTimeParseException e) {
            throw new ExtensionConfigurationException(where + ": startTime \"" + a.startTime()
                    + "\" is not an ISO-8601 instant such as 2026-01-01T00:00:00Z", e);
        }
        try {
            step = Duration.parse(a.clockStep());
        } catch (DateTimeParseException e) {
            throw new ExtensionConfigurationException(where + ": clockStep \"" + a.clockStep()
                    + "\" is not an ISO-8601 duration such as PT1S", e);
        }
        if (!a.apiInboxWebhookUrl().isEmpty() && !a.apiInboxWebhookSink().isEmpty()) {
            throw new ExtensionConfigurationException(where + ": set apiInboxWebhookUrl or apiInboxWebhookSink, not both");
        }
        try {
            webhook = a.apiInboxWebhookUrl().isEmpty() ? null : URI.create(a.apiInboxWebhookUrl());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(where + ": apiInboxWebhookUrl is not a URI: " + e.getMessage(), e);
        }
        SimulatorConfigurer configurer = null;
        if (a.configurer() != SimulatorConfigurer.None.class) {
            try {
                configurer = a.configurer().getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExtensionConfigurationException(where + ": configurer " + a.configurer().getName()
                        + " needs a public no-argument constructor", e);
            }
        }
        return new SimulatorSettings(DEFAULT_NAME, a.seed(), a.accessToken().isEmpty() ? null : a.accessToken(),
                start, step, webhook, a.apiInboxWebhookSink().isEmpty() ? null : a.apiInboxWebhookSink(),
                a.resetBeforeEach(), configurer);
    }

    BevatelSimulator start() {
        BevatelSimulator.Builder builder = BevatelSimulator.builder().seed(seed).startTime(startTime)
                .clockStep(clockStep).accessToken(accessToken).apiInboxWebhookUrl(apiInboxWebhookUrl)
                .apiInboxWebhookSink(apiInboxWebhookSink);
        if (configurer != null) {
            configurer.configure(builder);
        }
        return builder.start();
    }
}
