package com.bevatel.simulator.domain;

import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.ContentType;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageStatus;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.WorkingHours;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Chatwoot's message template hooks (app/services/message_templates/hook_execution_service.rb):
 * the out-of-office reply and the greeting, written as
 * template messages (type 3, no sender) right after a message, in the same transaction.
 */
final class TemplateHooks {
    private static final Duration RECENT_AGENT_REPLY = Duration.ofMinutes(5);

    private TemplateHooks() {
    }

    static void afterMessage(Transaction tx, Conversation conversation, Message message) {
        State state = tx.state();
        // The per-conversation tallies answer the two questions asked on every message; only the
        // out-of-office check, when it applies, reads the messages themselves.
        if (state.conversationMessages.incomingCount(conversation.id()) == 0) {
            return;
        }
        Inbox inbox = state.inboxes.get(conversation.inboxId());
        Instant now = tx.now();
        if (message.messageType() == MessageType.INCOMING && notBlank(inbox.outOfOfficeMessage())
                && outOfOffice(inbox, now)) {
            List<Message> messages = state.messagesOfConversation.of(conversation.id()).stream()
                    .map(state.messages::get).toList();
            if (noRecentAgentReply(messages, now) && noTemplateToday(messages, now)) {
                post(tx, conversation, inbox.outOfOfficeMessage());
            }
        }
        boolean firstFromContact = !state.conversationMessages.hasOutgoingOrTemplate(conversation.id());
        if (firstFromContact && inbox.greetingEnabled() && notBlank(inbox.greetingMessage())) {
            post(tx, conversation, inbox.greetingMessage());
        }
    }

    /** Working hours on, and today's row (in the inbox's time zone) says closed at this minute. */
    static boolean outOfOffice(Inbox inbox, Instant now) {
        if (!inbox.workingHoursEnabled()) {
            return false;
        }
        ZonedDateTime local = now.atZone(ZoneId.of(inbox.timezone()));
        int dayOfWeek = local.getDayOfWeek().getValue() % 7;
        WorkingHours today = inbox.workingHours().stream().filter(d -> d.dayOfWeek() == dayOfWeek).findFirst()
                .orElse(null);
        if (today == null || today.closedAllDay() || today.openHour() == null || today.openMinutes() == null
                || today.closeHour() == null || today.closeMinutes() == null) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        LocalTime open = LocalTime.of(today.openHour(), today.openMinutes());
        LocalTime close = LocalTime.of(today.closeHour(), today.closeMinutes());
        return time.isBefore(open) || time.isAfter(close);
    }

    private static boolean noRecentAgentReply(List<Message> messages, Instant now) {
        Instant since = now.minus(RECENT_AGENT_REPLY);
        return messages.stream().noneMatch(m -> m.messageType() == MessageType.OUTGOING && !m.isPrivate()
                && m.createdAt().isAfter(since));
    }

    /** Chatwoot checks {@code messages.today.template}: the day in UTC, the application's zone. */
    private static boolean noTemplateToday(List<Message> messages, Instant now) {
        var today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        return messages.stream().noneMatch(m -> m.messageType() == MessageType.TEMPLATE
                && m.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().equals(today));
    }

    /** A template message: no sender, Liquid rendered (app/models/concerns/liquidable.rb), delivered like any message. */
    private static void post(Transaction tx, Conversation conversation, String text) {
        String content = Liquid.hasMarkup(text)
                ? Liquid.render(text, LiquidDrops.forMessage(tx.state(), conversation, null, null)) : text;
        Message message = new Message(tx.nextId(Sequence.MESSAGE), conversation.accountId(), conversation.inboxId(),
                conversation.id(), content, MessageType.TEMPLATE, ContentType.TEXT, MessageStatus.SENT,
                JsonBag.EMPTY, false, null, null, null, JsonBag.EMPTY, tx.now(), tx.now());
        tx.state().messages.put(message);
        Conversations.touchActivity(tx, conversation.id(), message.createdAt());
        tx.emit(new DomainEvent.MessageCreated(message.accountId(), message.id()));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
