package com.bevatel.simulator.route;

import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.http.Auth;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.view.ProfileView;

/** {@code /api/v1/profile}. */
final class ProfileRoute {
    private ProfileRoute() {
    }

    public static void register(Router router) {
        router.get("/api/v1/profile", request -> router.store().read(state -> {
            User user = Auth.user(state, request);
            return Response.ok(ProfileView.profile(user, state.accounts.get(user.accountId())));
        }));
    }
}
