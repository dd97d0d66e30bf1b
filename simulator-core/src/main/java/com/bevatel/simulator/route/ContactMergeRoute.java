package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.ContactMerges;
import com.bevatel.simulator.domain.Contacts;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.ContactView;

/**
 * {@code POST /actions/contact_merge} (app/controllers/api/v1/accounts/actions/contact_merges_controller.rb,
 * app/actions/contact_merge_action.rb): any member merges {@code mergee_contact_id} into {@code base_contact_id}
 * (no policy; bots are refused) and gets the base contact back, without its contact-inboxes. Either contact
 * missing (or of another account, or not given) is 404, the base looked up first; a contact merged into itself
 * is left as it is (200).
 */
final class ContactMergeRoute {
    private ContactMergeRoute() {
    }

    public static void register(Router router) {
        router.accountPost("/actions/contact_merge", Access.account(), (request, caller) -> router.store().write(tx -> {
            Contact base = contact(tx.state(), caller.accountId(), request.params(), "base_contact_id");
            Contact mergee = contact(tx.state(), caller.accountId(), request.params(), "mergee_contact_id");
            Contact merged = ContactMerges.merge(tx, base, mergee);
            return Response.ok(ContactView.rest(merged, tx.state(), false));
        }));
    }

    /** {@code Current.account.contacts.find(params[:…])}: a value that names no contact of the account is 404. */
    private static Contact contact(State state, long accountId, Params p, String key) {
        return Contacts.find(state, accountId, p.recordId(key).orElseThrow(Errors::notFound));
    }
}
