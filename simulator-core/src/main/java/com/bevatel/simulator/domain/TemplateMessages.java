package com.bevatel.simulator.domain;

import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.WorkingHours;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Chatwoot's MessageTemplates::HookExecutionService (API.md §3.6): after a message, the inbox's
 * out-of-office message (incoming message while the inbox is closed) and its greeting (first
 * message from the contact) are posted as template messages — delivered to webhooks like any
 * message. The out-of-office check runs first, so a closed inbox answers with it alone.
 */
final class TemplateMessages {
    private static final long RECENT_REPLY_SECONDS = 5 * 60;

    private TemplateMessages() {
    }

    static void afterMessage(Transaction tx, long conversationId, Message message) {
        State state = tx.state();
        Conversation conversation = state.conversations.get(conversationId);
        List<Message> messages = state.messagesOfConversation.of(conversationId).stream().map(state.messages::get).toList();
        if (messages.stream().noneMatch(m -> m.messageType() == MessageType.INCOMING)) {
            return;
        }
        Inbox inbox = state.inboxes.get(conversation.inboxId());
        Instant now = tx.now();
        if (message.messageType() == MessageType.INCOMING && present(inbox.outOfOfficeMessage())
                && outOfOffice(inbox, now) && noTemplateToday(messages, now) && noRecentReply(messages, now)) {
            Messages.createTemplate(tx, conversation, inbox.outOfOfficeMessage());
            conversation = state.conversations.get(conversationId);
            messages = state.messagesOfConversation.of(conversationId).stream().map(state.messages::get).toList();
        }
        boolean firstFromContact = messages.stream().noneMatch(
                m -> m.messageType() == MessageType.OUTGOING || m.messageType() == MessageType.TEMPLATE);
        if (firstFromContact && inbox.greetingEnabled() && present(inbox.greetingMessage())) {
            Messages.createTemplate(tx, conversation, inbox.greetingMessage());
        }
    }

    /** Inbox#out_of_office?: working hours on, and today's row (in the inbox's zone) closed right now. */
    static boolean outOfOffice(Inbox inbox, Instant now) {
        if (!inbox.workingHoursEnabled()) {
            return false;
        }
        ZonedDateTime local = now.atZone(zone(inbox.timezone()));
        int day = local.getDayOfWeek().getValue() % 7;
        WorkingHours today = inbox.workingHours().stream().filter(w -> w.dayOfWeek() == day).findFirst().orElse(null);
        if (today == null || today.closedAllDay()) {
            return true;
        }
        if (!today.openAllDay() && (today.openHour() == null || today.closeHour() == null)) {
            return true;
        }
        // Chatwoot stores an open-all-day row as 00:00–23:59, compared to the minute.
        int openHour = today.openAllDay() ? 0 : today.openHour();
        int openMinutes = today.openAllDay() ? 0 : orZero(today.openMinutes());
        int closeHour = today.openAllDay() ? 23 : today.closeHour();
        int closeMinutes = today.openAllDay() ? 59 : orZero(today.closeMinutes());
        ZonedDateTime open = local.withHour(openHour).withMinute(openMinutes).withSecond(0).withNano(0);
        ZonedDateTime close = local.withHour(closeHour).withMinute(closeMinutes).withSecond(0).withNano(0);
        return local.isBefore(open) || local.isAfter(close);
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }

    /** {@code conversation.messages.today.template.empty?} — "today" in UTC, the app's zone. */
    private static boolean noTemplateToday(List<Message> messages, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return messages.stream().noneMatch(m -> m.messageType() == MessageType.TEMPLATE
                && LocalDate.ofInstant(m.createdAt(), ZoneOffset.UTC).equals(today));
    }

    /** No public outgoing message in the last five minutes (an agent is still answering). */
    private static boolean noRecentReply(List<Message> messages, Instant now) {
        Instant since = now.minusSeconds(RECENT_REPLY_SECONDS);
        return messages.stream().noneMatch(m -> m.messageType() == MessageType.OUTGOING && !m.isPrivate()
                && m.createdAt().isAfter(since));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
