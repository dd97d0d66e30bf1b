package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.model.WorkingHours;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The inbox shapes: REST (app/views/api/v1/models/_inbox.json.jbuilder), slim (inside contact_inboxes), raw record (contact create). */
public final class InboxView {
    private static final String CHANNEL_TYPE = "Channel::Api";

    private InboxView() {
    }

    /** {@code GET/POST/PATCH …/inboxes}; {@code hmac_token} and {@code secret} only for administrators. */
    public static ObjectNode rest(Inbox inbox, boolean administrator) {
        ObjectNode o = Json.object();
        o.put("id", inbox.id());
        o.put("avatar_url", "");
        o.put("channel_id", inbox.channel().id());
        o.put("name", inbox.name());
        o.put("channel_type", CHANNEL_TYPE);
        o.put("greeting_enabled", inbox.greetingEnabled());
        o.set("greeting_message", Json.text(inbox.greetingMessage()));
        o.put("working_hours_enabled", inbox.workingHoursEnabled());
        o.put("enable_email_collect", inbox.enableEmailCollect());
        o.put("csat_survey_enabled", inbox.csatSurveyEnabled());
        o.set("csat_config", inbox.csatConfig().toObjectNode());
        o.put("enable_auto_assignment", inbox.enableAutoAssignment());
        o.set("auto_assignment_config", inbox.autoAssignmentConfig().toObjectNode());
        o.set("out_of_office_message", Json.text(inbox.outOfOfficeMessage()));
        o.set("working_hours", workingHours(inbox));
        o.put("timezone", inbox.timezone());
        o.putNull("callback_webhook_url");
        o.put("allow_messages_after_resolved", inbox.allowMessagesAfterResolved());
        o.put("lock_to_single_conversation", inbox.lockToSingleConversation());
        o.put("sender_name_type", WireEnum.name(inbox.senderNameType()));
        o.set("business_name", Json.text(inbox.businessName()));
        for (String key : new String[] {"allowed_domains", "widget_color", "website_url"}) {
            o.putNull(key);
        }
        o.put("hmac_mandatory", inbox.channel().hmacMandatory());
        for (String key : new String[] {"welcome_title", "welcome_tagline", "web_widget_script", "website_token",
                "selected_feature_flags", "reply_time", "messaging_service_sid", "phone_number"}) {
            o.putNull(key);
        }
        if (administrator) {
            o.put("hmac_token", inbox.channel().hmacToken());
            o.put("secret", inbox.channel().secret());
        }
        o.set("webhook_url", Json.text(inbox.channel().webhookUrl()));
        o.put("inbox_identifier", inbox.channel().identifier());
        o.set("additional_attributes", inbox.channel().additionalAttributes().toObjectNode());
        o.putNull("provider");
        return o;
    }

    public static ArrayNode workingHours(Inbox inbox) {
        ArrayNode days = Json.array();
        for (WorkingHours day : inbox.workingHours()) {
            ObjectNode d = days.addObject();
            d.put("day_of_week", day.dayOfWeek());
            d.put("closed_all_day", day.closedAllDay());
            putNullable(d, "open_hour", day.openHour());
            putNullable(d, "open_minutes", day.openMinutes());
            putNullable(d, "close_hour", day.closeHour());
            putNullable(d, "close_minutes", day.closeMinutes());
            d.put("open_all_day", day.openAllDay());
        }
        return days;
    }

    /** The slim inbox inside {@code contact_inboxes[]} and contact-inbox create. */
    public static ObjectNode slim(Inbox inbox) {
        ObjectNode o = Json.object();
        o.put("id", inbox.id());
        o.put("avatar_url", "");
        o.put("channel_id", inbox.channel().id());
        o.put("name", inbox.name());
        o.put("channel_type", CHANNEL_TYPE);
        o.putNull("provider");
        return o;
    }

    /** The raw database row, as {@code payload.contact_inbox.inbox} of contact create shows it. */
    public static ObjectNode raw(Inbox inbox) {
        ObjectNode o = Json.object();
        o.put("id", inbox.id());
        o.put("channel_id", inbox.channel().id());
        o.put("account_id", inbox.accountId());
        o.put("name", inbox.name());
        o.set("created_at", Json.iso(inbox.createdAt()));
        o.set("updated_at", Json.iso(inbox.updatedAt()));
        o.put("channel_type", CHANNEL_TYPE);
        o.put("enable_auto_assignment", inbox.enableAutoAssignment());
        o.put("greeting_enabled", inbox.greetingEnabled());
        o.set("greeting_message", Json.text(inbox.greetingMessage()));
        o.putNull("email_address");
        o.put("working_hours_enabled", inbox.workingHoursEnabled());
        o.set("out_of_office_message", Json.text(inbox.outOfOfficeMessage()));
        o.put("timezone", inbox.timezone());
        o.put("enable_email_collect", inbox.enableEmailCollect());
        o.put("csat_survey_enabled", inbox.csatSurveyEnabled());
        o.put("allow_messages_after_resolved", inbox.allowMessagesAfterResolved());
        o.set("auto_assignment_config", inbox.autoAssignmentConfig().toObjectNode());
        o.put("lock_to_single_conversation", inbox.lockToSingleConversation());
        o.putNull("portal_id");
        o.put("sender_name_type", WireEnum.name(inbox.senderNameType()));
        o.set("business_name", Json.text(inbox.businessName()));
        o.set("csat_config", inbox.csatConfig().toObjectNode());
        return o;
    }

    private static void putNullable(ObjectNode o, String key, Integer value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }
}
