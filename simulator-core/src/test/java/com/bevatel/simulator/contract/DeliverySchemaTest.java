package com.bevatel.simulator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webhook delivery schemas against hand-written payloads ({@code contract/examples/}, one
 * per event, written from app/listeners/webhook_listener.rb and webhook_data), so the schemas are checked
 * against the reference itself and not only against what the simulator sends (every payload the
 * dispatcher builds goes through {@link Contract#checkDelivery} too, via {@link ContractObserver}).
 */
class DeliverySchemaTest {
    private final Contract contract = Contract.get();

    @Test
    void everyEventHasAnExampleThatMatchesItsSchema() {
        assertThat(contract.deliveryRules()).hasSize(13);
        contract.deliveryRules().keySet().forEach(event -> {
            byte[] example = example(event);
            assertThat(SchemaFiles.WIRE.readTree(example).path("event").asString()).as(event).isEqualTo(event);
            assertThat(contract.checkDelivery(event, example)).as(event).isEmpty();
        });
    }

    @Test
    void theRestShapesOfAMessageAreNotItsWebhookShapes() {
        assertThat(violations("message_created", example -> example.put("message_type", 0))).containsExactly("/message_type");
        assertThat(violations("message_created", example -> example.put("created_at", 1787047300))).containsExactly("/created_at");
        assertThat(violations("message_created", example -> example.put("status", "sent"))).containsExactly("/status");
    }

    @Test
    void aConversationStatusChangeCarriesNoChangedAttributesAndAnUpdateCarriesThem() {
        assertThat(violations("conversation_status_changed", example -> example.putArray("changed_attributes")))
                .containsExactly("/changed_attributes");
        assertThat(violations("conversation_updated", example -> example.putNull("changed_attributes")))
                .containsExactly("/changed_attributes");
        assertThat(violations("conversation_updated", example -> example.remove("changed_attributes")))
                .containsExactly("/changed_attributes");
    }

    @Test
    void theSenderOfAWebhookHasNoTypeWhenItIsAContact() {
        List<String> found = violations("message_created", example -> ((ObjectNode) example.get("sender")).put("type", "contact"));
        assertThat(found).first().isEqualTo("/sender");
        assertThat(found).allMatch(pointer -> pointer.startsWith("/sender") || pointer.isEmpty());
    }

    private List<String> violations(String event, Consumer<ObjectNode> change) {
        ObjectNode changed = (ObjectNode) SchemaFiles.WIRE.readTree(example(event));
        change.accept(changed);
        return contract.checkDelivery(event, SchemaFiles.WIRE.writeValueAsBytes(changed)).stream().map(Violation::pointer)
                .distinct().toList();
    }

    private static byte[] example(String event) {
        try (InputStream in = DeliverySchemaTest.class.getClassLoader().getResourceAsStream("contract/examples/" + event + ".json")) {
            assertThat(in).as("contract/examples/" + event + ".json").isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
