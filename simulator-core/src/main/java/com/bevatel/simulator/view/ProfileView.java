package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.WireEnum;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The user partial (app/views/api/v1/models/_user.json.jbuilder) that every {@code /api/v1/profile}
 * route answers (app/views/api/v1/profiles/). {@code hmac_identifier} needs an installation HMAC key
 * the simulator has none of: left out.
 */
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
        o.put("confirmed", user.confirmed());
        o.set("display_name", Json.text(user.displayName()));
        o.set("message_signature", Json.text(user.messageSignature()));
        o.put("email", user.email());
        o.put("id", user.id());
        o.set("inviter_id", user.inviterId() == null ? Json.NODES.nullNode() : Json.NODES.numberNode(user.inviterId()));
        o.put("name", user.name());
        o.put("provider", "email");
        o.put("pubsub_token", user.pubsubToken());
        if (!user.customAttributes().isEmpty()) {
            o.set("custom_attributes", user.customAttributes().toObjectNode());
        }
        o.put("role", role);
        o.set("ui_settings", user.uiSettings().toObjectNode());
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
        a.put("availability", WireEnum.name(user.availability()));
        a.put("availability_status", user.availabilityStatus());
        a.put("auto_offline", user.autoOffline());
        a.put("api_and_webhooks", false);
        return o;
    }
}
