package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The one rule for every URL the simulator will POST webhooks to (account webhooks and an API inbox's
 * {@code webhook_url}): absolute http(s) with a host. Chatwoot checks account webhooks with a looser,
 * unanchored pattern (app/models/webhook.rb) and an API channel's URL only for length
 * (app/models/channel/api.rb), then fails at delivery; refusing {@code file:}, {@code jar:} or
 * {@code javascript:} up front says what is wrong where the mistake is made.
 */
@API(status = INTERNAL)
public final class WebhookUrls {
    private WebhookUrls() {
    }

    public static boolean deliverable(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
