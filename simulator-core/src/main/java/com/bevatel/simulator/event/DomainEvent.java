package com.bevatel.simulator.event;

/**
 * Something that changed in the state, published after its write commits. Ids are internal keys
 * (a conversation's {@code id}, not its display id); consumers read the committed state for the rest.
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

    record ConversationStatusChanged(long accountId, long conversationId) implements DomainEvent {
        public String name() {
            return "conversation_status_changed";
        }
    }

    record ConversationUpdated(long accountId, long conversationId, java.util.List<AttributeChange> changes)
            implements DomainEvent {
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
