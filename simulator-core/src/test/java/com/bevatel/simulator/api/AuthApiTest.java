package com.bevatel.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chatwoot's checks (app/controllers/api/base_controller.rb, app/controllers/concerns/ensure_current_account_helper.rb) for every
 * Application API endpoint of issue 2: token, account, membership, role.
 */
class AuthApiTest extends ApiTestSupport {
    private static final String SIGN_IN = "{\"errors\":[\"You need to sign in or sign up before continuing.\"]}";
    private static final String INVALID_TOKEN = "{\"error\":\"Invalid Access Token\"}";
    private static final String NOT_MEMBER = "{\"error\":\"You are not authorized to access this account\"}";
    private static final String NOT_ALLOWED = "{\"error\":\"You are not authorized to do this action\"}";

    /** Method and path (under the account) of every account-scoped endpoint, with a body for writes. */
    static Stream<String[]> endpoints() {
        return Stream.of(
                new String[] {"GET", "/inboxes", null},
                new String[] {"GET", "/inboxes/1", null},
                new String[] {"POST", "/inboxes", "{\"name\":\"X\",\"channel\":{\"type\":\"api\"}}"},
                new String[] {"PATCH", "/inboxes/1", "{\"name\":\"X\"}"},
                new String[] {"PUT", "/inboxes/1", "{\"name\":\"X\"}"},
                new String[] {"POST", "/contacts", "{\"name\":\"X\"}"},
                new String[] {"GET", "/contacts", null},
                new String[] {"GET", "/contacts/search?q=a", null},
                new String[] {"GET", "/contacts/1", null},
                new String[] {"PUT", "/contacts/1", "{\"name\":\"X\"}"},
                new String[] {"PATCH", "/contacts/1", "{\"name\":\"X\"}"},
                new String[] {"DELETE", "/contacts/1", null},
                new String[] {"POST", "/contacts/1/contact_inboxes", "{\"inbox_id\":1}"},
                new String[] {"GET", "/contacts/1/conversations", null},
                new String[] {"POST", "/conversations", "{\"source_id\":\"x\"}"},
                new String[] {"GET", "/conversations", null},
                new String[] {"GET", "/conversations/meta", null},
                new String[] {"GET", "/conversations/1", null},
                new String[] {"POST", "/conversations/1/toggle_status", null},
                new String[] {"GET", "/conversations/1/messages", null},
                new String[] {"POST", "/conversations/1/messages", "{\"content\":\"x\"}"},
                new String[] {"PATCH", "/conversations/1/messages/1", "{\"status\":\"read\"}"},
                new String[] {"PUT", "/conversations/1/messages/1", "{\"status\":\"read\"}"},
                new String[] {"DELETE", "/conversations/1/messages/1", null});
    }

    private static Http.Result send(Http client, String[] endpoint, String accountPath) {
        String contentType = endpoint[2] == null ? null : "application/json";
        return client.send(endpoint[0], accountPath + endpoint[1], endpoint[2], contentType);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void missingTokenIs401WithErrorsArray(String method, String path, String body) {
        assertError(send(http.withToken(null), new String[] {method, path, body}, "/api/v1/accounts/1"), 401, SIGN_IN);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void unknownTokenIs401(String method, String path, String body) {
        assertError(send(http.withToken("nope"), new String[] {method, path, body}, "/api/v1/accounts/1"), 401,
                INVALID_TOKEN);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void unknownAccountIs404(String method, String path, String body) {
        assertError(send(http, new String[] {method, path, body}, "/api/v1/accounts/99"), 404, NOT_FOUND);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void nonNumericAccountIs404(String method, String path, String body) {
        assertError(send(http, new String[] {method, path, body}, "/api/v1/accounts/abc"), 404, NOT_FOUND);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void anotherAccountIs401(String method, String path, String body) {
        SecondAccount other = addSecondAccount();
        assertError(send(http, new String[] {method, path, body}, "/api/v1/accounts/" + other.accountId()), 401,
                NOT_MEMBER);
        // …and the other account's administrator is refused in account 1 the same way.
        assertError(send(http.withToken("other-token"), new String[] {method, path, body}, "/api/v1/accounts/1"),
                401, NOT_MEMBER);
    }

    @Test
    void tokenIsCheckedBeforeTheAccount() {
        assertError(http.withToken(null).get("/api/v1/accounts/99/contacts"), 401, SIGN_IN);
        assertError(http.withToken("nope").get("/api/v1/accounts/abc/contacts"), 401, INVALID_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api_access_token", "Api-Access-Token", "API_ACCESS_TOKEN", "api-access-token"})
    void headerNameIsCaseAndSeparatorInsensitive(String header) throws Exception {
        HttpResponse<String> response = raw(header, TOKEN, "/api/v1/accounts/1/inboxes");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void blankTokenCountsAsNoToken() throws Exception {
        HttpResponse<String> response = raw("api_access_token", " ", "/api/v1/accounts/1/inboxes");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(SIGN_IN);
    }

    @Test
    void bearerAuthorizationIsNotAccepted() throws Exception {
        HttpResponse<String> response = raw("Authorization", "Bearer " + TOKEN, "/api/v1/accounts/1/inboxes");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(SIGN_IN);
    }

    @Test
    void agentsMayNotManageInboxesOrDeleteContacts() {
        addAgent();
        Http agent = http.withToken("agent-token");
        long contact = ok(createContact("{\"name\":\"Alice\"}")).at("/payload/contact/id").asLong();
        assertError(agent.post(account("/inboxes"), "{\"name\":\"X\",\"channel\":{\"type\":\"api\"}}"), 401, NOT_ALLOWED);
        assertError(agent.patch(account("/inboxes/1"), "{\"name\":\"X\"}"), 401, NOT_ALLOWED);
        assertError(agent.delete(account("/contacts/" + contact)), 401, NOT_ALLOWED);
        assertThat(ok(http.get(account("/contacts/" + contact))).at("/payload/name").asText()).isEqualTo("Alice");
        // Agents read inboxes without the administrator-only secrets.
        var inbox = ok(agent.get(account("/inboxes/1")));
        assertThat(inbox.has("hmac_token")).isFalse();
        assertThat(inbox.has("secret")).isFalse();
        assertThat(inbox.get("inbox_identifier").asText()).isEqualTo(sim.apiInbox().identifier());
    }

    @Test
    void profileNeedsAValidTokenButNoAccount() {
        assertError(http.withToken(null).get("/api/v1/profile"), 401, SIGN_IN);
        assertError(http.withToken("nope").get("/api/v1/profile"), 401, INVALID_TOKEN);
        assertThat(ok(http.get("/api/v1/profile")).get("id").asLong()).isEqualTo(1);
    }

    private static HttpResponse<String> raw(String header, String value, String path)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header(header, value).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
