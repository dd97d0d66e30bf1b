package com.bevatel.simulator.junit;

import static org.apiguardian.api.API.Status.STABLE;

import com.bevatel.simulator.BevatelSimulator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a Bevatel simulator: started once for the class on a free port,
 * reset before each test to its configured start (nothing one test breaks reaches the next), closed
 * after the class; {@code @Nested} classes share it. Test methods,
 * lifecycle methods and constructors can take {@code BevatelSimulator}, {@code WebhookJournal} or
 * the base {@code URI}. Every attribute has the same meaning as the programmatic
 * {@link BevatelSimulatorExtension#builder()} option of the same name.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BevatelSimulatorExtension.class)
public @interface BevatelSimulatorTest {
    /**
     * Seed of every generated uuid and token.
     *
     * @return the seed; {@link BevatelSimulator#DEFAULT_SEED} by default
     */
    long seed() default BevatelSimulator.DEFAULT_SEED;

    /**
     * The administrator's {@code api_access_token}.
     *
     * @return the token; empty (the default): derived from the seed
     */
    String accessToken() default "";

    /**
     * Start of the simulated clock, ISO-8601.
     *
     * @return the instant; empty (the default): 2026-01-01T00:00:00Z
     */
    String startTime() default "";

    /**
     * How far each write advances the simulated clock, ISO-8601 duration.
     *
     * @return the step; empty (the default): PT1S
     */
    String clockStep() default "";

    /**
     * The API inbox's {@code webhook_url}.
     *
     * @return the URL; empty (the default): none
     */
    String apiInboxWebhookUrl() default "";

    /**
     * Point the API inbox's {@code webhook_url} at the simulator's own sink of this name (a receiver
     * that answers 200), so deliveries really happen without a server of your own.
     *
     * @return the sink's name; empty (the default): don't
     */
    String apiInboxWebhookSink() default "";

    /**
     * Reset before each test: state, journal, fault rules and log, sinks ({@link BevatelSimulator#reset()});
     * turn off to let tests build on each other.
     *
     * @return true by default
     */
    boolean resetBeforeEach() default true;

    /**
     * Further configuration.
     *
     * @return a class with a public no-argument constructor; by default one that configures nothing
     */
    Class<? extends SimulatorConfigurer> configurer() default SimulatorConfigurer.None.class;
}
