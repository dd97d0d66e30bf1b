package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Permissions;
import com.bevatel.simulator.state.State;

/**
 * Applies a route's {@link Access} to an authenticated caller, as Chatwoot's {@code before_action}s
 * do: an agent asking for a conversation outside their inboxes and teams, or an inbox they are not
 * a member of, or for an administrators-only action, gets 401 "You are not authorized to do this
 * action". A record that does not exist is left to the route (404), except on an administrators-only
 * route, where an agent gets the 404 here: Chatwoot finds the record before it authorizes, and so
 * the handler of such a route never runs for an agent (nor for a record created meanwhile).
 */
final class RecordAccess {
    private RecordAccess() {
    }

    static void check(State state, Caller caller, Access access, Request request) {
        // A bot is here only on a route open to bots, which is never for administrators only.
        if (caller.isBot() || caller.administrator()) {
            return;
        }
        boolean recordExists = switch (access.scope()) {
            case ACCOUNT -> true;
            case CONVERSATION -> conversationFound(state, caller, request.idParam(access.scope().idParameter()));
            case INBOX -> inboxFound(state, caller, request.idParam(access.scope().idParameter()));
        };
        if (access.isAdministratorsOnly()) {
            throw recordExists ? Errors.unauthorizedAction() : Errors.notFound();
        }
    }

    /** Whether the account has the conversation; 401 when it does and the agent may not see it. */
    private static boolean conversationFound(State state, Caller caller, long displayId) {
        return state.conversationByDisplayId.find(new State.DisplayKey(caller.accountId(), displayId))
                .map(state.conversations::get)
                .map(c -> {
                    if (!Permissions.canViewConversation(state, caller.user(), c)) {
                        throw Errors.unauthorizedAction();
                    }
                    return true;
                }).orElse(false);
    }

    /** Whether the account has the inbox; 401 when it does and the agent is not a member. */
    private static boolean inboxFound(State state, Caller caller, long inboxId) {
        return state.inboxes.find(inboxId)
                .filter(i -> i.accountId() == caller.accountId())
                .map(i -> {
                    if (!Permissions.canViewInbox(state, caller.user(), i)) {
                        throw Errors.unauthorizedAction();
                    }
                    return true;
                }).orElse(false);
    }
}
