package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Message create (app/builders/messages/message_builder.rb): template_params, content_attributes.items, Liquid
 * (app/models/concerns/liquidable.rb), sender_type AgentBot, the opt-in flood limit.
 */
class MessageExtrasTest {
    World world;
    long conversation;
    String messages;

    @BeforeEach
    void start() {
        world = new World(World.builder().messagesPerMinuteLimit(3));
        JsonNode contact = world.contact("{\"inbox_id\":1,\"name\":\"alice SMITH\",\"email\":\"alice@x.test\","
                + "\"custom_attributes\":{\"plan\":\"gold\",\"seats\":3}}");
        conversation = world.admin.post(Http.account("/conversations"), "{\"source_id\":\""
                + contact.at("/contact_inboxes/0/source_id").asText() + "\",\"custom_attributes\":{\"ticket\":\"T-9\"}}")
                .json().get("id").asLong();
        messages = Http.account("/conversations/" + conversation + "/messages");
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private JsonNode post(Http http, String json) {
        Http.Result r = http.post(messages, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        world.sim.clock().advance(Duration.ofMinutes(1));
        return r.json();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "Hi {{contact.first_name}}! => Hi Alice!",
            "{{contact.name}} / {{contact.last_name}} / {{contact.email}} => Alice Smith / Smith / alice@x.test",
            "Plan {{ contact.custom_attribute.plan | upcase }} x{{contact.custom_attribute.seats}} => Plan GOLD x3",
            "{{conversation.id}}-{{conversation.display_id}} {{conversation.contact_name}} {{conversation.custom_attribute.ticket}} => 1-1 Alice smith T-9",
            "{{agent.name}} <{{agent.email}}> {{agent.first_name}} => Bevatel Admin <admin@bevatel.test> Bevatel",
            "{{inbox.name}}/{{inbox.business_name}}/{{account.name}}/{{account.id}} => Bevatel API/Bevatel API/Bevatel Simulator/1",
            "Hi {{contact.nickname | default: 'there'}} => Hi there",
            "[{{unknown.thing}}] => []",
            "keep `{{contact.name}}` literal => keep `{{contact.name}}` literal",
            "A  {{- contact.first_name -}}  B => AAliceB",
            "broken {{contact.name => broken {{contact.name",
            "{% if true %}tags{% endif %} {{contact.name}} => {% if true %}tags{% endif %} {{contact.name}}",
    })
    void liquidInOutgoingContent(String template, String expected) {
        JsonNode message = post(world.admin, "{\"content\":" + quote(template) + "}");
        assertThat(message.get("content").asText()).isEqualTo(expected);
    }

    @Test
    void incomingContentIsVerbatimAndNotesAreRendered() {
        assertThat(post(world.admin, "{\"content\":\"{{contact.name}}\",\"message_type\":\"incoming\"}")
                .get("content").asText()).isEqualTo("{{contact.name}}");
        assertThat(post(world.sam, "{\"content\":\"note for {{agent.available_name}}\",\"private\":true}")
                .get("content").asText()).isEqualTo("note for Sam Agent");
    }

    @Test
    void templateParamsAreStoredWithLiquidInProcessedParams() {
        JsonNode message = post(world.admin, "{\"content\":\"Order update\",\"template_params\":{\"name\":\"order_update\","
                + "\"category\":\"UTILITY\",\"language\":\"en\",\"processed_params\":{\"1\":\"{{contact.first_name}}\","
                + "\"nested\":{\"2\":\"#{{conversation.id}}\"}}}}");
        assertThat(message.has("additional_attributes")).isFalse();
        JsonNode stored = world.show(conversation).at("/messages/0/additional_attributes/template_params");
        assertThat(stored.toString()).isEqualTo("{\"name\":\"order_update\",\"category\":\"UTILITY\",\"language\":\"en\","
                + "\"processed_params\":{\"1\":\"Alice\",\"nested\":{\"2\":\"#1\"}}}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"template_params\":{\"category\":\"x\"}}|Validation failed: Name is required",
            "{\"template_params\":{\"name\":7,\"processed_params\":[]}}|Validation failed: Template params/name must be of type string, Template params/processed params must be of type hash",
            "{\"content_type\":\"input_select\"}|Validation failed: Content attributes At least one item is required.",
            "{\"content_type\":\"input_select\",\"content_attributes\":{\"items\":[\"a\"]}}|Validation failed: Content attributes Items should be a hash.",
            "{\"content_type\":\"input_select\",\"content_attributes\":{\"items\":[{\"title\":\"A\",\"value\":\"a\",\"color\":\"red\"}]}}|Validation failed: Content attributes contains invalid keys for items : [:color]",
            "{\"content_type\":\"cards\",\"content_attributes\":{\"items\":[{\"title\":\"A\"}]}}|Validation failed: Content attributes contains items missing actions",
            "{\"content_type\":\"cards\",\"content_attributes\":{\"items\":[{\"title\":\"A\",\"actions\":[{\"text\":\"Go\",\"href\":\"x\"}]}]}}|Validation failed: Content attributes contains invalid keys for actions:  [:href]",
            "{\"content_type\":\"form\",\"content_attributes\":{\"items\":[{\"name\":\"email\",\"kind\":\"x\"}]}}|Validation failed: Content attributes contains invalid keys for items : [:kind]",
            "{\"content_type\":\"article\",\"content_attributes\":{\"items\":[{\"title\":\"T\",\"url\":\"u\"},{\"url\":\"v\"}]}}|Validation failed: Content attributes contains invalid keys for items : [:url, :url]",
    })
    void validationFailures(String body, String error) {
        Http.Result r = world.admin.post(messages, body);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("error").asText()).isEqualTo(error);
        assertThat(world.contents(conversation)).isEmpty();
    }

    @Test
    void validInteractiveMessages() {
        post(world.admin, "{\"content\":\"Pick\",\"content_type\":\"input_select\",\"content_attributes\":{\"items\":[{\"title\":\"A\",\"value\":\"a\"}]}}");
        post(world.admin, "{\"content_type\":\"cards\",\"content_attributes\":\"{\\\"items\\\":[{\\\"title\\\":\\\"A\\\","
                + "\\\"actions\\\":[{\\\"type\\\":\\\"link\\\",\\\"text\\\":\\\"Go\\\",\\\"uri\\\":\\\"https://x\\\"}]}]}\"}");
        post(world.admin, "{\"content_type\":\"form\",\"content_attributes\":{\"items\":[{\"name\":\"email\",\"type\":\"email\",\"label\":\"E\"}]}}");
        post(world.admin, "{\"content_type\":\"article\",\"content_attributes\":{\"items\":[{\"title\":\"T\",\"link\":\"https://x\"}]}}");
        assertThat(world.admin.get(messages).json().get("payload")).extracting(m -> m.get("content_type").asText())
                .containsExactly("input_select", "cards", "form", "article");
    }

    @Test
    void theFloodLimitCountsARollingMinuteOfSimulatedTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(world.admin.post(messages, "{\"content\":\"m" + i + "\"}").status()).isEqualTo(200);
        }
        Http.Result refused = world.admin.post(messages, "{\"content\":\"m3\"}");
        assertThat(refused.body()).isEqualTo("{\"error\":\"Validation failed: Too many messages\"}");
        world.sim.clock().advance(Duration.ofSeconds(61));
        assertThat(world.admin.post(messages, "{\"content\":\"m4\"}").status()).isEqualTo(200);
        assertThat(world.contents(conversation)).containsExactly("m0", "m1", "m2", "m4");
    }

    @Test
    void messagesCanBeSentAsTheAccountsBotAndBotRepliesEndTheWait() {
        world.incoming(conversation, "hello?");
        assertThat(world.show(conversation).get("waiting_since").asLong()).isPositive();
        JsonNode asBot = post(world.admin, "{\"content\":\"I am a bot\",\"sender_type\":\"AgentBot\",\"sender_id\":1}");
        assertThat(asBot.at("/sender/type").asText()).isEqualTo("agent_bot");
        JsonNode shown = world.show(conversation);
        assertThat(shown.get("waiting_since").asLong()).isZero();
        assertThat(shown.get("first_reply_created_at").asLong()).isZero();
        assertThat(post(world.admin, "{\"content\":\"x\",\"sender_type\":\"AgentBot\",\"sender_id\":9}").at("/sender/type").asText())
                .isEqualTo("user");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
