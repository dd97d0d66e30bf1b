package com.bevatel.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.fault.Fault;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What one test breaks on purpose never reaches the next: the extension's reset before each test
 * returns faults, the fault log and the built-in sinks to the simulator's configured start. Run
 * through JUnit's engine (TestKit) in a fixed order, so the second test really follows the first.
 */
class ResetBetweenTestsTest {
    private static final String PROFILE = "/api/v1/profile";

    @Test
    void faultsAndSinksAreResetBeforeEachTest() {
        LifecycleTest.run(BreaksThenChecks.class).testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    @Test
    void configuredFaultsComeBackWithTheirCountsAnew() {
        LifecycleTest.run(ConfiguredFault.class).testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    @Test
    void aFailureReportShowsTheFaultsAndSinksInForce() {
        assertThat(LifecycleTest.reportsOf(FailsUnderAFault.class).entries().get("bevatel-simulator[default]"))
                .contains("Fault rules (1 active):")
                .contains("#1 answer 429 to GET /api/v1/profile: applied 1, 9 left")
                .contains("Faults injected into 1 requests:")
                .contains("GET /api/v1/profile -> 429 (rule #1)")
                .contains("crm: answers 503 after 20 ms (set by the test), 0 received");
    }

    @BevatelSimulatorTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class BreaksThenChecks {
        @Test
        @Order(1)
        void injectsAFaultAndBreaksASink(BevatelSimulator sim) {
            sim.faults().inject(Fault.respond(429).on("GET", PROFILE).times(10));
            for (int i = 0; i < 4; i++) {
                assertThat(Api.status(sim, PROFILE)).isEqualTo(429);
            }
            sim.sink("crm").respondWith(503).delay(Duration.ofMillis(50));
            assertThat(sim.faults().log()).hasSize(4);
        }

        @Test
        @Order(2)
        void seesNoneOfIt(BevatelSimulator sim) {
            assertThat(Api.status(sim, PROFILE)).isEqualTo(200);
            assertThat(sim.faults().rules()).isEmpty();
            assertThat(sim.faults().log()).isEmpty();
            assertThat(sim.sink("crm").status()).isEqualTo(200);
            assertThat(sim.sink("crm").delay()).isZero();
            assertThat(sim.sink("crm").received()).isZero();
        }
    }

    /** A fault every test of the class meets: configured on the builder, so each test starts with it as new. */
    public static class OneFailingProfile implements SimulatorConfigurer {
        @Override
        public void configure(BevatelSimulator.Builder builder) {
            builder.fault(Fault.respond(503).on("GET", PROFILE).times(1));
        }
    }

    @BevatelSimulatorTest(configurer = OneFailingProfile.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ConfiguredFault {
        @Test
        @Order(1)
        void usesItUp(BevatelSimulator sim) {
            assertThat(Api.status(sim, PROFILE)).isEqualTo(503);
            assertThat(Api.status(sim, PROFILE)).isEqualTo(200);
        }

        @Test
        @Order(2)
        void meetsItAgain(BevatelSimulator sim) {
            assertThat(Api.status(sim, PROFILE)).isEqualTo(503);
            assertThat(Api.status(sim, PROFILE)).isEqualTo(200);
        }
    }

    @BevatelSimulatorTest
    static class FailsUnderAFault {
        @Test
        void failsAfterA429(BevatelSimulator sim) {
            sim.faults().inject(Fault.respond(429).on("GET", PROFILE).times(10));
            sim.sink("crm").respondWith(503).delay(Duration.ofMillis(20));
            assertThat(Api.status(sim, PROFILE)).as("deliberately failing to trigger the diagnostics").isEqualTo(200);
        }
    }
}
