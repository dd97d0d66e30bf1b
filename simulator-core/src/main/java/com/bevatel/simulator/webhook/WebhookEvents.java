package com.bevatel.simulator.webhook;

import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.Webhook;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.WebhookPayloads;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Chatwoot's {@code WebhookListener}: for one domain event, the payload (webhook_data) and who receives it
 * (deliver_webhook_payloads), decided from the committed state. Account webhooks come first (by id), then the API inbox.
 */
final class WebhookEvents {
    /** One receiver of an event: where to post and which secret signs it. */
    record Target(Receiver receiver, String url, String secret) {
    }

    /** What one event sends; {@code messageId} is set for message events (a failed callback marks it failed). */
    record Planned(String event, long accountId, Long conversationId, Long messageId, ObjectNode payload,
                   List<Target> targets) {
        /** The same payload, for these receivers too. */
        Planned alsoFor(List<Target> more) {
            List<Target> all = new ArrayList<>(targets.size() + more.size());
            all.addAll(targets);
            all.addAll(more);
            return new Planned(event, accountId, conversationId, messageId, payload, all);
        }
    }

    private static final java.util.Set<String> NOT_INBOX_COLUMNS = java.util.Set.of("channel", "working_hours");

    private WebhookEvents() {
    }

    /** The deliveries of {@code event}, or null when it sends nothing (activity messages, no change, no receiver). */
    static Planned plan(DomainEvent event, State state, boolean inboxEvents) {
        if (event instanceof DomainEvent.MessageCreated e) {
            return message(e.name(), e.messageId(), state);
        }
        if (event instanceof DomainEvent.MessageUpdated e) {
            return message(e.name(), e.messageId(), state);
        }
        if (event instanceof DomainEvent.ConversationCreated e) {
            return conversation(e.name(), e.conversationId(), state, false, null);
        }
        if (event instanceof DomainEvent.ConversationStatusChanged e) {
            // Chatwoot reads the changes after the commit, when Rails no longer has any: always null.
            return conversation(e.name(), e.conversationId(), state, true, List.of());
        }
        if (event instanceof DomainEvent.ConversationUpdated e) {
            return conversation(e.name(), e.conversationId(), state, true, e.changes());
        }
        if (event instanceof DomainEvent.ConversationTyping e) {
            return typing(e, state);
        }
        if (event instanceof DomainEvent.ContactCreated e) {
            return contact(e.name(), e.accountId(), e.contactId(), state, false, null);
        }
        if (event instanceof DomainEvent.ContactUpdated e) {
            return contact(e.name(), e.accountId(), e.contactId(), state, true, e.changes());
        }
        if (event instanceof DomainEvent.InboxCreated e) {
            return inboxEvents ? inbox(e.name(), e.accountId(), e.inboxId(), state, false, null) : null;
        }
        if (event instanceof DomainEvent.InboxUpdated e) {
            return inboxEvents ? inbox(e.name(), e.accountId(), e.inboxId(), state, true, inboxColumns(e.changes())) : null;
        }
        return null;
    }

    /**
     * Only the inboxes table's own columns: the channel and the schedule are rows of other tables,
     * whose changes Chatwoot's inbox {@code previous_changes} never shows.
     */
    private static List<AttributeChange> inboxColumns(List<AttributeChange> changes) {
        return changes.stream().filter(c -> !NOT_INBOX_COLUMNS.contains(c.attribute())).toList();
    }

    /** {@code webhook_sendable?}: incoming, outgoing and template messages; activity never. */
    private static Planned message(String name, long messageId, State state) {
        Message message = sendable(state, messageId);
        if (message == null) {
            return null;
        }
        Conversation conversation = state.conversations.find(message.conversationId()).orElse(null);
        if (conversation == null) {
            return null;
        }
        List<Target> targets = conversationTargets(name, conversation, state);
        if (targets.isEmpty()) {
            return null;
        }
        return planned(name, conversation.accountId(), conversation.displayId(), message.id(),
                messagePayload(name, message, state), targets);
    }

    /** The message, unless it is gone or an activity message ({@code webhook_sendable?}). */
    static Message sendable(State state, long messageId) {
        Message message = state.messages.find(messageId).orElse(null);
        return message == null || message.messageType() == MessageType.ACTIVITY ? null : message;
    }

    /** {@code message.webhook_data.merge(event:)}. */
    static ObjectNode messagePayload(String name, Message message, State state) {
        ObjectNode payload = WebhookPayloads.message(message, state);
        payload.put("event", name);
        return payload;
    }

    private static Planned conversation(String name, long conversationId, State state, boolean withChanges,
                                        List<AttributeChange> changes) {
        Conversation conversation = state.conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return null;
        }
        List<Target> targets = conversationTargets(name, conversation, state);
        if (targets.isEmpty()) {
            return null;
        }
        return planned(name, conversation.accountId(), conversation.displayId(), null,
                conversationPayload(name, conversation, state, withChanges, changes), targets);
    }

    /** {@code conversation.webhook_data.merge(event:[, changed_attributes:])}: the changes follow the event. */
    static ObjectNode conversationPayload(String name, Conversation conversation, State state, boolean withChanges,
                                          List<AttributeChange> changes) {
        ObjectNode payload = WebhookPayloads.conversation(conversation, state);
        payload.put("event", name);
        if (withChanges) {
            payload.set("changed_attributes", WebhookPayloads.changedAttributes(changes));
        }
        return payload;
    }

    private static Planned typing(DomainEvent.ConversationTyping event, State state) {
        Conversation conversation = state.conversations.find(event.conversationId()).orElse(null);
        if (conversation == null) {
            return null;
        }
        List<Target> targets = conversationTargets(event.name(), conversation, state);
        if (targets.isEmpty()) {
            return null;
        }
        ObjectNode payload = com.bevatel.simulator.json.Json.object();
        payload.put("event", event.name());
        payload.set("user", WebhookPayloads.actor(event.typist().type(), event.typist().id(), state));
        payload.set("conversation", WebhookPayloads.conversation(conversation, state));
        payload.put("is_private", event.isPrivate());
        return planned(event.name(), conversation.accountId(), conversation.displayId(), null, payload, targets);
    }

    /** Contact events go to account webhooks only; an update that changed nothing sends nothing. */
    private static Planned contact(String name, long accountId, long contactId, State state, boolean withChanges,
                                   List<AttributeChange> changes) {
        Contact contact = state.contacts.find(contactId).orElse(null);
        if (contact == null || (withChanges && (changes == null || changes.isEmpty()))) {
            return null;
        }
        List<Target> targets = accountWebhooks(state, accountId, name);
        if (targets.isEmpty()) {
            return null;
        }
        ObjectNode payload = WebhookPayloads.contact(contact, state);
        payload.put("event", name);
        if (withChanges) {
            payload.set("changed_attributes", WebhookPayloads.changedAttributes(changes));
        }
        return planned(name, accountId, null, null, payload, targets);
    }

    private static Planned inbox(String name, long accountId, long inboxId, State state, boolean withChanges,
                                 List<AttributeChange> changes) {
        Inbox inbox = state.inboxes.find(inboxId).orElse(null);
        if (inbox == null || (withChanges && (changes == null || changes.isEmpty()))) {
            return null;
        }
        List<Target> targets = accountWebhooks(state, accountId, name);
        if (targets.isEmpty()) {
            return null;
        }
        ObjectNode payload = WebhookPayloads.inboxSettings(inbox, state);
        payload.put("event", name);
        if (withChanges) {
            payload.set("changed_attributes", WebhookPayloads.changedAttributes(changes));
        }
        return planned(name, accountId, null, null, payload, targets);
    }

    /**
     * Subscribed account webhooks, then the conversation's API inbox callback when it has a URL. Found
     * before any payload is built: with no receiver there is nothing to render.
     */
    private static List<Target> conversationTargets(String name, Conversation conversation, State state) {
        List<Target> targets = accountWebhooks(state, conversation.accountId(), name);
        Inbox inbox = state.inboxes.find(conversation.inboxId()).orElse(null);
        if (inbox != null) {
            String url = inbox.channel().webhookUrl();
            if (url != null && !url.isBlank()) {
                targets.add(new Target(Receiver.apiInbox(inbox.id()), url, inbox.channel().secret()));
            }
        }
        return targets;
    }

    /** Every account webhook subscribed to {@code event}; its {@code inbox_id} does not narrow delivery. */
    private static List<Target> accountWebhooks(State state, long accountId, String event) {
        List<Target> targets = new ArrayList<>();
        if (state.webhooks.size() == 0) {
            return targets;
        }
        for (Webhook webhook : state.webhooks.all()) {
            if (webhook.accountId() == accountId && webhook.subscribes(event)) {
                targets.add(new Target(Receiver.accountWebhook(webhook.id()), webhook.url(), webhook.secret()));
            }
        }
        return targets;
    }

    private static Planned planned(String name, long accountId, Long conversationId, Long messageId,
                                   ObjectNode payload, List<Target> targets) {
        return targets.isEmpty() ? null : new Planned(name, accountId, conversationId, messageId, payload, targets);
    }
}
