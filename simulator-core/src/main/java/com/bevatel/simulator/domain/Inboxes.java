package com.bevatel.simulator.domain;

import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.ApiChannel;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.SenderNameType;
import com.bevatel.simulator.model.WorkingHours;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.Transaction;
import com.bevatel.simulator.view.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** API-channel inboxes: create and update with Chatwoot's validations (API.md §5.2). */
public final class Inboxes {
    private static final int MAX_STRING = 255;
    private static final int MAX_WEBHOOK_URL = 2048;

    private Inboxes() {
    }

    /** The seeder's shortcut: a named API inbox with an optional callback URL. */
    public record NewApiInbox(String name, String webhookUrl) {
    }

    public static Inbox create(Transaction tx, long accountId, NewApiInbox spec) {
        InboxSettings settings = new InboxSettings(Change.of(spec.name()), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, Change.of(spec.webhookUrl()), null, null);
        return create(tx, accountId, settings);
    }

    /** Creates an API inbox; identifier, hmac_token and secret are drawn from the seeded generator. */
    public static Inbox create(Transaction tx, long accountId, InboxSettings settings) {
        ApiChannel channel = new ApiChannel(tx.nextId(Sequence.CHANNEL), tx.token(), tx.token(), tx.token(), null,
                false, Json.object(), tx.now(), tx.now());
        Inbox blank = new Inbox(tx.nextId(Sequence.INBOX), accountId, "", channel, false, null, false,
                WorkingHours.defaultWeek(), null, "UTC", true, false, Json.object(), true, Json.object(), true, false,
                SenderNameType.FRIENDLY, null, tx.now(), tx.now());
        Inbox inbox = apply(blank, settings, tx);
        tx.state().inboxes.put(inbox);
        tx.state().inboxByIdentifier.put(channel.identifier(), inbox.id());
        tx.emit(new DomainEvent.InboxCreated(accountId, inbox.id()));
        return inbox;
    }

    public static Inbox update(Transaction tx, Inbox current, InboxSettings settings) {
        Inbox updated = apply(current, settings, tx);
        List<AttributeChange> changes = changes(current, updated);
        if (changes.isEmpty()) {
            return current;
        }
        Inbox.Builder b = updated.toBuilder();
        b.updatedAt = tx.now();
        Inbox stamped = b.build();
        tx.state().inboxes.put(stamped);
        tx.emit(new DomainEvent.InboxUpdated(current.accountId(), current.id(), changes));
        return stamped;
    }

    private static Inbox apply(Inbox current, InboxSettings s, Transaction tx) {
        Inbox.Builder b = current.toBuilder();
        b.name = Change.apply(s.name(), b.name);
        b.greetingEnabled = orFalse(Change.apply(s.greetingEnabled(), b.greetingEnabled));
        b.greetingMessage = Change.apply(s.greetingMessage(), b.greetingMessage);
        b.enableEmailCollect = orFalse(Change.apply(s.enableEmailCollect(), b.enableEmailCollect));
        b.csatSurveyEnabled = orFalse(Change.apply(s.csatSurveyEnabled(), b.csatSurveyEnabled));
        b.csatConfig = copyOrEmpty(Change.apply(s.csatConfig(), b.csatConfig));
        b.workingHoursEnabled = orFalse(Change.apply(s.workingHoursEnabled(), b.workingHoursEnabled));
        b.workingHours = mergeWorkingHours(b.workingHours, s.workingHours());
        b.outOfOfficeMessage = Change.apply(s.outOfOfficeMessage(), b.outOfOfficeMessage);
        b.timezone = Change.apply(s.timezone(), b.timezone);
        b.allowMessagesAfterResolved = orFalse(Change.apply(s.allowMessagesAfterResolved(), b.allowMessagesAfterResolved));
        b.lockToSingleConversation = orFalse(Change.apply(s.lockToSingleConversation(), b.lockToSingleConversation));
        b.enableAutoAssignment = orFalse(Change.apply(s.enableAutoAssignment(), b.enableAutoAssignment));
        b.autoAssignmentConfig = copyOrEmpty(Change.apply(s.autoAssignmentConfig(), b.autoAssignmentConfig));
        b.senderNameType = Change.apply(s.senderNameType(), b.senderNameType);
        if (b.senderNameType == null) {
            b.senderNameType = SenderNameType.FRIENDLY;
        }
        b.businessName = Change.apply(s.businessName(), b.businessName);
        ApiChannel ch = current.channel();
        String webhookUrl = Change.apply(s.webhookUrl(), ch.webhookUrl());
        boolean hmacMandatory = orFalse(Change.apply(s.hmacMandatory(), ch.hmacMandatory()));
        ObjectNode additional = ch.additionalAttributes();
        if (s.channelAdditionalAttributes() != null) {
            additional = copyOrEmpty(s.channelAdditionalAttributes().value());
        }
        if (!java.util.Objects.equals(webhookUrl, ch.webhookUrl()) || hmacMandatory != ch.hmacMandatory()
                || !additional.equals(ch.additionalAttributes())) {
            ch = new ApiChannel(ch.id(), ch.identifier(), ch.hmacToken(), ch.secret(), webhookUrl, hmacMandatory,
                    additional, ch.createdAt(), tx.now());
        }
        b.channel = ch;
        Inbox candidate = b.build();
        validate(candidate);
        return candidate;
    }

    /** A new secret for the API channel (4.13+ {@code reset_secret}). */
    public static Inbox resetSecret(Transaction tx, Inbox current) {
        ApiChannel ch = current.channel();
        Inbox.Builder b = current.toBuilder();
        b.channel = new ApiChannel(ch.id(), ch.identifier(), ch.hmacToken(), tx.token(), ch.webhookUrl(),
                ch.hmacMandatory(), ch.additionalAttributes(), ch.createdAt(), tx.now());
        b.updatedAt = tx.now();
        Inbox updated = b.build();
        tx.state().inboxes.put(updated);
        return updated;
    }

    private static void validate(Inbox inbox) {
        List<Errors.Violation> violations = new ArrayList<>();
        if (inbox.name() == null || inbox.name().isBlank()) {
            violations.add(new Errors.Violation("name", "Name can't be blank"));
        } else if (inbox.name().length() > MAX_STRING) {
            violations.add(new Errors.Violation("name", "Name is too long (maximum is 255 characters)"));
        }
        if (inbox.timezone() == null || !validZone(inbox.timezone())) {
            violations.add(new Errors.Violation("timezone", "Timezone is not included in the list"));
        }
        String url = inbox.channel().webhookUrl();
        if (url != null && url.length() > MAX_WEBHOOK_URL) {
            violations.add(new Errors.Violation("webhook_url",
                    "Webhook url is too long (maximum is " + MAX_WEBHOOK_URL + " characters)"));
        }
        JsonNode window = inbox.channel().additionalAttributes().get("agent_reply_time_window");
        if (window != null && !window.isNull() && (!window.isNumber() || window.asDouble() <= 0)) {
            violations.add(new Errors.Violation("agent_reply_time_window",
                    "Agent reply time window agent_reply_time_window must be greater than 0"));
        }
        if (!violations.isEmpty()) {
            throw Errors.validation(violations);
        }
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Rows given in a PATCH replace the day they name; the other days are kept. */
    private static List<WorkingHours> mergeWorkingHours(List<WorkingHours> current, Change<List<WorkingHours>> given) {
        if (given == null || given.value() == null) {
            return current;
        }
        List<WorkingHours> week = new ArrayList<>(current);
        for (WorkingHours day : given.value()) {
            week.set(day.dayOfWeek(), day);
        }
        return List.copyOf(week);
    }

    private static List<AttributeChange> changes(Inbox before, Inbox after) {
        List<AttributeChange> changes = new ArrayList<>();
        compare(changes, "name", before.name(), after.name());
        compare(changes, "greeting_enabled", before.greetingEnabled(), after.greetingEnabled());
        compare(changes, "greeting_message", before.greetingMessage(), after.greetingMessage());
        compare(changes, "working_hours_enabled", before.workingHoursEnabled(), after.workingHoursEnabled());
        compare(changes, "out_of_office_message", before.outOfOfficeMessage(), after.outOfOfficeMessage());
        compare(changes, "timezone", before.timezone(), after.timezone());
        compare(changes, "enable_email_collect", before.enableEmailCollect(), after.enableEmailCollect());
        compare(changes, "csat_survey_enabled", before.csatSurveyEnabled(), after.csatSurveyEnabled());
        compare(changes, "allow_messages_after_resolved", before.allowMessagesAfterResolved(), after.allowMessagesAfterResolved());
        compare(changes, "lock_to_single_conversation", before.lockToSingleConversation(), after.lockToSingleConversation());
        compare(changes, "enable_auto_assignment", before.enableAutoAssignment(), after.enableAutoAssignment());
        compare(changes, "sender_name_type", before.senderNameType(), after.senderNameType());
        compare(changes, "business_name", before.businessName(), after.businessName());
        compare(changes, "working_hours", before.workingHours(), after.workingHours());
        compare(changes, "csat_config", before.csatConfig(), after.csatConfig());
        compare(changes, "auto_assignment_config", before.autoAssignmentConfig(), after.autoAssignmentConfig());
        compare(changes, "channel", before.channel(), after.channel());
        return changes;
    }

    private static void compare(List<AttributeChange> out, String name, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            out.add(new AttributeChange(name, before, after));
        }
    }

    private static boolean orFalse(Boolean value) {
        return value != null && value;
    }

    private static ObjectNode copyOrEmpty(ObjectNode node) {
        return Json.copy(node);
    }
}
