package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Assignments;
import com.bevatel.simulator.domain.ConversationFinder;
import com.bevatel.simulator.domain.Conversations;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Messages;
import com.bevatel.simulator.domain.Permissions;
import com.bevatel.simulator.domain.NewMessage;
import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.view.ConversationView;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code /api/v1/accounts/{id}/conversations} (app/controllers/api/v1/accounts/conversations_controller.rb): create, show,
 * list, meta, toggle_status.
 */
final class ConversationRoute {
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private ConversationRoute() {
    }

    public static void register(Router router) {
        router.accountPost("/conversations", Access.account().openToBots(), (request, caller) -> {
            Params p = request.params();
            Conversations.ContactInboxRef ref = new Conversations.ContactInboxRef(p.integer("inbox_id"),
                    p.integer("contact_id"), p.string("source_id"), Boolean.TRUE.equals(p.bool("hmac_verified")));
            ConversationStatus status = status(p.string("status"));
            Conversations.NewConversation spec = new Conversations.NewConversation(status, p.integer("assignee_id"),
                    p.integer("team_id"), time(p, "snoozed_until"), p.object("additional_attributes"),
                    p.object("custom_attributes"));
            NewMessage message = Messages.present(p.node("message")) ? MessageRoute.newMessage(p.nested("message")) : null;
            // A message's validation errors keep the record-invalid shape here: unlike the messages
            // endpoint, Chatwoot's conversation create has no rescue of its own.
            return router.store().write(tx -> {
                // ConversationsController's before_actions: authorize the given inbox, then the contact inbox's.
                if (ref.inboxId() != null) {
                    tx.state().inboxes.find(ref.inboxId()).filter(i -> i.accountId() == caller.accountId())
                            .ifPresent(inbox -> Permissions.requireInbox(tx.state(), caller.user(), inbox));
                }
                ContactInbox ci = Conversations.resolveContactInbox(tx, caller.accountId(), ref);
                Permissions.requireInbox(tx.state(), caller.user(), tx.state().inboxes.get(ci.inboxId()));
                Conversations.Opened opened = Conversations.open(tx, ci, spec, actor(caller));
                Conversation conversation = opened.conversation();
                if (message != null) {
                    // Also on the conversation a single-conversation inbox hands back.
                    Messages.create(tx, conversation, message, actor(caller));
                }
                return Response.ok(ConversationView.rest(tx.state().conversations.get(conversation.id()), tx.state(),
                        ConversationActionRoute.viewer(caller)));
            });
        });
        router.accountGet("/conversations", Access.account(), (request, caller) -> router.store().read(state -> {
            ConversationFinder.Result result = ConversationFinder.find(state, caller.accountId(), caller.user().id(),
                    query(request.params()), state.clock().now());
            ObjectNode body = Json.object();
            ObjectNode data = body.putObject("data");
            data.set("meta", counts(result.counts()));
            ArrayNode payload = data.putArray("payload");
            Long viewer = ConversationActionRoute.viewer(caller);
            result.page().forEach(c -> payload.add(ConversationView.rest(c, state, viewer)));
            return Response.ok(body);
        }));
        router.accountGet("/conversations/meta", Access.account(), (request, caller) -> router.store().read(state -> {
            ConversationFinder.Result result = ConversationFinder.find(state, caller.accountId(), caller.user().id(),
                    query(request.params()), state.clock().now());
            ObjectNode body = Json.object();
            body.set("meta", counts(result.counts()));
            return Response.ok(body);
        }));
        router.accountGet("/conversations/{conversation_id}", Access.conversation().openToBots(), (request, caller) ->
                router.store().read(state -> Response.ok(ConversationView.rest(Conversations.find(state, caller.accountId(),
                        request.idParam("conversation_id")), state, ConversationActionRoute.viewer(caller)))));
        router.accountPost("/conversations/{conversation_id}/toggle_status", Access.conversation().openToBots(), (request, caller) -> {
            Params p = request.params();
            ConversationStatus status = status(p.string("status"));
            Instant snoozedUntil = time(p, "snoozed_until");
            return router.store().write(tx -> {
                Conversation current = Conversations.find(tx.state(), caller.accountId(),
                        request.idParam("conversation_id"));
                // A bot opening its pending conversation hands it to the humans; Chatwoot then answers success: null.
                boolean botHandoff = caller.isBot() && current.status() == ConversationStatus.PENDING
                        && status == ConversationStatus.OPEN;
                Conversation updated = botHandoff ? Assignments.botHandoff(tx, current, actor(caller))
                        : Conversations.changeStatus(tx, current, status, snoozedUntil, actor(caller));
                ObjectNode body = Json.object();
                body.putObject("meta");
                ObjectNode payload = body.putObject("payload");
                if (botHandoff) {
                    payload.putNull("success");
                } else {
                    payload.put("success", true);
                }
                payload.put("conversation_id", updated.displayId());
                payload.put("current_status", WireEnum.name(updated.status()));
                payload.set("snoozed_until", Json.iso(updated.snoozedUntil()));
                return Response.ok(body);
            });
        });
    }

    static Actor actor(Caller caller) {
        return caller.actor();
    }

    /** An unknown status is a 422 here (Chatwoot: an unhandled ArgumentError, 500). */
    private static ConversationStatus status(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return WireEnum.parse(ConversationStatus.class, name)
                .orElseThrow(() -> Errors.error(422, "'" + name + "' is not a valid status"));
    }

    /**
     * Unix seconds, or an ISO date-time / date, within years 1 to 9999; anything else is a 422
     * (Chatwoot: 500).
     */
    static Instant time(Params p, String key) {
        JsonNode node = p.node(key);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        String text = node.asText().trim();
        try {
            Instant at;
            if (node.isNumber()) {
                at = Instant.ofEpochSecond(node.asLong());
            } else if (text.matches("\\d+")) {
                at = Instant.ofEpochSecond(Long.parseLong(text));
            } else if (text.length() == 10) {
                at = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                at = OffsetDateTime.parse(text).toInstant();
            }
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new DateTimeException("out of range");
            }
            return at;
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            throw Errors.error(422, "Invalid parameter " + key + ": '" + text + "' is not a time");
        }
    }

    static ConversationFinder.Query query(Params p) {
        // Rails' tagged_with takes one label as well as a list (labels=vip or labels[]=vip).
        List<String> labels = p.node("labels") != null && p.node("labels").isTextual()
                ? List.of(p.string("labels")) : p.strings("labels");
        return new ConversationFinder.Query(p.string("status"), p.string("assignee_type"), p.integer("inbox_id"),
                p.integer("team_id"), labels, p.string("q"), p.string("source_id"), p.string("sort_by"),
                p.integer("page"), p.integer("updated_within"));
    }

    private static ObjectNode counts(ConversationFinder.Counts counts) {
        ObjectNode meta = Json.object();
        meta.put("mine_count", counts.mine());
        meta.put("assigned_count", counts.assigned());
        meta.put("unassigned_count", counts.unassigned());
        meta.put("all_count", counts.all());
        return meta;
    }
}
