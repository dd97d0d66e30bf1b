package com.bevatel.simulator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.bevatel.simulator.http.ExchangeObserver.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The wiring: the observer and the extension are found without any test naming them, and a test
 * during which a response or a webhook payload broke the contract fails with the route (or event),
 * the schema and the path.
 */
class ContractExtensionTest {
    @Test
    void bothHooksAreRegisteredForServiceLoading() {
        assertThat(ServiceLoader.load(com.bevatel.simulator.http.ExchangeObserver.class).stream()
                .map(ServiceLoader.Provider::type)).containsExactly(ContractObserver.class);
        assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type))
                .contains(ContractExtension.class);
    }

    @Test
    void aTestDuringWhichAResponseBrokeTheContractFails() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sample.class))
                .enableImplicitConfigurationParameters(true) // junit-platform.properties, as a real run reads it
                .execute().testEvents();

        events.assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
        assertThat(events.failed().stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactlyInAnyOrder("breaksTheContract()", "deliversABrokenPayload()");
        assertThat(failure(events, "breaksTheContract()")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("wire-contract violations")
                .hasMessageContaining("during breaksTheContract()")
                .hasMessageContaining("GET /api/v1/profile → 200 (/api/v1/profile): profile.json at /id:");
        assertThat(failure(events, "deliversABrokenPayload()")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("during deliversABrokenPayload()")
                .hasMessageContaining("webhook message_created: delivery-message.json at /id:");
    }

    private static Throwable failure(Events events, String test) {
        return events.failed().stream().filter(event -> event.getTestDescriptor().getDisplayName().equals(test))
                .findFirst().orElseThrow().getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
    }

    /** Run only through the test kit above (a static nested class is not discovered on its own). */
    static final class Sample {
        @Test
        void breaksTheContract() {
            String profile = "{\"id\":\"one\"}";
            new ContractObserver().onExchange(new Exchange("GET", "/api/v1/profile", "/api/v1/profile", 200,
                    profile.getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void deliversABrokenPayload() {
            new ContractObserver().onDelivery("message_created",
                    "{\"id\":\"one\",\"event\":\"message_created\"}".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void keepsIt() {
            new ContractObserver().onExchange(new Exchange("GET", null, "/nope", 404,
                    "{\"status\":404,\"error\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8)));
        }
    }
}
