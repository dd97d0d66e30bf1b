package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.ConversationActions;
import com.bevatel.simulator.domain.Contacts;
import com.bevatel.simulator.domain.Conversations;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.view.ContactView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /contacts/{id}/destroy_custom_attributes} (app/controllers/api/v1/accounts/contacts_controller.rb,
 * app/views/api/v1/accounts/contacts/destroy_custom_attributes.json.jbuilder) and
 * {@code POST /conversations/{id}/destroy_custom_attributes}
 * (app/controllers/concerns/conversation_custom_attributes_concern.rb): the keys named in
 * {@code custom_attributes} leave the record's custom attributes. Any member for a contact; for a
 * conversation, those who may see it — not bots (only {@code custom_attributes} is open to them).
 */
final class DestroyCustomAttributesRoute {
    private DestroyCustomAttributesRoute() {
    }

    public static void register(Router router) {
        router.accountPost("/contacts/{id}/destroy_custom_attributes", Access.account(), (request, caller) -> {
            List<String> keys = keys(request.params().node("custom_attributes"));
            return router.store().write(tx -> {
                Contact current = Contacts.find(tx.state(), caller.accountId(), request.idParam("id"));
                Contact updated = Contacts.removeCustomAttributes(tx, current, keys);
                return Response.ok(ContactRoute.payload(ContactView.rest(updated, tx.state(), true)));
            });
        });
        router.accountPost("/conversations/{conversation_id}/destroy_custom_attributes", Access.conversation(),
                (request, caller) -> {
                    List<String> keys = keys(request.params().node("custom_attributes"));
                    return router.store().write(tx -> {
                        Conversation current = Conversations.find(tx.state(), caller.accountId(),
                                request.idParam("conversation_id"));
                        Conversation updated = ConversationActions.removeCustomAttributes(tx, current, keys,
                                caller.actor());
                        ObjectNode body = Json.object();
                        body.set("custom_attributes", updated.customAttributes().toObjectNode());
                        return Response.ok(body);
                    });
                });
    }

    /**
     * What {@code excluding(params[:custom_attributes])} removes: the string itself, or an array's
     * strings (its one level is flattened); other values name no key (keys are strings), nothing is removed.
     */
    private static List<String> keys(JsonNode given) {
        List<String> keys = new ArrayList<>();
        if (given != null && given.isTextual()) {
            keys.add(given.asText());
        } else if (given != null && given.isArray()) {
            given.forEach(item -> {
                if (item.isTextual()) {
                    keys.add(item.asText());
                }
            });
        }
        return keys;
    }
}
