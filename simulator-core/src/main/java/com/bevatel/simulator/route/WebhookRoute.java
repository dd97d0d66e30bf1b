package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Webhook;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.view.WebhookView;
import com.bevatel.simulator.webhook.AccountWebhooks;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code /api/v1/accounts/{id}/webhooks} (app/controllers/api/v1/accounts/webhooks_controller.rb), administrators only. */
final class WebhookRoute {
    /**
     * The Webhook model's attributes: Rails wraps these keys of a JSON body under {@code webhook}
     * when the body has no {@code webhook} key of its own. ({@code id} and {@code account_id} are
     * left out: here they also arrive as path parameters, which Rails never wraps.)
     */
    private static final List<String> MODEL_ATTRIBUTES = List.of("name", "subscriptions", "url", "webhook_type",
            "created_at", "updated_at", "inbox_id", "secret");

    private WebhookRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/webhooks", Access.account().administratorsOnly(), (request, caller) -> {
            return router.store().read(state -> {
                ObjectNode body = Json.object();
                ArrayNode list = body.putObject("payload").putArray("webhooks");
                AccountWebhooks.of(state, caller.accountId()).forEach(w -> list.add(WebhookView.rest(w, state)));
                return Response.ok(body);
            });
        });
        router.accountPost("/webhooks", Access.account().administratorsOnly(), (request, caller) -> {
            AccountWebhooks.WebhookFields fields = fields(request);
            return router.store().write(tx -> rendered(
                    AccountWebhooks.create(tx, caller.accountId(), fields), tx.state()));
        });
        router.accountUpdate("/webhooks/{id}", Access.account().administratorsOnly(), (request, caller) -> {
            return router.store().write(tx -> {
                // Chatwoot finds the record (404) before it reads the parameters (422).
                Webhook current = AccountWebhooks.find(tx.state(), caller.accountId(), request.idParam("id"));
                return rendered(AccountWebhooks.update(tx, current, fields(request)), tx.state());
            });
        });
        router.accountDelete("/webhooks/{id}", Access.account().administratorsOnly(), (request, caller) -> {
            return router.store().write(tx -> {
                AccountWebhooks.delete(tx, AccountWebhooks.find(tx.state(), caller.accountId(), request.idParam("id")));
                return Response.okEmpty();
            });
        });
    }

    private static Response rendered(Webhook webhook, State state) {
        ObjectNode body = Json.object();
        body.putObject("payload").set("webhook", WebhookView.rest(webhook, state));
        return Response.ok(body);
    }

    /** {@code params.require(:webhook).permit(:inbox_id, :name, :url, subscriptions: [])}. */
    private static AccountWebhooks.WebhookFields fields(Request request) {
        Params p = WrappedParams.require(request, "webhook", MODEL_ATTRIBUTES);
        return new AccountWebhooks.WebhookFields(
                p.has("url") ? Change.of(p.string("url")) : null,
                p.has("name") ? Change.of(p.string("name")) : null,
                p.has("subscriptions") ? Change.of(p.node("subscriptions")) : null,
                p.has("inbox_id") ? Change.of(p.integer("inbox_id")) : null);
    }
}
