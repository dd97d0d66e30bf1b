package com.bevatel.simulator.view;

import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Resolves a message's polymorphic sender into its push shape (the sender model's push_event_data). */
final class Senders {
    private Senders() {
    }

    /** The sender's push shape, or null when the message has none (activity, template). */
    static ObjectNode push(Message message, State state) {
        if (message.senderType() == null || message.senderId() == null) {
            return null;
        }
        return switch (message.senderType()) {
            case CONTACT -> state.contacts.find(message.senderId()).map(ContactView::push).orElse(null);
            case USER -> state.users.find(message.senderId()).map(UserView::push).orElse(null);
            case AGENT_BOT -> state.agentBots.find(message.senderId()).map(AgentBotView::push).orElse(null);
        };
    }
}
