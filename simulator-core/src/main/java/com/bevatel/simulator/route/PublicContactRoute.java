package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.IdentityHmac;
import com.bevatel.simulator.domain.PublicContacts;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.view.PublicViews;

/**
 * Client API contacts (app/controllers/public/api/v1/inboxes/contacts_controller.rb): create, show, update.
 * Each checks the identity hash when
 * one is given or the inbox makes it mandatory; show and update then mark the contact-inbox verified.
 */
final class PublicContactRoute {
    private PublicContactRoute() {
    }

    public static void register(Router router) {
        router.post(PublicInboxRoute.CONTACTS, request -> {
            Params p = request.params();
            PublicContacts.Attributes attributes = attributes(p);
            String sourceId = p.string("source_id");
            String identifierHash = p.string("identifier_hash");
            return router.store().write(tx -> {
                Inbox inbox = PublicInboxRoute.inbox(tx.state(), request);
                IdentityHmac.verify(inbox.channel(), attributes.identifier(), identifierHash);
                ContactInbox created = PublicContacts.create(tx, inbox, sourceId, attributes);
                return Response.ok(PublicViews.contact(created, tx.state()));
            });
        });
        router.get(PublicInboxRoute.CONTACT, request -> {
            Params p = request.params();
            String identifier = p.string("identifier");
            String identifierHash = p.string("identifier_hash");
            // Only the first successful identity check writes (verifies the contact-inbox); other shows only read.
            Response plainRead = router.store().read(state -> {
                ContactInbox ci = PublicInboxRoute.contactInbox(state, request);
                boolean checked = IdentityHmac.verify(state.inboxes.get(ci.inboxId()).channel(), identifier,
                        identifierHash);
                return checked && !ci.hmacVerified() ? null : Response.ok(PublicViews.contact(ci, state));
            });
            if (plainRead != null) {
                return plainRead;
            }
            return router.store().write(tx -> {
                ContactInbox ci = PublicInboxRoute.contactInbox(tx.state(), request);
                IdentityHmac.verify(tx.state().inboxes.get(ci.inboxId()).channel(), identifier, identifierHash);
                return Response.ok(PublicViews.contact(PublicContacts.markHmacVerified(tx, ci), tx.state()));
            });
        });
        router.update(PublicInboxRoute.CONTACT, request -> {
            Params p = request.params();
            PublicContacts.Attributes attributes = attributes(p);
            String identifierHash = p.string("identifier_hash");
            return router.store().write(tx -> {
                ContactInbox ci = PublicInboxRoute.contactInbox(tx.state(), request);
                if (IdentityHmac.verify(tx.state().inboxes.get(ci.inboxId()).channel(), attributes.identifier(),
                        identifierHash)) {
                    ci = PublicContacts.markHmacVerified(tx, ci);
                }
                // The identifier only proves identity here; it cannot be changed through the Client API.
                PublicContacts.Attributes changes = new PublicContacts.Attributes(null, attributes.name(),
                        attributes.email(), attributes.phoneNumber(), attributes.customAttributes());
                return Response.ok(PublicViews.contact(PublicContacts.update(tx, ci, changes), tx.state()));
            });
        });
    }

    private static PublicContacts.Attributes attributes(Params p) {
        return new PublicContacts.Attributes(p.string("identifier"), p.string("name"), p.string("email"),
                p.string("phone_number"), p.object("custom_attributes"));
    }
}
