package com.bevatel.simulator.standalone.dashboard;

import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.state.DomainEventListener;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.WebhookJournal;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Server-sent events telling open dashboards what changed, so they refetch only that:
 * <ul>
 * <li>{@code hello} on connect (refetch everything: changes may have happened before the stream opened);
 * <li>{@code change} {@code {"conversations":[display ids],"other":bool}} after each committed write
 *     ({@code other}: contacts or inboxes changed, which lists show too);
 * <li>{@code delivery} {@code {"id":n,"conversation_id":n|null}} when the journal records an attempt;
 * <li>{@code journal_cleared}, {@code reset}.
 * </ul>
 * Undertow's {@link ServerSentEventConnection#send} only queues the event and lets the connection's
 * IO thread write it, so calling it from the store's commit (under its write lock) costs a lock and
 * an enqueue per open dashboard; with none open, nothing is built at all.
 */
final class LiveUpdates implements DomainEventListener, WebhookJournal.Listener {
    /** A comment line this often keeps proxies from closing an idle stream and finds dead ones. */
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    /** How long the browser waits before reconnecting after the stream drops. */
    private static final long RETRY_MILLIS = 1_000;

    private final ServerSentEventHandler events = new ServerSentEventHandler((connection, lastEventId) -> {
        connection.setKeepAliveTime(KEEP_ALIVE_MILLIS);
        connection.sendRetry(RETRY_MILLIS);
        connection.send("{}", "hello", null, null);
    });

    HttpHandler handler() {
        return events;
    }

    @Override
    public void onCommit(List<DomainEvent> committed, State state) {
        Set<ServerSentEventConnection> open = events.getConnections();
        if (open.isEmpty()) {
            return;
        }
        Set<Long> conversations = new TreeSet<>();
        boolean other = false;
        for (DomainEvent event : committed) {
            Long conversationId = conversationOf(event, state);
            if (conversationId != null) {
                state.conversations.find(conversationId).ifPresent(c -> conversations.add(c.displayId()));
            } else {
                other = true;
            }
        }
        ObjectNode data = Json.object();
        ArrayNode ids = data.putArray("conversations");
        conversations.forEach(ids::add);
        data.put("other", other);
        broadcast("change", Json.string(data));
    }

    /** The internal id of the conversation an event is about, or null when it is about something else. */
    private static Long conversationOf(DomainEvent event, State state) {
        if (event instanceof DomainEvent.ConversationCreated e) {
            return e.conversationId();
        } else if (event instanceof DomainEvent.ConversationStatusChanged e) {
            return e.conversationId();
        } else if (event instanceof DomainEvent.ConversationUpdated e) {
            return e.conversationId();
        } else if (event instanceof DomainEvent.ConversationTyping e) {
            return e.conversationId();
        } else if (event instanceof DomainEvent.MessageCreated e) {
            return state.messages.find(e.messageId()).map(Message::conversationId).orElse(null);
        } else if (event instanceof DomainEvent.MessageUpdated e) {
            return state.messages.find(e.messageId()).map(Message::conversationId).orElse(null);
        }
        return null;
    }

    @Override
    public void onReset() {
        broadcast("reset", "{}");
    }

    @Override
    public void recorded(Delivery delivery) {
        if (events.getConnections().isEmpty()) {
            return;
        }
        ObjectNode data = Json.object().put("id", delivery.id());
        if (delivery.conversationId() == null) {
            data.putNull("conversation_id");
        } else {
            data.put("conversation_id", delivery.conversationId());
        }
        broadcast("delivery", Json.string(data));
    }

    @Override
    public void cleared() {
        broadcast("journal_cleared", "{}");
    }

    private void broadcast(String event, String data) {
        for (ServerSentEventConnection connection : events.getConnections()) {
            connection.send(data, event, null, null);
        }
    }
}
