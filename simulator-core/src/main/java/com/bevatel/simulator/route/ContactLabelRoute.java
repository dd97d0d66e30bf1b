package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Contacts;
import com.bevatel.simulator.domain.Labels;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Contact;
import java.util.List;

/** {@code GET|POST /contacts/{id}/labels} (app/controllers/api/v1/accounts/contacts/labels_controller.rb): POST replaces the label set. */
final class ContactLabelRoute {
    private static final String LABELS = "/contacts/{id}/labels";

    private ContactLabelRoute() {
    }

    public static void register(Router router) {
        router.accountGet(LABELS, Access.account(), (request, caller) -> router.store().read(state -> {
            Contact contact = Contacts.find(state, caller.accountId(), request.idParam("id"));
            return Response.ok(ConversationLabelRoute.payload(Labels.ofContact(state, contact.id())));
        }));
        router.accountPost(LABELS, Access.account(), (request, caller) -> {
            List<String> labels = request.params().strings("labels");
            return router.store().write(tx -> {
                Contact contact = Contacts.find(tx.state(), caller.accountId(), request.idParam("id"));
                return Response.ok(ConversationLabelRoute.payload(Labels.setContactLabels(tx, contact, labels)));
            });
        });
    }
}
