package com.bevatel.simulator.webhook;

import com.bevatel.simulator.domain.AgentBots;
import com.bevatel.simulator.domain.Messages;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageStatus;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Store;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * What a delivery's final failure changes (lib/webhooks/trigger.rb#handle_error), for
 * {@code message_created}/{@code message_updated} only: a failed API-inbox callback marks the
 * message failed; a failed agent-bot delivery opens the message's pending conversation, unless
 * {@link WebhookSettings#keepPendingOnBotFailure()}. Account webhooks change nothing. Each is a
 * write of its own, made only when it would change something (a no-op neither writes nor moves
 * the clock), and only while the state the delivery came from is still the current one.
 */
final class FailureFollowUps {
    private static final Set<String> MESSAGE_EVENTS = Set.of("message_created", "message_updated");

    private final Store store;
    private final WebhookSettings settings;

    FailureFollowUps(Store store, WebhookSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * After the last attempt failed.
     *
     * @param messageId the message a message event is about, else null
     * @param origin    the state the delivery was planned from
     */
    void afterFinalFailure(Receiver receiver, String event, Long messageId, State origin, String failure) {
        if (messageId == null || !MESSAGE_EVENTS.contains(event)) {
            return;
        }
        switch (receiver.kind()) {
            case API_INBOX -> markMessageFailed(messageId, origin, failure);
            case AGENT_BOT -> openPendingConversation(messageId, origin);
            case ACCOUNT_WEBHOOK -> {
                // Chatwoot's handle_error does nothing for account webhooks.
            }
        }
    }

    /**
     * {@code update_message_status}: the message is marked failed with the error text, which fires one
     * {@code message_updated}. An identical failure changes nothing, so it neither writes nor loops.
     */
    private void markMessageFailed(long messageId, State origin, String failure) {
        boolean changes = store.read(state -> state == origin
                && state.messages.find(messageId).map(message -> wouldChange(message, failure)).orElse(false));
        if (!changes) {
            return;
        }
        store.write(tx -> {
            if (tx.state() == origin) {
                tx.state().messages.find(messageId).ifPresent(message -> Messages.markFailed(tx, message, failure));
            }
            return null;
        });
    }

    private static boolean wouldChange(Message message, String failure) {
        JsonNode error = message.contentAttributes().get("external_error");
        return message.status() != MessageStatus.FAILED || error == null || !failure.equals(error.asText());
    }

    /**
     * {@code update_conversation_status}: the message's conversation, when still pending, is opened
     * with an activity line; the bot stays its assignee and the message's status is left alone.
     */
    private void openPendingConversation(long messageId, State origin) {
        if (settings.keepPendingOnBotFailure()
                || !store.read(state -> state == origin && pendingConversation(state, messageId) != null)) {
            return;
        }
        store.write(tx -> {
            if (tx.state() == origin) {
                Conversation pending = pendingConversation(tx.state(), messageId);
                if (pending != null) {
                    AgentBots.openAfterDeliveryFailure(tx, pending);
                }
            }
            return null;
        });
    }

    private static Conversation pendingConversation(State state, long messageId) {
        return state.messages.find(messageId)
                .flatMap(message -> state.conversations.find(message.conversationId()))
                .filter(conversation -> conversation.status() == ConversationStatus.PENDING)
                .orElse(null);
    }
}
