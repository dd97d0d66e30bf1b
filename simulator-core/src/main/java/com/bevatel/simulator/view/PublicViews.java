package com.bevatel.simulator.view;

import com.bevatel.simulator.domain.PublicScope;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Client API shapes, in the key order of Chatwoot's public jbuilder views (app/views/public/api/v1/). */
public final class PublicViews {
    private PublicViews() {
    }

    /** {@code GET /public/api/v1/inboxes/{identifier}}. */
    public static ObjectNode inbox(Inbox inbox) {
        ObjectNode o = Json.object();
        o.put("identifier", inbox.channel().identifier());
        o.put("identity_validation_enabled", inbox.channel().hmacMandatory());
        o.put("name", inbox.name());
        o.put("timezone", inbox.timezone());
        o.set("working_hours", InboxView.workingHours(inbox));
        o.put("working_hours_enabled", inbox.workingHoursEnabled());
        o.put("csat_survey_enabled", inbox.csatSurveyEnabled());
        o.put("greeting_enabled", inbox.greetingEnabled());
        return o;
    }

    /** Contact create, show and update: the contact-inbox's session keys, then the contact. */
    public static ObjectNode contact(ContactInbox contactInbox, State state) {
        Contact contact = state.contacts.get(contactInbox.contactId());
        ObjectNode o = Json.object();
        o.put("source_id", contactInbox.sourceId());
        o.put("pubsub_token", contactInbox.pubsubToken());
        o.put("id", contact.id());
        o.set("name", Json.text(contact.name()));
        o.set("email", Json.text(contact.email()));
        o.set("phone_number", Json.text(contact.phoneNumber()));
        return o;
    }

    /** The contact's raw database row (all columns in schema order, ISO times, enum names). */
    public static ObjectNode rawContact(Contact contact) {
        ObjectNode o = Json.object();
        o.put("id", contact.id());
        o.set("name", Json.text(contact.name()));
        o.set("email", Json.text(contact.email()));
        o.set("phone_number", Json.text(contact.phoneNumber()));
        o.put("account_id", contact.accountId());
        o.set("created_at", Json.iso(contact.createdAt()));
        o.set("updated_at", Json.iso(contact.updatedAt()));
        o.set("additional_attributes", contact.additionalAttributes().toObjectNode());
        o.set("identifier", Json.text(contact.identifier()));
        o.set("custom_attributes", contact.customAttributes().toObjectNode());
        o.set("last_activity_at", Json.iso(contact.lastActivityAt()));
        o.put("contact_type", WireEnum.name(contact.contactType()));
        // Columns the simulator does not model, at their database defaults; location and country_code are
        // what Contacts::SyncAttributes copies from additional_attributes city and country on every save.
        o.put("middle_name", "");
        o.put("last_name", "");
        o.set("location", Json.text(contact.location()));
        o.set("country_code", Json.text(contact.countryCode()));
        o.put("blocked", contact.blocked());
        o.putNull("company_id");
        return o;
    }

    /** The public conversation: every public non-activity message, and the raw contact row. */
    public static ObjectNode conversation(Conversation c, State state) {
        ObjectNode o = Json.object();
        o.put("id", c.displayId());
        o.put("uuid", c.uuid());
        o.put("inbox_id", c.inboxId());
        o.put("contact_last_seen_at", Json.unix(c.contactLastSeenAt()));
        o.put("status", WireEnum.name(c.status()));
        o.put("agent_last_seen_at", Json.unix(c.agentLastSeenAt()));
        var messages = o.putArray("messages");
        PublicScope.visibleMessages(state, c).forEach(m -> messages.add(message(m, state)));
        o.set("contact", rawContact(state.contacts.get(c.contactId())));
        return o;
    }

    /** The public message: integer {@code message_type}, Unix {@code created_at}, display conversation id. */
    public static ObjectNode message(Message m, State state) {
        ObjectNode o = Json.object();
        o.put("id", m.id());
        o.set("content", Json.text(m.content()));
        o.put("message_type", WireEnum.code(m.messageType()));
        o.put("content_type", WireEnum.name(m.contentType()));
        o.set("content_attributes", m.contentAttributes().toObjectNode());
        o.put("created_at", Json.unix(m.createdAt()));
        o.put("conversation_id", state.conversations.get(m.conversationId()).displayId());
        // app/views/public/api/v1/models/_message.json.jbuilder: attachments come before sender when present.
        if (!state.attachmentsOfMessage.of(m.id()).isEmpty()) {
            o.set("attachments", AttachmentView.list(m.id(), state));
        }
        JsonNode sender = Senders.push(m, state);
        if (sender != null) {
            o.set("sender", sender);
        }
        return o;
    }
}
