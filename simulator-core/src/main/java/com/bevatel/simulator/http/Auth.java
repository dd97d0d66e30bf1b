package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Application API authentication, in Chatwoot's order of checks (API.md §2.1). */
public final class Auth {
    private Auth() {
    }

    /**
     * The token from {@code api_access_token}; Rails reads HTTP_API_ACCESS_TOKEN, so '-' works too.
     * A blank header counts as absent: Chatwoot checks {@code .present?} before trying the token.
     */
    static String token(Request request) {
        String token = request.header("api_access_token");
        if (token == null || token.isBlank()) {
            token = request.header("api-access-token");
        }
        return token == null || token.isBlank() ? null : token;
    }

    /** The token's user, or 401 in Chatwoot's two shapes (missing vs unknown). */
    public static User user(State state, Request request) {
        String token = token(request);
        if (token == null) {
            throw Errors.signInRequired();
        }
        User user = state.userByToken.find(token).flatMap(state.users::find).orElse(null);
        // The index lookup picks the candidate; the constant-time compare keeps timing from telling how close a guess was.
        if (user == null || !constantTimeEquals(user.accessToken(), token)) {
            throw Errors.error(401, "Invalid Access Token");
        }
        return user;
    }

    /** Token → account existence (404) → membership (401). */
    public static Caller caller(State state, Request request) {
        User user = user(state, request);
        long accountId = request.idParam("account_id");
        Account account = state.accounts.find(accountId).orElseThrow(Errors::notFound);
        if (user.accountId() != account.id()) {
            throw Errors.error(401, "You are not authorized to access this account");
        }
        return new Caller(user, account);
    }

    static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
