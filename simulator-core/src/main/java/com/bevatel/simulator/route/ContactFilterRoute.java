package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.ContactFilter;
import com.bevatel.simulator.domain.Filters;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Contact;
import java.util.List;

/** {@code POST /contacts/filter} (app/services/contacts/filter_service.rb): like the list — 15 per page, {@code sort}, total count. */
final class ContactFilterRoute {
    private ContactFilterRoute() {
    }

    public static void register(Router router) {
        router.accountPost("/contacts/filter", Access.account(), (request, caller) -> {
            Params p = request.params();
            List<Filters.Condition> conditions = Filters.parse(p.node("payload"));
            String sort = p.string("sort");
            return router.store().read(state -> {
                List<Contact> found = ContactFilter.find(state, caller.accountId(), conditions, state.clock().now())
                        .stream().sorted(ContactRoute.sort(sort)).toList();
                return Response.ok(ContactRoute.list(state, found, p, found.size(), null));
            });
        });
    }
}
