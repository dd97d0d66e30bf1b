package com.bevatel.simulator.junit;

import static com.bevatel.simulator.junit.WebhookAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.bevatel.simulator.BevatelSimulator;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A static field's simulator: shared by the classes that register the field (here: inherit it),
 * fresh for each of their tests, closed after each class unless {@code simulator()} handed it out
 * (as a Spring {@code @DynamicPropertySource} does), in which case it outlives the run for the
 * contexts Spring caches. Run through JUnit's engine (TestKit), as a user's suite runs.
 */
class StaticFieldLifetimeTest {
    static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();
    static final Map<String, Set<Integer>> PORTS_BY_CLASS = new ConcurrentHashMap<>();

    @Test
    void aFieldNeverHandedOutServesEachClassFreshForEachTestAndClosesAfterIt() {
        PORTS_BY_CLASS.clear();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Shared.First.class), selectClass(Shared.Second.class))
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(4).failed(0));
        assertThat(PORTS_BY_CLASS).containsOnlyKeys("First", "Second")
                .allSatisfy((testClass, ports) -> assertThat(ports).as("one simulator for the class's tests").hasSize(1));
        PORTS_BY_CLASS.values().stream().flatMap(Set::stream).forEach(port ->
                assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("closed with its class")
                        .isInstanceOf(ConnectException.class));
    }

    @Test
    void aHandedOutSimulatorServesEveryClassOfItsFieldAndOutlivesThem() {
        PORTS.clear();
        BevatelSimulator handedOut = HandedOut.bevatel.simulator(); // before any class: Spring's order at times
        assertThat(HandedOut.bevatel.simulator()).isSameAs(handedOut);

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(HandedOut.First.class), selectClass(HandedOut.Second.class))
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(4).failed(0));

        assertThat(PORTS).containsExactly(handedOut.port());
        assertThat(Api.status(handedOut, "/api/v1/profile")).as("still open after the run").isEqualTo(200);
        assertThat(Api.get(handedOut, "/contacts")).as("reset when the last class ended").contains("\"count\":0");
        assertThat(handedOut.webhooks().all()).isEmpty();
    }

    @Test
    void onAnInstanceFieldItIsTheRunningTestsSimulator() {
        LifecycleTest.run(InstanceField.class).testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    @Test
    void anExtensionNotMadeByTheBuilderHasNone() {
        assertThatThrownBy(() -> new BevatelSimulatorExtension().simulator())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BevatelSimulatorExtension.builder()")
                .hasMessageContaining("take the simulator as a parameter");
    }

    @Test
    void classesOfAFieldRunningAtOnceGetASimulatorEachUnlessItWasHandedOutThenTheLatecomerSaysWhy() {
        PORTS.clear();
        EngineExecutionResults results = runAtOnce();
        assertThat(failures(results.allEvents())).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(PORTS).hasSize(2);

        Concurrent.bevatel.simulator();
        results = runAtOnce();
        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(failures(results.allEvents())).singleElement().asString()
                .contains("is serving StaticFieldLifetimeTest$Concurrent$Holder while StaticFieldLifetimeTest$Concurrent$Latecomer"
                        + " starts; one simulator serves one class at a time")
                .contains("@ResourceLock");
    }

    /** Runs the holder and the latecomer at once (parallel execution on), the methods of each in its thread. */
    private static EngineExecutionResults runAtOnce() {
        Concurrent.turns.reset();
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .selectors(selectClass(Concurrent.Holder.class), selectClass(Concurrent.Latecomer.class)).execute();
    }

    private static List<String> failures(Events events) {
        return events.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("")).toList();
    }

    /** What each test checks: a fresh world (ids from 1, an empty journal), which it then changes. */
    static void startsFreshAndLeavesTraces(BevatelSimulator sim) {
        PORTS.add(sim.port());
        assertThat(sim.webhooks().all()).isEmpty();
        long contact = Api.createContact(sim, "alice");
        assertThat(contact).isEqualTo(1);
        Api.post(sim, "/conversations", "{\"inbox_id\":1,\"contact_id\":" + contact + "}");
        awaitThat(sim.webhooks()).hasDelivered("conversation_created");
    }

    static class Shared {
        @RegisterExtension
        static final BevatelSimulatorExtension bevatel = BevatelSimulatorExtension.builder().apiInboxWebhookSink("hooks").build();

        @Test
        void one(BevatelSimulator sim, TestInfo test) {
            servesItsClass(sim, test);
        }

        @Test
        void two(BevatelSimulator sim, TestInfo test) {
            servesItsClass(sim, test);
        }

        private static void servesItsClass(BevatelSimulator sim, TestInfo test) {
            PORTS_BY_CLASS.computeIfAbsent(test.getTestClass().orElseThrow().getSimpleName(), k -> ConcurrentHashMap.newKeySet())
                    .add(sim.port());
            startsFreshAndLeavesTraces(sim);
        }

        static class First extends Shared {
        }

        static class Second extends Shared {
        }
    }

    static class HandedOut {
        @RegisterExtension
        static final BevatelSimulatorExtension bevatel = BevatelSimulatorExtension.builder().apiInboxWebhookSink("hooks").build();

        @Test
        void one(BevatelSimulator sim) {
            assertThat(sim).isSameAs(bevatel.simulator());
            startsFreshAndLeavesTraces(sim);
        }

        @Test
        void two(BevatelSimulator sim) {
            assertThat(sim).isSameAs(bevatel.simulator());
            startsFreshAndLeavesTraces(sim);
        }

        static class First extends HandedOut {
        }

        static class Second extends HandedOut {
        }
    }

    static class InstanceField {
        @RegisterExtension
        final BevatelSimulatorExtension bevatel = BevatelSimulatorExtension.builder().build();

        @Test
        void one(BevatelSimulator sim) {
            assertThat(bevatel.simulator()).isSameAs(sim);
        }

        @Test
        void two(BevatelSimulator sim) {
            assertThat(bevatel.simulator()).isSameAs(sim);
        }
    }

    /**
     * Makes the latecomer start while the holder is served: its {@code beforeAll} waits for the holder's,
     * and the holder's test waits for the latecomer to finish, failed or not. Registered before the
     * simulator's extension, so its {@code beforeAll} comes first.
     */
    static final class Turns implements BeforeAllCallback, AfterAllCallback {
        private volatile CountDownLatch holderServed;
        private volatile CountDownLatch latecomerDone;

        void reset() {
            holderServed = new CountDownLatch(1);
            latecomerDone = new CountDownLatch(1);
        }

        @Override
        public void beforeAll(ExtensionContext context) throws InterruptedException {
            if (context.getRequiredTestClass().getSimpleName().equals("Latecomer")) {
                assertThat(holderServed.await(10, TimeUnit.SECONDS)).isTrue();
            }
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (context.getRequiredTestClass().getSimpleName().equals("Latecomer")) {
                latecomerDone.countDown();
            }
        }

        void holderTest() throws InterruptedException {
            holderServed.countDown();
            assertThat(latecomerDone.await(10, TimeUnit.SECONDS)).as("the latecomer ran meanwhile").isTrue();
        }
    }

    static class Concurrent {
        @RegisterExtension
        @Order(1)
        static final Turns turns = new Turns();
        @RegisterExtension
        @Order(2)
        static final BevatelSimulatorExtension bevatel = BevatelSimulatorExtension.builder().build();

        static class Holder extends Concurrent {
            @Test
            void holds(BevatelSimulator sim) throws InterruptedException {
                PORTS.add(sim.port());
                turns.holderTest();
            }
        }

        static class Latecomer extends Concurrent {
            @Test
            void runsOnItsOwn(BevatelSimulator sim) {
                PORTS.add(sim.port()); // never run once the field's simulator was handed out: its beforeAll fails
                assertThat(Api.createContact(sim, "bob")).isEqualTo(1);
                assertThatThrownBy(bevatel::simulator).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("cannot tell which one is meant");
            }
        }
    }
}
