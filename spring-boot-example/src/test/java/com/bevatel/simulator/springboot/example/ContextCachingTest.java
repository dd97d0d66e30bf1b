package com.bevatel.simulator.springboot.example;

import static com.bevatel.simulator.junit.WebhookAssertions.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.junit.BevatelSimulatorExtension;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring caches application contexts across test classes; the simulators must follow. Run through
 * JUnit's engine (TestKit) as a suite runs them, in a fixed order: two classes that extend
 * {@link AgainstBevatel} get one cached context, talking to one live simulator that is fresh for each
 * of their tests; a class with an extension field and a property method of its own gets its own of both.
 * The cases are nested static classes, which Surefire does not run itself.
 */
class ContextCachingTest {
    static final Map<String, Set<ApplicationContext>> CONTEXTS = new ConcurrentHashMap<>();
    static final Map<String, Set<Integer>> SIMULATORS = new ConcurrentHashMap<>();

    @Test
    void classesSharingABaseShareItsContextAndSimulatorAndAClassWithItsOwnFieldGetsItsOwn() {
        CONTEXTS.clear();
        SIMULATORS.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.testclass.order.default", ClassOrderer.OrderAnnotation.class.getName())
                .selectors(selectClass(FirstDesk.class), selectClass(SecondDesk.class), selectClass(OwnDesk.class))
                .execute();
        assertThat(results.allEvents().failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": "
                + e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).map(Throwable::toString)
                .orElse(""))).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(5).failed(0));

        assertThat(CONTEXTS.get("SecondDesk")).as("the context the first class loaded, from Spring's cache")
                .hasSize(1).isEqualTo(CONTEXTS.get("FirstDesk"));
        assertThat(SIMULATORS.get("SecondDesk")).as("the simulator that context talks to, still open")
                .hasSize(1).isEqualTo(SIMULATORS.get("FirstDesk"))
                .containsExactly(AgainstBevatel.bevatel.simulator().port());
        assertThat(CONTEXTS.get("OwnDesk")).hasSize(1).doesNotContainAnyElementsOf(CONTEXTS.get("FirstDesk"));
        assertThat(SIMULATORS.get("OwnDesk")).hasSize(1).doesNotContainAnyElementsOf(SIMULATORS.get("FirstDesk"));
    }

    /**
     * What each case checks: a fresh Bevatel (no deliveries, ids from 1), and a desk that talks to it —
     * it opens a chat and answers the customer's message, which it receives as a webhook.
     */
    static void meetsAFreshBevatelThroughItsDesk(Class<?> testClass, ApplicationContext context, BevatelSimulator sim) {
        CONTEXTS.computeIfAbsent(testClass.getSimpleName(), k -> ConcurrentHashMap.newKeySet()).add(context);
        SIMULATORS.computeIfAbsent(testClass.getSimpleName(), k -> ConcurrentHashMap.newKeySet()).add(sim.port());
        assertThat(sim.webhooks().all()).isEmpty();

        long conversation = context.getBean(SupportDesk.class).openChat("Carol", "+15550003333", "Where is order 5?");

        assertThat(conversation).isEqualTo(1);
        awaitThat(sim).conversation(conversation)
                .hasConversationMessages("Where is order 5?", "We could not find order 5: an agent will look into it.");
        awaitThat(sim.webhooks()).toApiInbox().event("message_created").hasSize(2).allSucceeded();
    }

    /** The tests of the two classes that share {@link AgainstBevatel}'s context. */
    abstract static class SharingDesk extends AgainstBevatel {
        @Autowired
        ApplicationContext context;

        @Test
        void one(BevatelSimulator sim) {
            meetsAFreshBevatelThroughItsDesk(getClass(), context, sim);
        }

        @Test
        void two(BevatelSimulator sim) {
            meetsAFreshBevatelThroughItsDesk(getClass(), context, sim);
        }
    }

    @Order(1)
    static class FirstDesk extends SharingDesk {
    }

    /** One instance for its tests: Spring hands it its context before the extension's {@code beforeAll}. */
    @Order(2)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class SecondDesk extends SharingDesk {
    }

    /** Its own field and property method: another simulator, and so another context (unsigned webhooks, too). */
    @Order(3)
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    static class OwnDesk {
        @RegisterExtension
        static final BevatelSimulatorExtension ownBevatel = BevatelSimulatorExtension.builder().accessToken("own-desk-token").build();

        @DynamicPropertySource
        static void ownBevatelProperties(DynamicPropertyRegistry properties) {
            BevatelSimulator sim = ownBevatel.simulator();
            properties.add("bevatel.base-url", sim::baseUrl);
            properties.add("bevatel.access-token", sim::accessToken);
            properties.add("bevatel.account-id", sim::accountId);
            properties.add("bevatel.inbox-id", () -> sim.apiInbox().id());
        }

        @Autowired
        ApplicationContext context;
        @LocalServerPort
        int port;

        @BeforeEach
        void pointTheApiInboxAtTheDesk(BevatelSimulator sim) {
            AgainstBevatel.pointTheApiInboxAt(sim, URI.create("http://127.0.0.1:" + port + "/bevatel/webhook"));
        }

        @Test
        void talksToItsOwnSimulator(BevatelSimulator sim) {
            assertThat(sim.accessToken()).isEqualTo("own-desk-token");
            meetsAFreshBevatelThroughItsDesk(getClass(), context, sim);
        }
    }
}
