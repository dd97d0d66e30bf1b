package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * How the extension starts a simulator: its name, whether it is reset before each test, and what to
 * set on {@link BevatelSimulator#builder()} — the one place the options, their defaults and their
 * checks live. The annotation and the programmatic builder both map onto it.
 */
record SimulatorSettings(String name, boolean resetBeforeEach, Consumer<BevatelSimulator.Builder> options,
                         SimulatorConfigurer configurer) {

    static final String DEFAULT_NAME = "default";

    static SimulatorSettings defaults() {
        return new SimulatorSettings(DEFAULT_NAME, true, builder -> { }, null);
    }

    /** The settings a declarative test class asks for: its own {@link BevatelSimulatorTest}, else an enclosing class's. */
    static SimulatorSettings declaredOn(ExtensionContext context, Class<?> testClass) {
        Optional<BevatelSimulatorTest> annotation = AnnotationSupport.findAnnotation(testClass, BevatelSimulatorTest.class);
        for (Class<?> enclosing : context.getEnclosingTestClasses()) {
            if (annotation.isEmpty()) {
                annotation = AnnotationSupport.findAnnotation(enclosing, BevatelSimulatorTest.class);
            }
        }
        return annotation.map(a -> from(a, testClass)).orElseGet(SimulatorSettings::defaults);
    }

    /** Reads {@link BevatelSimulatorTest}; a malformed or conflicting value fails the class before anything starts. */
    static SimulatorSettings from(BevatelSimulatorTest a, Class<?> testClass) {
        String where = "@BevatelSimulatorTest on " + testClass.getName();
        Instant start = a.startTime().isEmpty() ? null : parse(where, "startTime", a.startTime(), Instant::parse,
                "an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        Duration step = a.clockStep().isEmpty() ? null : parse(where, "clockStep", a.clockStep(), Duration::parse,
                "an ISO-8601 duration such as PT1S");
        URI webhook = a.apiInboxWebhookUrl().isEmpty() ? null : parse(where, "apiInboxWebhookUrl", a.apiInboxWebhookUrl(),
                URI::create, "a URI");
        SimulatorConfigurer configurer = a.configurer() == SimulatorConfigurer.None.class ? null : instantiate(where, a.configurer());
        Consumer<BevatelSimulator.Builder> options = builder -> {
            builder.seed(a.seed());
            if (start != null) {
                builder.startTime(start);
            }
            if (step != null) {
                builder.clockStep(step);
            }
            if (!a.accessToken().isEmpty()) {
                builder.accessToken(a.accessToken());
            }
            if (webhook != null) {
                builder.apiInboxWebhookUrl(webhook);
            }
            if (!a.apiInboxWebhookSink().isEmpty()) {
                builder.apiInboxWebhookSink(a.apiInboxWebhookSink());
            }
        };
        return checked(where, new SimulatorSettings(DEFAULT_NAME, a.resetBeforeEach(), options, configurer));
    }

    /**
     * The settings, after their options went through the builder's checks: a mistake fails here, naming
     * {@code where}. The configurer is left out (it may do more than set options); what it sets is
     * checked when the simulator starts.
     */
    static SimulatorSettings checked(String where, SimulatorSettings settings) {
        try {
            BevatelSimulator.Builder probe = BevatelSimulator.builder();
            settings.options().accept(probe);
            probe.validate();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
        }
        return settings;
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String where, String attribute, String text, Parser<T> parser, String expected) {
        try {
            return parser.parse(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ExtensionConfigurationException(where + ": " + attribute + " \"" + text + "\" is not " + expected, e);
        }
    }

    private static SimulatorConfigurer instantiate(String where, Class<? extends SimulatorConfigurer> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException(where + ": configurer " + type.getName()
                    + " needs a public no-argument constructor", e);
        }
    }

    BevatelSimulator start() {
        BevatelSimulator.Builder builder = BevatelSimulator.builder();
        options.accept(builder);
        if (configurer != null) {
            configurer.configure(builder);
        }
        return builder.start();
    }
}
