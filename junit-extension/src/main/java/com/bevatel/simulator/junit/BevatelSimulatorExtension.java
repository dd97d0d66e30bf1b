package com.bevatel.simulator.junit;

import static org.apiguardian.api.API.Status.STABLE;

import com.bevatel.simulator.BevatelSimulator;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The JUnit 5 extension. Declarative: {@link BevatelSimulatorTest} (or plain
 * {@code @ExtendWith(BevatelSimulatorExtension.class)} with defaults). Programmatic:
 * {@code @RegisterExtension static BevatelSimulatorExtension sim = BevatelSimulatorExtension.builder()…build();}
 * — a static field gives the classes that register it one simulator, an instance field one per test.
 *
 * <p>Lifecycle: each test class is served by one simulator, reset before each test, found through
 * the class's {@link ExtensionContext.Store}; {@code @Nested} classes find it in their parent's store
 * and reuse it. Declaratively, each class starts its own, closed with the class.
 *
 * <p>A static field owns its simulator: every class that registers the field — the subclasses of a
 * base class that declares it, say — is served by that one, one class after the other, reset when
 * each class starts. Unless {@link #simulator()} handed it out, it is closed when a class finishes
 * and the next class starts a new one, so memory is freed as before. Once handed out (to a Spring
 * {@code @DynamicPropertySource}, whose context Spring caches and gives to every later class with the
 * same configuration) it stays open, on the same port, until the JVM exits. Classes that register
 * the field and run at the same time get a simulator each, unless it was handed out: then the class
 * that finds it busy fails, saying to run them one at a time.
 *
 * <p>When JUnit runs a class's methods concurrently, each test gets a simulator of its own instead
 * (starting one costs a few milliseconds), so concurrent tests never see each other's data or
 * deliveries.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class BevatelSimulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(BevatelSimulatorExtension.class);
    private static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

    /** Null when registered declaratively: the settings are then read from the test class. */
    private final SimulatorSettings programmatic;
    private final Map<Class<?>, SimulatorSettings> declared = new ConcurrentHashMap<>();
    /** A programmatic extension's own simulator (null when declarative). */
    private final OwnedSimulator owned;
    /** An instance field's simulator for the running test, for {@link #simulator()}. */
    private volatile BevatelSimulator currentTest;

    /** Used by {@code @ExtendWith} and {@link BevatelSimulatorTest}. */
    public BevatelSimulatorExtension() {
        this(null);
    }

    private BevatelSimulatorExtension(SimulatorSettings programmatic) {
        this.programmatic = programmatic;
        this.owned = programmatic == null ? null : new OwnedSimulator(programmatic);
    }

    /**
     * Programmatic configuration, for {@code @RegisterExtension}.
     *
     * @return a builder with every option at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The simulator this extension serves, for code outside a test's parameters: above all a Spring
     * {@code @DynamicPropertySource} method, which Spring calls while it builds the context (before
     * or after this extension's {@code beforeAll}): the simulator starts on first use. On a static
     * field it is the field's (see the class comment: once handed out, it stays open for Spring's
     * cached contexts); in a test of an instance field, that test's. Concurrent test methods each get
     * their own: take it as a parameter there.
     *
     * @return the running simulator
     * @throws IllegalStateException for an extension not made with {@link #builder()}, or while classes
     *         that register this field run at the same time, each on a simulator of its own
     * @since 0.1.0
     */
    public BevatelSimulator simulator() {
        if (owned == null) {
            throw new IllegalStateException("simulator() needs an extension made with BevatelSimulatorExtension.builder();"
                    + " with @BevatelSimulatorTest or @ExtendWith, take the simulator as a parameter");
        }
        BevatelSimulator test = currentTest;
        return test != null ? test : owned.handOut();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classScoped(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SimulatorSettings settings = settings(context);
        for (Parameter parameter : context.getRequiredTestMethod().getParameters()) {
            Registry.requireQualifierIfAmbiguous(parameter, context);
        }
        Running classLevel = context.getStore(NAMESPACE).get(classKey(settings.name()), Running.class);
        if (classLevel != null && classLevel.owner == this && !concurrent(context)) {
            if (settings.resetBeforeEach()) {
                classLevel.simulator.reset();
            }
        } else if (classLevel == null && !concurrent(context)) {
            forInstanceField(context, settings);
        } else {
            // Concurrent methods (or another extension's class): a simulator for this test alone.
            start(context, settings, testKey(settings.name()));
        }
    }

    /**
     * An instance field (no beforeAll for it): a simulator for this test alone, which {@link #simulator()}
     * gives while the test runs — or the one {@link #simulator()} already started, reset.
     */
    private void forInstanceField(ExtensionContext context, SimulatorSettings settings) {
        BevatelSimulator handedOut = owned == null ? null : owned.running();
        if (handedOut != null) {
            handedOut.reset();
            context.getStore(NAMESPACE).put(testKey(settings.name()),
                    new Running(this, settings.name(), context, handedOut, () -> { }));
            return;
        }
        BevatelSimulator own = start(context, settings, testKey(settings.name())).simulator;
        if (owned != null) {
            currentTest = own;
            context.getStore(NAMESPACE).put("current-test:" + settings.name(), (AutoCloseable) () -> currentTest = null);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Throwable failure = context.getExecutionException().orElse(null);
        Running running = find(context, settings(context).name());
        if (failure == null || running == null) {
            return;
        }
        String report = Diagnostics.describe(running.simulator);
        context.publishReportEntry("bevatel-simulator[" + running.name + "]", report);
        System.err.println("Bevatel simulator \"" + running.name + "\" after the failure of "
                + context.getDisplayName() + ":" + System.lineSeparator() + report);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        if (!Injectable.supports(type)) {
            return false;
        }
        String name = settings(context).name();
        Optional<Simulator> qualifier = parameterContext.findAnnotation(Simulator.class);
        if (qualifier.isPresent()) {
            return qualifier.get().value().equals(name);
        }
        Registry.requireQualifierIfAmbiguous(parameterContext.getParameter(), context);
        return true;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        SimulatorSettings settings = settings(context);
        Running running = find(context, settings.name());
        if (running == null) {
            // Constructor of a PER_CLASS instance (before beforeAll), or a method-scoped simulator not made yet.
            running = context.getTestMethod().isPresent() && concurrent(context)
                    ? start(context, settings, testKey(settings.name())) : classScoped(context);
        }
        return Injectable.value(parameterContext.getParameter().getType(), running.simulator);
    }

    private Running classScoped(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        SimulatorSettings settings = settings(classContext);
        Running existing = classContext.getStore(NAMESPACE).get(classKey(settings.name()), Running.class);
        if (existing != null) {
            if (existing.owner != this && existing.owner.programmatic != null && programmatic != null
                    && existing.context == classContext) {
                throw new ExtensionConfigurationException("Two Bevatel simulators named \"" + settings.name()
                        + "\" are registered on " + classContext.getDisplayName()
                        + "; give each its own name with BevatelSimulatorExtension.builder().name(\"…\")");
            }
            return existing; // The enclosing class's simulator, for a @Nested class.
        }
        return owned != null ? ownedFor(classContext, settings) : start(classContext, settings, classKey(settings.name()));
    }

    /** A static field's class: the field's own simulator, or one of the class's own while another class has it. */
    private Running ownedFor(ExtensionContext classContext, SimulatorSettings settings) {
        BevatelSimulator shared = owned.take(classContext.getDisplayName());
        if (shared == null) {
            classContext.getStore(NAMESPACE).put("on-its-own:" + settings.name(), (AutoCloseable) owned::finishedOnItsOwn);
            return start(classContext, settings, classKey(settings.name()));
        }
        Registry.of(classContext).add(settings.name());
        Running running = new Running(this, settings.name(), classContext, shared, owned::giveBack);
        classContext.getStore(NAMESPACE).put(classKey(settings.name()), running);
        return running;
    }

    private Running start(ExtensionContext context, SimulatorSettings settings, String key) {
        Registry.of(context).add(settings.name());
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> {
            BevatelSimulator simulator = settings.start();
            return new Running(this, settings.name(), context, simulator, simulator::close);
        }, Running.class);
    }

    /** The simulator a test sees: its own if it has one, else its class's (stores look up their parents). */
    private static Running find(ExtensionContext context, String name) {
        Running own = context.getStore(NAMESPACE).get(testKey(name), Running.class);
        return own != null ? own : context.getStore(NAMESPACE).get(classKey(name), Running.class);
    }

    private static String classKey(String name) {
        return "class-simulator:" + name;
    }

    private static String testKey(String name) {
        return "test-simulator:" + name;
    }

    private SimulatorSettings settings(ExtensionContext context) {
        if (programmatic != null) {
            return programmatic;
        }
        // Asked several times per test (callbacks, each parameter): read and checked once per class.
        return declared.computeIfAbsent(context.getRequiredTestClass(), testClass -> SimulatorSettings.declaredOn(context, testClass));
    }

    private static boolean concurrent(ExtensionContext context) {
        return context.getExecutionMode() == ExecutionMode.CONCURRENT
                && context.getConfigurationParameter(PARALLEL_ENABLED).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * Programmatic configuration; each option matches the {@link BevatelSimulatorTest} attribute of the
     * same name and is passed on to {@link BevatelSimulator#builder()}, where its default and check live.
     *
     * @since 0.1.0
     */
    @API(status = STABLE, since = "0.1.0")
    public static final class Builder {
        private String name = SimulatorSettings.DEFAULT_NAME;
        private boolean resetBeforeEach = true;
        private Consumer<BevatelSimulator.Builder> options = builder -> { };
        private SimulatorConfigurer configurer;

        private Builder() {
        }

        private Builder option(Consumer<BevatelSimulator.Builder> option) {
            options = options.andThen(option);
            return this;
        }

        /**
         * Needed only when a class registers several simulators; parameters then pick one with {@link Simulator}.
         *
         * @param name the simulator's name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * As {@link BevatelSimulatorTest#seed()}.
         *
         * @param seed drives every generated uuid and token
         * @return this builder
         */
        public Builder seed(long seed) {
            return option(builder -> builder.seed(seed));
        }

        /**
         * As {@link BevatelSimulatorTest#accessToken()}.
         *
         * @param accessToken the administrator's token; null: drawn from the seed
         * @return this builder
         */
        public Builder accessToken(String accessToken) {
            return option(builder -> builder.accessToken(accessToken));
        }

        /**
         * As {@link BevatelSimulatorTest#startTime()}.
         *
         * @param startTime where the simulated clock starts
         * @return this builder
         */
        public Builder startTime(Instant startTime) {
            Objects.requireNonNull(startTime, "startTime");
            return option(builder -> builder.startTime(startTime));
        }

        /**
         * As {@link BevatelSimulatorTest#clockStep()}.
         *
         * @param clockStep how far each write advances the simulated clock
         * @return this builder
         */
        public Builder clockStep(Duration clockStep) {
            Objects.requireNonNull(clockStep, "clockStep");
            return option(builder -> builder.clockStep(clockStep));
        }

        /**
         * As {@link BevatelSimulatorTest#apiInboxWebhookUrl()}.
         *
         * @param url the API inbox's {@code webhook_url}; null: none
         * @return this builder
         */
        public Builder apiInboxWebhookUrl(URI url) {
            return option(builder -> builder.apiInboxWebhookUrl(url));
        }

        /**
         * The API inbox calls back to the simulator's own sink of this name (see {@link BevatelSimulatorTest#apiInboxWebhookSink()}).
         *
         * @param sinkName the sink's name
         * @return this builder
         */
        public Builder apiInboxWebhookSink(String sinkName) {
            return option(builder -> builder.apiInboxWebhookSink(sinkName));
        }

        /**
         * As {@link BevatelSimulatorTest#resetBeforeEach()}.
         *
         * @param reset false: tests build on each other
         * @return this builder
         */
        public Builder resetBeforeEach(boolean reset) {
            this.resetBeforeEach = reset;
            return this;
        }

        /**
         * Anything else the simulator's builder offers.
         *
         * @param configurer sets options on the simulator's builder, e.g. a lambda
         * @return this builder
         */
        public Builder configure(SimulatorConfigurer configurer) {
            this.configurer = configurer;
            return this;
        }

        /**
         * The extension; the options have been through the simulator builder's checks, so a mistake fails
         * here with an {@link ExtensionConfigurationException} saying what (the configurer's options are
         * checked when the simulator starts).
         *
         * @return the extension, for a {@code @RegisterExtension} field
         */
        public BevatelSimulatorExtension build() {
            return new BevatelSimulatorExtension(SimulatorSettings.checked("BevatelSimulatorExtension \"" + name + "\"",
                    new SimulatorSettings(name, resetBeforeEach, options, configurer)));
        }
    }
}
