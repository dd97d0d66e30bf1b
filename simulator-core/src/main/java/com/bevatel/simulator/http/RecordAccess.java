package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Permissions;
import com.bevatel.simulator.state.State;

/**
 * The record-level policy checks Chatwoot runs in its {@code before_action}s, applied by route
 * shape so every endpoint under a conversation or an inbox gets them: an agent asking for a
 * conversation outside their inboxes and teams, or an inbox they are not a member of, gets 401
 * "You are not authorized to do this action". A record that does not exist is left to the route (404).
 */
final class RecordAccess {
    private static final String CONVERSATION = "/conversations/{conversation_id}";
    private static final String INBOX = "/inboxes/{id}";

    private RecordAccess() {
    }

    static void check(State state, Caller caller, String subPath, Request request) {
        if (caller.isBot() || caller.administrator()) {
            return;
        }
        if (subPath.equals(CONVERSATION) || subPath.startsWith(CONVERSATION + "/")) {
            long displayId = request.idParam("conversation_id");
            state.conversationByDisplayId.find(new State.DisplayKey(caller.accountId(), displayId))
                    .map(state.conversations::get)
                    .filter(c -> !Permissions.canViewConversation(state, caller.user(), c))
                    .ifPresent(c -> {
                        throw Errors.unauthorizedAction();
                    });
        } else if (subPath.equals(INBOX) || subPath.startsWith(INBOX + "/")) {
            state.inboxes.find(request.idParam("id"))
                    .filter(i -> i.accountId() == caller.accountId())
                    .filter(i -> !Permissions.canViewInbox(state, caller.user(), i))
                    .ifPresent(i -> {
                        throw Errors.unauthorizedAction();
                    });
        }
    }
}
