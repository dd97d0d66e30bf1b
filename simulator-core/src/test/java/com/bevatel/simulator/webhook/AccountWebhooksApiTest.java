package com.bevatel.simulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.domain.Users;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/accounts/{id}/webhooks} (app/controllers/api/v1/accounts/webhooks_controller.rb) over HTTP. */
class AccountWebhooksApiTest {
    private static final String WEBHOOKS = Http.account("/webhooks");
    private static final String INVALID_EVENTS =
            "{\"message\":\"Subscriptions Invalid events\",\"attributes\":[\"subscriptions\"]}";

    private BevatelSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        sim = BevatelSimulator.builder().start();
        http = new Http(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void createWithTheDefaultSubscriptionsAndASeededSecret() {
        Http.Result created = http.post(WEBHOOKS, "{\"webhook\":{\"url\":\"https://crm.example/hook\"}}");

        assertThat(created.status()).isEqualTo(200);
        JsonNode webhook = created.json().at("/payload/webhook");
        assertThat(WebhookTestSupport.keys(webhook)).containsExactly("id", "name", "url", "account_id", "subscriptions", "secret");
        assertThat(webhook.get("id").asLong()).isEqualTo(1);
        assertThat(webhook.get("name").isNull()).isTrue();
        assertThat(webhook.get("account_id").asLong()).isEqualTo(1);
        assertThat(webhook.get("subscriptions").toString()).isEqualTo("[\"conversation_status_changed\","
                + "\"conversation_updated\",\"conversation_created\",\"contact_created\",\"contact_updated\","
                + "\"message_created\",\"message_updated\",\"webwidget_triggered\"]");
        assertThat(webhook.get("secret").asText()).matches("[1-9A-HJ-NP-Za-km-z]{24}");
        try (BevatelSimulator again = BevatelSimulator.builder().start()) {
            Http.Result same = new Http(again).post(WEBHOOKS, "{\"url\":\"https://crm.example/hook\"}");
            assertThat(same.json().at("/payload/webhook/secret").asText()).isEqualTo(webhook.get("secret").asText());
        }
    }

    @Test
    void theRootKeyIsOptionalForJsonAndSubscriptionsAreKeptAsSent() {
        Http.Result created = http.post(WEBHOOKS, "{\"url\":\"https://crm.example/a\",\"name\":\"CRM\","
                + "\"subscriptions\":[\"message_updated\",\"message_created\",\"message_created\"],\"inbox_id\":1}");

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode webhook = created.json().at("/payload/webhook");
        assertThat(webhook.get("name").asText()).isEqualTo("CRM");
        assertThat(webhook.get("subscriptions").toString())
                .isEqualTo("[\"message_updated\",\"message_created\",\"message_created\"]");
        assertThat(WebhookTestSupport.keys(webhook)).endsWith("secret", "inbox");
        assertThat(webhook.get("inbox").toString()).isEqualTo("{\"id\":1,\"name\":\"Bevatel API\"}");
    }

    @Test
    void missingRootKeyAndInvalidValuesAreChatwootsValidationErrors() {
        String missing = "{\"error\":\"param is missing or the value is empty: webhook\"}";
        assertThat(http.post(WEBHOOKS, "{}").body()).isEqualTo(missing);
        assertThat(http.post(WEBHOOKS, "{\"webhook\":{}}").body()).isEqualTo(missing);
        Http.Result form = http.send("POST", WEBHOOKS, "url=https%3A%2F%2Fx.example", "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.body()).isEqualTo(missing);

        for (String subscriptions : new String[] {"[]", "[\"foo\"]", "\"message_created\"", "[\"message_created\",7]"}) {
            Http.Result invalid = http.post(WEBHOOKS, "{\"url\":\"https://x.example\",\"subscriptions\":" + subscriptions + "}");
            assertThat(invalid.status()).as(subscriptions).isEqualTo(422);
            assertThat(invalid.body()).as(subscriptions).isEqualTo(INVALID_EVENTS);
        }
        assertThat(http.post(WEBHOOKS, "{\"url\":\"ftp://x.example\"}").body())
                .isEqualTo("{\"message\":\"Url is invalid\",\"attributes\":[\"url\"]}");
        assertThat(http.post(WEBHOOKS, "{\"name\":\"no url\"}").body())
                .isEqualTo("{\"message\":\"Url is invalid\",\"attributes\":[\"url\"]}");
        assertThat(http.post(WEBHOOKS, "{\"url\":\"https://x.example\"}").status()).isEqualTo(200);
        assertThat(http.post(WEBHOOKS, "{\"url\":\"https://x.example\",\"subscriptions\":[\"nope\"]}").body())
                .isEqualTo("{\"message\":\"Url has already been taken, Subscriptions Invalid events\","
                        + "\"attributes\":[\"url\",\"subscriptions\"]}");
        assertThat(http.get(WEBHOOKS).json().at("/payload/webhooks")).as("rejected creates leave nothing").hasSize(1)
                .allSatisfy(w -> assertThat(w.get("id").asLong()).isEqualTo(1));
    }

    @Test
    void listUpdateAndDelete() {
        String secret = http.post(WEBHOOKS, "{\"url\":\"https://one.example\"}").json().at("/payload/webhook/secret").asText();
        http.post(WEBHOOKS, "{\"url\":\"https://two.example\",\"subscriptions\":[\"contact_created\"]}");

        JsonNode list = http.get(WEBHOOKS).json();
        assertThat(WebhookTestSupport.keys(list)).containsExactly("payload");
        assertThat(list.at("/payload/webhooks")).extracting(w -> w.get("url").asText())
                .containsExactly("https://one.example", "https://two.example");

        Http.Result updated = http.patch(WEBHOOKS + "/1", "{\"webhook\":{\"subscriptions\":[\"message_created\"],\"name\":\"Renamed\"}}");
        assertThat(updated.status()).isEqualTo(200);
        JsonNode webhook = updated.json().at("/payload/webhook");
        assertThat(webhook.get("url").asText()).isEqualTo("https://one.example");
        assertThat(webhook.get("name").asText()).isEqualTo("Renamed");
        assertThat(webhook.get("subscriptions").toString()).isEqualTo("[\"message_created\"]");
        assertThat(webhook.get("secret").asText()).as("the secret cannot be rotated").isEqualTo(secret);
        assertThat(http.put(WEBHOOKS + "/1", "{\"url\":\"https://two.example\"}").body())
                .isEqualTo("{\"message\":\"Url has already been taken\",\"attributes\":[\"url\"]}");
        assertThat(http.patch(WEBHOOKS + "/99", "{\"subscriptions\":[]}").body())
                .as("the record is looked up before the parameters").isEqualTo("{\"error\":\"Resource could not be found\"}");

        Http.Result deleted = http.delete(WEBHOOKS + "/1");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(http.delete(WEBHOOKS + "/1").status()).isEqualTo(404);
        assertThat(http.get(WEBHOOKS).json().at("/payload/webhooks")).hasSize(1);
    }

    @Test
    void agentsMayNotManageWebhooks() {
        SimulatorAccess.store(sim).write(tx -> Users.add(tx, new User(tx.nextId(Sequence.USER), 1, "Agent", null, "agent@x.test",
                Role.AGENT, "agent-token", tx.token(), tx.now())));
        Http agent = http.withToken("agent-token");
        String denied = "{\"error\":\"You are not authorized to do this action\"}";

        assertThat(agent.get(WEBHOOKS).body()).isEqualTo(denied);
        assertThat(agent.post(WEBHOOKS, "{\"url\":\"https://x.example\"}").status()).isEqualTo(401);
        assertThat(agent.delete(WEBHOOKS + "/1").body()).isEqualTo(denied);
        assertThat(http.withToken(null).get(WEBHOOKS).status()).isEqualTo(401);
    }

    /** Chatwoot stores any inbox_id; the simulator never shows another account's inbox through it. */
    @Test
    void anotherAccountsInboxIsNeverShown() {
        com.bevatel.simulator.fixture.Fixtures other = new com.bevatel.simulator.fixture.Fixtures(
                java.util.List.of(new com.bevatel.simulator.fixture.Fixtures.AccountEntry(5L, "Other")), null,
                java.util.List.of(new com.bevatel.simulator.fixture.Fixtures.InboxEntry(8L, 5L, "Their secret inbox",
                        null, null, null, null, null)), null, null, null, null, null, null, null);
        try (BevatelSimulator twoAccounts = BevatelSimulator.builder().fixtures(other).start()) {
            Http api = new Http(twoAccounts);
            Http.Result created = api.post(WEBHOOKS, "{\"url\":\"https://crm.example/x\",\"inbox_id\":8}");
            assertThat(created.status()).isEqualTo(200);
            assertThat(created.body()).doesNotContain("Their secret inbox");
            assertThat(api.get(WEBHOOKS).body()).doesNotContain("Their secret inbox");
            Http.Result own = api.post(WEBHOOKS, "{\"url\":\"https://crm.example/y\",\"inbox_id\":1}");
            assertThat(own.json().at("/payload/webhook/inbox/name").asText()).isEqualTo("Bevatel API");
        }
    }
}
