package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.WireEnum;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /api/v1/profile} (app/views/api/v1/profiles/show.json.jbuilder). */
public final class ProfileView {
    private ProfileView() {
    }

    public static ObjectNode profile(User user, Account account) {
        String role = WireEnum.name(user.role());
        ObjectNode o = Json.object();
        o.put("access_token", user.accessToken());
        o.put("account_id", account.id());
        o.put("available_name", user.availableName());
        o.put("avatar_url", "");
        o.put("confirmed", true);
        o.set("display_name", Json.text(user.displayName()));
        o.putNull("message_signature");
        o.put("email", user.email());
        o.put("id", user.id());
        o.putNull("inviter_id");
        o.put("name", user.name());
        o.put("provider", "email");
        o.put("pubsub_token", user.pubsubToken());
        o.put("role", role);
        o.putObject("ui_settings");
        o.put("uid", user.email());
        o.putNull("type");
        ObjectNode a = o.putArray("accounts").addObject();
        a.put("id", account.id());
        a.put("name", account.name());
        a.put("status", "active");
        a.putNull("onboarding_step");
        a.set("active_at", Json.iso(account.createdAt()));
        a.put("role", role);
        a.putArray("permissions").add(role);
        a.put("availability", "online");
        // Derived from live presence (auto_offline): a token-only user is never connected, so offline.
        a.put("availability_status", "offline");
        a.put("auto_offline", true);
        a.put("api_and_webhooks", false);
        return o;
    }
}
