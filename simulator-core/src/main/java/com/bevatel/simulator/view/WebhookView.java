package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Webhook;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The account webhook record of {@code /webhooks} (app/views/api/v1/accounts/webhooks/_webhook.json.jbuilder). */
public final class WebhookView {
    private WebhookView() {
    }

    /** {@code id, name, url, account_id, subscriptions, secret}, then {@code inbox} when it names one. */
    public static ObjectNode rest(Webhook webhook, State state) {
        ObjectNode o = Json.object();
        o.put("id", webhook.id());
        o.set("name", Json.text(webhook.name()));
        o.set("url", Json.text(webhook.url()));
        o.put("account_id", webhook.accountId());
        ArrayNode subscriptions = o.putArray("subscriptions");
        webhook.subscriptions().forEach(subscriptions::add);
        o.put("secret", webhook.secret());
        if (webhook.inboxId() != null) {
            // Chatwoot stores any inbox_id (app/models/webhook.rb: belongs_to :inbox, optional: true) and would
            // show another account's inbox here; the simulator keeps accounts apart and shows none.
            state.inboxes.find(webhook.inboxId()).filter(inbox -> inbox.accountId() == webhook.accountId()).ifPresent(inbox -> {
                ObjectNode slim = o.putObject("inbox");
                slim.put("id", inbox.id());
                slim.put("name", inbox.name());
            });
        }
        return o;
    }
}
