package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.ApiChannel;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.SenderNameType;
import com.bevatel.simulator.model.WorkingHours;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** API-channel inboxes: create and update with Chatwoot's validations (app/models/inbox.rb, app/models/channel/api.rb). */
@API(status = INTERNAL)
public final class Inboxes {
    private static final int MAX_STRING = 255;
    private static final int MAX_WEBHOOK_URL = 2048;
    private static final int MAX_MESSAGE = 10_000;

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
                false, JsonBag.EMPTY, tx.now(), tx.now());
        Inbox blank = new Inbox(tx.nextId(Sequence.INBOX), accountId, "", channel, false, null, false,
                WorkingHours.defaultWeek(), null, "UTC", true, false, JsonBag.EMPTY, true, JsonBag.EMPTY, true, false,
                SenderNameType.FRIENDLY, null, tx.now(), tx.now());
        Inbox inbox = apply(blank, settings, tx, true);
        tx.state().inboxes.put(inbox);
        tx.emit(new DomainEvent.InboxCreated(accountId, inbox.id()));
        return inbox;
    }

    public static Inbox update(Transaction tx, Inbox current, InboxSettings settings) {
        Inbox updated = apply(current, settings, tx, false);
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

    private static Inbox apply(Inbox current, InboxSettings s, Transaction tx, boolean creating) {
        Inbox.Builder b = current.toBuilder();
        b.name = Change.apply(s.name(), b.name);
        b.greetingEnabled = orFalse(Change.apply(s.greetingEnabled(), b.greetingEnabled));
        b.greetingMessage = Change.apply(s.greetingMessage(), b.greetingMessage);
        b.enableEmailCollect = orFalse(Change.apply(s.enableEmailCollect(), b.enableEmailCollect));
        b.csatSurveyEnabled = orFalse(Change.apply(s.csatSurveyEnabled(), b.csatSurveyEnabled));
        b.csatConfig = bag(s.csatConfig(), b.csatConfig);
        b.workingHoursEnabled = orFalse(Change.apply(s.workingHoursEnabled(), b.workingHoursEnabled));
        b.workingHours = mergeWorkingHours(b.workingHours, s.workingHours());
        b.outOfOfficeMessage = Change.apply(s.outOfOfficeMessage(), b.outOfOfficeMessage);
        b.timezone = Change.apply(s.timezone(), b.timezone);
        b.allowMessagesAfterResolved = orFalse(Change.apply(s.allowMessagesAfterResolved(), b.allowMessagesAfterResolved));
        b.lockToSingleConversation = orFalse(Change.apply(s.lockToSingleConversation(), b.lockToSingleConversation));
        b.enableAutoAssignment = orFalse(Change.apply(s.enableAutoAssignment(), b.enableAutoAssignment));
        b.autoAssignmentConfig = bag(s.autoAssignmentConfig(), b.autoAssignmentConfig);
        b.senderNameType = Change.apply(s.senderNameType(), b.senderNameType);
        if (b.senderNameType == null) {
            b.senderNameType = SenderNameType.FRIENDLY;
        }
        b.businessName = Change.apply(s.businessName(), b.businessName);
        ApiChannel ch = current.channel();
        String webhookUrl = Change.apply(s.webhookUrl(), ch.webhookUrl());
        boolean hmacMandatory = orFalse(Change.apply(s.hmacMandatory(), ch.hmacMandatory()));
        JsonBag additional = bag(s.channelAdditionalAttributes(), ch.additionalAttributes());
        if (!java.util.Objects.equals(webhookUrl, ch.webhookUrl()) || hmacMandatory != ch.hmacMandatory()
                || !additional.equals(ch.additionalAttributes())) {
            ch = new ApiChannel(ch.id(), ch.identifier(), ch.hmacToken(), ch.secret(), webhookUrl, hmacMandatory,
                    additional, ch.createdAt(), tx.now());
        }
        b.channel = ch;
        Inbox candidate = b.build();
        // Create saves the channel before the inbox, update the inbox before the channel.
        if (creating) {
            validateChannel(candidate.channel());
            validateInbox(candidate);
        } else {
            validateInbox(candidate);
            validateChannel(candidate.channel());
        }
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

    /**
     * Inbox validations in the order Rails reports them: generic column lengths (a before_validation),
     * name, time zone (a TZInfo identifier), message lengths.
     */
    private static void validateInbox(Inbox inbox) {
        List<Errors.Violation> violations = new ArrayList<>();
        tooLong(violations, "name", "Name", inbox.name(), MAX_STRING);
        tooLong(violations, "business_name", "Business name", inbox.businessName(), MAX_STRING);
        if (inbox.name() == null || inbox.name().isBlank()) {
            violations.add(new Errors.Violation("name", "Name can't be blank"));
        }
        if (inbox.timezone() == null || !knownZone(inbox.timezone())) {
            violations.add(new Errors.Violation("timezone", "Timezone is not included in the list"));
        }
        tooLong(violations, "out_of_office_message", "Out of office message", inbox.outOfOfficeMessage(), MAX_MESSAGE);
        tooLong(violations, "greeting_message", "Greeting message", inbox.greetingMessage(), MAX_MESSAGE);
        if (!violations.isEmpty()) {
            throw Errors.validation(violations);
        }
    }

    /** A zone id Java knows; the list is copied once (each call of getAvailableZoneIds copies ~600 ids). */
    private static boolean knownZone(String zone) {
        return KnownZones.IDS.contains(zone) || ZoneId.getAvailableZoneIds().contains(zone);
    }

    private static final class KnownZones {
        static final java.util.Set<String> IDS = ZoneId.getAvailableZoneIds();
    }

    /** The API channel's own validations, in its order: reply window, then the webhook URL (length, then {@link WebhookUrls}). */
    private static void validateChannel(ApiChannel channel) {
        List<Errors.Violation> violations = new ArrayList<>();
        JsonNode window = channel.additionalAttributes().get("agent_reply_time_window");
        if (Messages.present(window) && rubyToI(window) <= 0) {
            violations.add(new Errors.Violation("agent_reply_time_window",
                    "Agent reply time window agent_reply_time_window must be greater than 0"));
        }
        tooLong(violations, "webhook_url", "Webhook url", channel.webhookUrl(), MAX_WEBHOOK_URL);
        String url = channel.webhookUrl();
        if (url != null && !url.isEmpty() && url.length() <= MAX_WEBHOOK_URL && !WebhookUrls.deliverable(url)) {
            violations.add(new Errors.Violation("webhook_url", "Webhook url is invalid"));
        }
        if (!violations.isEmpty()) {
            throw Errors.validation(violations);
        }
    }

    private static void tooLong(List<Errors.Violation> out, String attribute, String label, String value, int max) {
        if (value != null && value.length() > max) {
            out.add(new Errors.Violation(attribute, label + " is too long (maximum is " + max + " characters)"));
        }
    }

    /** Ruby's {@code to_i}: a number's integer part, a string's leading digits, otherwise 0. */
    public static long rubyToI(JsonNode value) {
        if (value.isNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([+-]?\\d+)").matcher(value.asText());
            if (m.find()) {
                try {
                    return Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    return m.group(1).startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
                }
            }
        }
        return 0;
    }

    /** Rows given in a PATCH update the keys they give on the day they name; the other days are kept. */
    private static List<WorkingHours> mergeWorkingHours(List<WorkingHours> current,
                                                        Change<List<InboxSettings.DayPatch>> given) {
        if (given == null || given.value() == null) {
            return current;
        }
        List<WorkingHours> week = new ArrayList<>(current);
        for (InboxSettings.DayPatch patch : given.value()) {
            week.set(patch.dayOfWeek(), patch.applyTo(week.get(patch.dayOfWeek())));
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

    /** A given JSON object replaces the stored one; an explicit null empties it. */
    private static JsonBag bag(Change<ObjectNode> given, JsonBag current) {
        return given == null ? current : JsonBag.of(given.value());
    }
}
