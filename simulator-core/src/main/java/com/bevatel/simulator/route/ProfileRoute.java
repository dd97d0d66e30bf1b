package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Profiles;
import com.bevatel.simulator.http.Auth;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Availability;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.ProfileView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/profile} (app/controllers/api/v1/profiles_controller.rb): the calling user, and what
 * they change of themself. Every route answers the user partial; bots are refused (not
 * BOT_ACCESSIBLE_ENDPOINTS). Parameters are under {@code profile}, into which Rails wraps a JSON body's
 * keys.
 */
final class ProfileRoute {
    private ProfileRoute() {
    }

    public static void register(Router router) {
        router.get("/api/v1/profile", request -> router.store().read(state -> rendered(state, Auth.user(state, request))));
        router.update("/api/v1/profile", request -> router.store().write(tx -> {
            User user = Auth.user(tx.state(), request);
            Profiles.ProfileFields fields = profileFields(WrappedParams.require(request, "profile", null));
            return rendered(tx.state(), Profiles.update(tx, user, fields));
        }));
        router.post("/api/v1/profile/availability", request -> router.store().write(tx -> {
            User user = Auth.user(tx.state(), request);
            Params p = WrappedParams.require(request, "profile", null);
            ownAccount(p, user);
            Availability availability = RailsCasts.enumValue("availability", p.node("availability"), Availability.class);
            if (availability == null) {
                // update!(availability: nil) breaks the column's NOT NULL: a 500 in Chatwoot.
                throw Errors.paramMissing("availability");
            }
            return rendered(tx.state(), Profiles.availability(tx, user, availability));
        }));
        router.post("/api/v1/profile/auto_offline", request -> router.store().write(tx -> {
            User user = Auth.user(tx.state(), request);
            Params p = WrappedParams.require(request, "profile", null);
            ownAccount(p, user);
            // auto_offline_params[:auto_offline] || false
            Boolean autoOffline = p.bool("auto_offline");
            return rendered(tx.state(), Profiles.autoOffline(tx, user, autoOffline != null && autoOffline));
        }));
        router.post("/api/v1/profile/reset_access_token", request -> router.store().write(tx ->
                rendered(tx.state(), Profiles.resetAccessToken(tx, Auth.user(tx.state(), request)))));
    }

    private static Response rendered(State state, User user) {
        return Response.ok(ProfileView.profile(user, state.accounts.get(user.accountId())));
    }

    /** {@code @user.account_users.find_by!(account_id:)}: 404 unless it is the user's account. */
    private static void ownAccount(Params p, User user) {
        JsonNode id = p.node("account_id");
        Long accountId = id == null || !id.isValueNode() ? null : RailsCasts.integer("account_id", id);
        if (accountId == null || accountId != user.accountId()) {
            throw Errors.notFound();
        }
    }

    /**
     * {@code profile_params} ({@code :email, :name, :display_name, :avatar, :message_signature, :account_id,
     * ui_settings: {}}), {@code :phone_number} and the password parameters. A {@code ui_settings} that is
     * not an object is not permitted, so it is left as it is. The email is not applied: Chatwoot keeps
     * the old address until the new one is confirmed by mail, which the simulator does not send. Neither
     * {@code avatar} (avatars are not kept) nor {@code account_id} is applied.
     */
    private static Profiles.ProfileFields profileFields(Params p) {
        String password = p.string("password");
        if (password != null && !password.isEmpty()) {
            String current = p.string("current_password");
            if (current == null || current.isEmpty()) {
                // valid_password?(blank) is always false.
                throw Errors.error(422, "Invalid current password");
            }
            throw Errors.error(422, "Passwords are not simulated: users authenticate with their api_access_token, "
                    + "so a password cannot be changed");
        }
        JsonNode ui = p.node("ui_settings");
        JsonNode phone = p.node("phone_number");
        if (phone != null && !phone.isValueNode()) {
            phone = null;
        }
        return new Profiles.ProfileFields(text(p, "name"), text(p, "display_name"), text(p, "message_signature"),
                ui instanceof ObjectNode object ? object : null, phone == null ? null : Change.of(phone));
    }

    private static Change<String> text(Params p, String key) {
        return p.has(key) ? Change.of(p.string(key)) : null;
    }
}
