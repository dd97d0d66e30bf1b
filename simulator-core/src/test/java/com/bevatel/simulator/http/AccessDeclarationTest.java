package com.bevatel.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undertow.util.Methods;
import org.junit.jupiter.api.Test;

/** A route's {@link Access} is checked against its template when it is registered, not when it is first called. */
class AccessDeclarationTest {
    private static final AccountEndpoint NOTHING = (request, caller) -> Response.okEmpty();
    private static final String ACCOUNT = "/api/v1/accounts/{account_id}";

    /** Registration only stores handlers: no store is needed until a request comes. */
    private final Router router = new Router(null, Long.MAX_VALUE);

    @Test
    void fittingDeclarationsAreRegisteredWithTheirAccess() {
        router.accountPost("/conversations/{conversation_id}/messages", Access.conversation().openToBots(), NOTHING);
        router.accountDelete("/inboxes/{id}", Access.inbox().administratorsOnly(), NOTHING);
        router.accountGet("/conversations/meta", Access.account(), NOTHING);
        router.get("/public/api/v1/inboxes/{inbox_identifier}", request -> Response.okEmpty());

        assertThat(router.routes()).extracting(r -> r.method() + " " + r.template() + ": " + r.access()).containsExactly(
                "POST " + ACCOUNT + "/conversations/{conversation_id}/messages: conversation, open to bots",
                "DELETE " + ACCOUNT + "/inboxes/{id}: inbox, administrators only",
                "GET " + ACCOUNT + "/conversations/meta: account",
                "GET /public/api/v1/inboxes/{inbox_identifier}: null");
        assertThat(router.routes()).extracting(Router.Route::openToBots).containsExactly(true, false, false, false);
    }

    @Test
    void aScopedRouteNeedsItsRecordIdInTheTemplate() {
        assertThatThrownBy(() -> router.accountGet("/contacts/{id}/notes", Access.conversation(), NOTHING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("GET " + ACCOUNT + "/contacts/{id}/notes: declared conversation")
                .hasMessageContaining("{conversation_id}");
        assertThatThrownBy(() -> router.accountPost("/conversations", Access.conversation().openToBots(), NOTHING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("POST " + ACCOUNT + "/conversations:");
        assertThatThrownBy(() -> router.accountGet("/inboxes", Access.inbox(), NOTHING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/inboxes/{id}");
        assertThatThrownBy(() -> router.accountGet("/inboxes/{inbox_id}", Access.inbox(), NOTHING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{id}");
    }

    @Test
    void aRouteNamingARecordMustBeScopedToIt() {
        assertThatThrownBy(() -> router.accountGet("/conversations/{conversation_id}/attachments", Access.account(), NOTHING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("GET " + ACCOUNT + "/conversations/{conversation_id}/attachments:")
                .hasMessageContaining("Access.conversation()");
        assertThatThrownBy(() -> router.accountUpdate("/inboxes/{id}", Access.account().administratorsOnly(), NOTHING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Access.inbox()");
        assertThat(router.routes()).isEmpty();
    }

    @Test
    void contradictoryOrMissingDeclarationsFail() {
        assertThatThrownBy(() -> router.accountPost("/webhooks", Access.account().openToBots().administratorsOnly(), NOTHING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open to bots and for administrators only");
        assertThatThrownBy(() -> router.accountGet("/contacts", null, NOTHING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("GET " + ACCOUNT + "/contacts: no Access");
    }

    @Test
    void accountRoutesCannotBeRegisteredWithoutAnAccess() {
        assertThatThrownBy(() -> router.post(ACCOUNT + "/contacts/{id}/notes", request -> Response.okEmpty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("POST " + ACCOUNT + "/contacts/{id}/notes:");
        assertThatThrownBy(() -> router.raw(Methods.GET, ACCOUNT + "/contacts/{id}/avatar", exchange -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Access");
        assertThat(router.routes()).isEmpty();
    }
}
