package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The contact shapes: REST (app/views/api/v1/models/_contact.json.jbuilder) and push (app/models/contact.rb#push_event_data,
 * message senders and conversation meta).
 */
public final class ContactView {
    private ContactView() {
    }

    /** _contact.json.jbuilder; {@code contact_inboxes} only when asked, {@code last_activity_at}/{@code created_at} omitted when null. */
    public static ObjectNode rest(Contact contact, State state, boolean withContactInboxes) {
        ObjectNode o = Json.object();
        o.set("additional_attributes", contact.additionalAttributes().toObjectNode());
        o.put("availability_status", "offline");
        o.set("email", Json.text(contact.email()));
        o.put("id", contact.id());
        o.set("name", Json.text(contact.name()));
        o.set("phone_number", Json.text(contact.phoneNumber()));
        o.put("blocked", contact.blocked());
        o.set("identifier", Json.text(contact.identifier()));
        o.put("thumbnail", "");
        o.set("custom_attributes", contact.customAttributes().toObjectNode());
        if (contact.lastActivityAt() != null) {
            o.put("last_activity_at", Json.unix(contact.lastActivityAt()));
        }
        if (contact.createdAt() != null) {
            o.put("created_at", Json.unix(contact.createdAt()));
        }
        if (withContactInboxes) {
            o.set("contact_inboxes", contactInboxes(contact, state));
        }
        return o;
    }

    public static ArrayNode contactInboxes(Contact contact, State state) {
        ArrayNode list = Json.array();
        for (long id : state.contactInboxesOfContact.of(contact.id())) {
            ContactInbox ci = state.contactInboxes.get(id);
            ObjectNode item = list.addObject();
            item.put("source_id", ci.sourceId());
            item.set("inbox", InboxView.slim(state.inboxes.get(ci.inboxId())));
        }
        return list;
    }

    /** The "push" shape: message senders, conversation {@code meta.sender}, with {@code type: contact}. */
    public static ObjectNode push(Contact contact) {
        ObjectNode o = Json.object();
        o.set("additional_attributes", contact.additionalAttributes().toObjectNode());
        o.set("custom_attributes", contact.customAttributes().toObjectNode());
        o.set("email", Json.text(contact.email()));
        o.put("id", contact.id());
        o.set("identifier", Json.text(contact.identifier()));
        o.set("name", Json.text(contact.name()));
        o.set("phone_number", Json.text(contact.phoneNumber()));
        o.put("thumbnail", "");
        o.put("blocked", contact.blocked());
        o.put("type", "contact");
        return o;
    }
}
