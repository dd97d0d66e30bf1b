package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Contacts;
import com.bevatel.simulator.domain.Permissions;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.seed.SeededRandom;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.InboxView;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code GET /contacts/{id}/contactable_inboxes} (app/controllers/api/v1/accounts/contacts_controller.rb): every
 * API inbox the caller may see, with
 * the contact's latest source id there — or a fresh UUID the contact could use (not stored).
 */
final class ContactableInboxRoute {
    private ContactableInboxRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/contacts/{id}/contactable_inboxes", Access.account(), (request, caller) -> router.store().read(state -> {
            Contact contact = Contacts.find(state, caller.accountId(), request.idParam("id"));
            ObjectNode body = Json.object();
            ArrayNode payload = body.putArray("payload");
            for (Inbox inbox : state.inboxes.all()) {
                if (inbox.accountId() != caller.accountId() || !Permissions.canViewInbox(state, caller.user(), inbox)) {
                    continue;
                }
                ObjectNode item = payload.addObject();
                item.set("inbox", InboxView.slim(inbox));
                item.put("source_id", sourceId(state, contact, inbox));
            }
            return Response.ok(body);
        }));
    }

    /**
     * The latest contact-inbox's source id; without one, Chatwoot offers a random UUID. Here it is
     * derived from the contact and inbox ids, so a read never draws from the seeded generator.
     */
    private static String sourceId(State state, Contact contact, Inbox inbox) {
        List<Long> sessions = state.contactInboxesOfContact.of(contact.id());
        for (int i = sessions.size() - 1; i >= 0; i--) {
            ContactInbox ci = state.contactInboxes.get(sessions.get(i));
            if (ci.inboxId() == inbox.id()) {
                return ci.sourceId();
            }
        }
        return new SeededRandom(contact.id() * 0x9E3779B97F4A7C15L ^ inbox.id()).uuid();
    }
}
