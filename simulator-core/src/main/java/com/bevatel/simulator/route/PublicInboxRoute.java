package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.PublicScope;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.PublicViews;

/**
 * {@code /public/api/v1/inboxes/{inbox_identifier}} (app/controllers/public/api/v1/inboxes_controller.rb): the Client API's root. No
 * token: the inbox identifier and the contact's {@code source_id} in the path are the credentials.
 * Also the path templates and lookups the other public routes share.
 */
final class PublicInboxRoute {
    static final String INBOX = "/public/api/v1/inboxes/{inbox_identifier}";
    static final String CONTACTS = INBOX + "/contacts";
    static final String CONTACT = CONTACTS + "/{contact_identifier}";
    static final String CONVERSATIONS = CONTACT + "/conversations";
    static final String CONVERSATION = CONVERSATIONS + "/{conversation_id}";

    private PublicInboxRoute() {
    }

    public static void register(Router router) {
        router.get(INBOX, request -> router.store().read(state ->
                Response.ok(PublicViews.inbox(inbox(state, request)))));
    }

    static Inbox inbox(State state, Request request) {
        return PublicScope.inbox(state, request.pathParam("inbox_identifier"));
    }

    static ContactInbox contactInbox(State state, Request request) {
        return PublicScope.contactInbox(state, inbox(state, request), request.pathParam("contact_identifier"));
    }

    static Conversation conversation(State state, Request request) {
        return PublicScope.conversation(state, contactInbox(state, request), request.pathParam("conversation_id"));
    }
}
