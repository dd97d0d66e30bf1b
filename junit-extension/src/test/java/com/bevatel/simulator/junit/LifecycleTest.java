package com.bevatel.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.bevatel.simulator.BevatelSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Lifecycle rules run through JUnit's own engine (TestKit), so each case sees the extension exactly
 * as a user's suite does. The cases are nested static classes, which Surefire does not run itself.
 */
class LifecycleTest {
    static final Set<Integer> INSTANCE_FIELD_PORTS = ConcurrentHashMap.newKeySet();

    @Test
    void anInstanceFieldGivesEachTestItsOwnSimulator() {
        INSTANCE_FIELD_PORTS.clear();
        run(InstanceField.class).testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(INSTANCE_FIELD_PORTS).hasSize(2);
    }

    @Test
    void namedSimulatorsAreInjectedByQualifier() {
        run(TwoNamed.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void anUnqualifiedParameterWithTwoSimulatorsFailsFastSayingWhatToDo() {
        run(TwoNamedUnqualified.class).testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("2 simulators are registered (crm, shop)") && m.contains("@Simulator(\"crm\")")))));
    }

    @Test
    void twoSimulatorsWithTheSameNameFailFast() {
        Events events = run(TwoUnnamed.class).allEvents();
        assertThat(events.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(r -> r.getThrowable()).map(Throwable::getMessage).orElse("")))
                .anyMatch(m -> m.contains("Two Bevatel simulators named \"default\"") && m.contains(".name("));
    }

    @Test
    void aMalformedAnnotationValueFailsTheClassWithTheOffendingAttribute() {
        Events events = run(BadStartTime.class).allEvents();
        assertThat(events.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(r -> r.getThrowable()).map(Throwable::getMessage).orElse("")))
                .anyMatch(m -> m.contains("startTime \"yesterday\" is not an ISO-8601 instant"));
    }

    /** Options that disagree fail in one place (the simulator's builder) with one message, whichever way they came. */
    @Test
    void conflictingOptionsFailBeforeAnythingStartsWithTheBuildersMessage() {
        String conflict = "the API inbox gets a webhook URL or a built-in sink, not both";
        Events events = run(UrlAndSink.class).allEvents();
        assertThat(events.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(r -> r.getThrowable()).map(Throwable::getMessage).orElse("")))
                .anyMatch(m -> m.startsWith("@BevatelSimulatorTest on " + UrlAndSink.class.getName() + ": " + conflict));
        assertThatThrownBy(() -> BevatelSimulatorExtension.builder().apiInboxWebhookUrl(java.net.URI.create("http://127.0.0.1:9/h"))
                .apiInboxWebhookSink("hooks").build())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("BevatelSimulatorExtension \"default\": " + conflict);
        assertThatThrownBy(() -> BevatelSimulator.builder().apiInboxWebhookUrl(java.net.URI.create("http://127.0.0.1:9/h"))
                .apiInboxWebhookSink("hooks").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(conflict);
    }

    @Test
    void aFailedTestPublishesTheSimulatorStateAndPrintsIt() {
        Reported reported = reportsOf(Failing.class);
        Map<String, String> entries = reported.entries();
        assertThat(entries).containsKey("bevatel-simulator[default]");
        String report = entries.get("bevatel-simulator[default]");
        assertThat(report).contains("1 contacts, 1 conversations")
                .contains("conversation 1 [open]").contains("incoming [sent] where is my parcel?");
        assertThat(reported.printed())
                .contains("Bevatel simulator \"default\" after the failure of failsAfterAConversation(BevatelSimulator):")
                .contains(report);
    }

    @Test
    void aPassingTestPublishesNothing() {
        assertThat(run(InstanceField.class).allEvents().reportingEntryPublished().count()).isZero();
    }

    /** What the tests of {@code testClass} reported: the report entries by key, and what went to System.err. */
    record Reported(Map<String, String> entries, String printed) {
    }

    /**
     * Runs {@code testClass} and collects its report entries; the failure reports it prints to System.err
     * on purpose are taken (not printed into the build log) and returned for checking.
     */
    static Reported reportsOf(Class<?> testClass) {
        Map<String, String> entries = new ConcurrentHashMap<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            run(testClass).allEvents().reportingEntryPublished().stream()
                    .forEach(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class)
                            .ifPresent(r -> entries.putAll(r.getKeyValuePairs())));
        } finally {
            System.setErr(err);
        }
        return new Reported(entries, printed.toString(StandardCharsets.UTF_8));
    }

    static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    }

    static class InstanceField {
        @RegisterExtension
        final BevatelSimulatorExtension extension = BevatelSimulatorExtension.builder().build();

        @Test
        void one(BevatelSimulator sim) {
            INSTANCE_FIELD_PORTS.add(sim.port());
        }

        @Test
        void two(BevatelSimulator sim) {
            INSTANCE_FIELD_PORTS.add(sim.port());
        }
    }

    static class TwoNamed {
        @RegisterExtension
        static final BevatelSimulatorExtension CRM = BevatelSimulatorExtension.builder().name("crm").accessToken("crm-token").build();
        @RegisterExtension
        static final BevatelSimulatorExtension SHOP = BevatelSimulatorExtension.builder().name("shop").accessToken("shop-token").build();

        @Test
        void bothInjected(@Simulator("crm") BevatelSimulator crm, @Simulator("shop") BevatelSimulator shop) {
            assertThat(crm.accessToken()).isEqualTo("crm-token");
            assertThat(shop.accessToken()).isEqualTo("shop-token");
            assertThat(crm.port()).isNotEqualTo(shop.port());
        }
    }

    static class TwoNamedUnqualified {
        @RegisterExtension
        static final BevatelSimulatorExtension CRM = BevatelSimulatorExtension.builder().name("crm").build();
        @RegisterExtension
        static final BevatelSimulatorExtension SHOP = BevatelSimulatorExtension.builder().name("shop").build();

        @Test
        void ambiguous(BevatelSimulator sim) {
            assertThat(sim).isNotNull();
        }
    }

    static class TwoUnnamed {
        @RegisterExtension
        static final BevatelSimulatorExtension FIRST = BevatelSimulatorExtension.builder().build();
        @RegisterExtension
        static final BevatelSimulatorExtension SECOND = BevatelSimulatorExtension.builder().build();

        @Test
        void never(BevatelSimulator sim) {
            assertThat(sim).isNotNull();
        }
    }

    @BevatelSimulatorTest(apiInboxWebhookUrl = "http://127.0.0.1:9/hooks", apiInboxWebhookSink = "hooks")
    static class UrlAndSink {
        @Test
        void never(BevatelSimulator sim) {
            assertThat(sim).isNotNull();
        }
    }

    @BevatelSimulatorTest(startTime = "yesterday")
    static class BadStartTime {
        @Test
        void never(BevatelSimulator sim) {
            assertThat(sim).isNotNull();
        }
    }

    @BevatelSimulatorTest
    static class Failing {
        @Test
        void failsAfterAConversation(BevatelSimulator sim) {
            long contact = Api.createContact(sim, "alice");
            Api.post(sim, "/conversations", "{\"inbox_id\":1,\"contact_id\":" + contact + "}");
            Api.post(sim, "/conversations/1/messages", "{\"content\":\"where is my parcel?\",\"message_type\":\"incoming\"}");
            assertThat(false).as("deliberately failing to trigger the diagnostics").isTrue();
        }
    }
}
