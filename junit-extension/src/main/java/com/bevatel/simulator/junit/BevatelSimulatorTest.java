package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a Bevatel simulator: started once for the class on a free port,
 * reset before each test to its configured start (nothing one test breaks reaches the next), closed
 * after the class; {@code @Nested} classes share it. Test methods,
 * lifecycle methods and constructors can take {@code BevatelSimulator}, {@code WebhookJournal} or
 * the base {@code URI}. Every attribute has the same meaning as the programmatic
 * {@link BevatelSimulatorExtension#builder()} option of the same name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BevatelSimulatorExtension.class)
public @interface BevatelSimulatorTest {
    /** Seed of every generated uuid and token. */
    long seed() default BevatelSimulator.DEFAULT_SEED;

    /** The administrator's api_access_token; empty = derived from the seed. */
    String accessToken() default "";

    /** Start of the simulated clock, ISO-8601; empty = the builder's default (2026-01-01T00:00:00Z). */
    String startTime() default "";

    /** How far each write advances the simulated clock, ISO-8601 duration; empty = the builder's default (PT1S). */
    String clockStep() default "";

    /** The API inbox's webhook_url; empty = none. */
    String apiInboxWebhookUrl() default "";

    /**
     * Point the API inbox's webhook_url at the simulator's own sink of this name (a receiver that
     * answers 200), so deliveries really happen without a server of your own; empty = don't.
     */
    String apiInboxWebhookSink() default "";

    /**
     * Reset before each test: state, journal, fault rules and log, sinks ({@code BevatelSimulator#reset()});
     * turn off to let tests build on each other.
     */
    boolean resetBeforeEach() default true;

    /** Further configuration: a class with a public no-argument constructor. */
    Class<? extends SimulatorConfigurer> configurer() default SimulatorConfigurer.None.class;
}
