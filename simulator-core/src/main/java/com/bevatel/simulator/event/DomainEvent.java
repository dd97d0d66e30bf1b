package com.bevatel.simulator.event;

import com.bevatel.simulator.model.Conversation;

/**
 * Something that changed in the state, published after its write commits. Ids are internal keys
 * (a conversation's {@code id}, not its display id); consumers read the committed state for the rest,
 * except where an event says what its own save left.
 */
public sealed interface DomainEvent {
    long accountId();

    /** The Chatwoot event name, as in webhook payloads and subscriptions. */
    String name();

    record ContactCreated(long accountId, long contactId) implements DomainEvent {
        public String name() {
            return "contact_created";
        }
    }

    record ContactUpdated(long accountId, long contactId, java.util.List<AttributeChange> changes)
            implements DomainEvent {
        public String name() {
            return "contact_updated";
        }
    }

    record ConversationCreated(long accountId, long conversationId) implements DomainEvent {
        public String name() {
            return "conversation_created";
        }
    }

    /**
     * A status change; {@code saved} is the row as this save wrote it, the object Chatwoot's
     * after-commit callbacks hand to the listeners that run at once (app/dispatchers/sync_dispatcher.rb:
     * AgentBotListener). A later save in the same request may have changed it since.
     */
    record ConversationStatusChanged(long accountId, long conversationId, Conversation saved) implements DomainEvent {
        public String name() {
            return "conversation_status_changed";
        }
    }

    /** Changed columns; {@code saved} as in {@link ConversationStatusChanged}. */
    record ConversationUpdated(long accountId, long conversationId, java.util.List<AttributeChange> changes,
                               Conversation saved) implements DomainEvent {
        public String name() {
            return "conversation_updated";
        }
    }

    /** Typing indicator; {@code typist} is who types (an agent, or the contact via the Client API). */
    record ConversationTyping(long accountId, long conversationId, boolean on, Actor typist, boolean isPrivate)
            implements DomainEvent {
        public String name() {
            return on ? "conversation_typing_on" : "conversation_typing_off";
        }
    }

    record MessageCreated(long accountId, long messageId) implements DomainEvent {
        public String name() {
            return "message_created";
        }
    }

    record MessageUpdated(long accountId, long messageId) implements DomainEvent {
        public String name() {
            return "message_updated";
        }
    }

    record InboxCreated(long accountId, long inboxId) implements DomainEvent {
        public String name() {
            return "inbox_created";
        }
    }

    record InboxUpdated(long accountId, long inboxId, java.util.List<AttributeChange> changes)
            implements DomainEvent {
        public String name() {
            return "inbox_updated";
        }
    }
}
