package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Application API authentication, in Chatwoot's order of checks (app/controllers/api/base_controller.rb, then
 * app/controllers/concerns/ensure_current_account_helper.rb).
 */
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
            if (bot(state, token) != null) {
                throw botsNotAuthorized();
            }
            throw Errors.error(401, "Invalid Access Token");
        }
        return user;
    }

    /**
     * Like {@link #caller(State, Request)}, for an endpoint Chatwoot opens to agent bots when
     * {@code botAllowed}: token → bot restriction → account (404) → the bot must belong to it.
     */
    public static Caller caller(State state, Request request, boolean botAllowed) {
        String token = token(request);
        AgentBot bot = token == null ? null : bot(state, token);
        if (bot == null) {
            return caller(state, request);
        }
        if (!botAllowed) {
            throw botsNotAuthorized();
        }
        long accountId = request.idParam("account_id");
        Account account = state.accounts.find(accountId).orElseThrow(Errors::notFound);
        if (bot.accountId() != account.id()) {
            throw Errors.error(401, "Bot is not authorized to access this account");
        }
        return new Caller(null, bot, account);
    }

    private static AgentBot bot(State state, String token) {
        AgentBot bot = state.agentBotByToken.find(token).flatMap(state.agentBots::find).orElse(null);
        return bot != null && constantTimeEquals(bot.accessToken(), token) ? bot : null;
    }

    private static RuntimeException botsNotAuthorized() {
        return Errors.error(401, "Access to this endpoint is not authorized for bots");
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
