package com.bevatel.simulator.standalone.dashboard;

import com.bevatel.simulator.domain.Conversations;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.Store;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.WebhookJournal;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The dashboard's read endpoints, JSON, under {@value #API} (writes go through the core's
 * {@code /_simulator/agent/...}):
 * <ul>
 * <li>{@code GET overview}: account, simulated clock, inboxes with counts per status, members, teams;
 * <li>{@code GET conversations?inbox_id=&status=open|pending|resolved|snoozed|all&limit=}: the newest
 *     conversations by last activity (default 100, at most 1000) and the total matching;
 * <li>{@code GET conversations/{display_id}?before_id=&limit=}: one conversation and the newest
 *     {@code limit} messages (default 100, at most 1000) before message {@code before_id} (before
 *     none: the newest), oldest first, with {@code has_older};
 * <li>{@code GET deliveries?after=&conversation_id=&limit=}: journal entries after id {@code after},
 *     oldest first, the newest {@code limit} of them (default 200, at most 1000), without bodies;
 * <li>{@code GET deliveries/{id}}: one entry with request headers and body, and response body.
 * </ul>
 */
final class DashboardApi {
    static final String API = Dashboard.PATH + "/api";
    private static final int MAX_LIMIT = 1000;
    private static final int CONVERSATIONS_LIMIT = 100;
    /** The list app.js asks for ({@code status=all&limit=200}), so the inlined one is the same. */
    private static final int PAGE_CONVERSATIONS_LIMIT = 200;
    private static final int DELIVERIES_LIMIT = 200;
    /**
     * Messages per page of a thread: the page shows the newest ones and asks for older pages on
     * demand, instead of all of them on every change (200,000 messages were 50 MB a fetch).
     */
    static final int THREAD_LIMIT = 100;

    private DashboardApi() {
    }

    static void register(Router router, Store store, WebhookJournal journal) {
        router.get(API + "/overview", request -> Response.ok(store.read(DashboardViews::overview)));
        router.get(API + "/conversations", request -> {
            Params p = request.params();
            Predicate<Conversation> filter = inboxFilter(p.integer("inbox_id")).and(statusFilter(p.string("status")));
            int limit = limit(p, CONVERSATIONS_LIMIT);
            return Response.ok(store.read(state -> DashboardViews.conversations(state, filter, limit)));
        });
        router.get(API + "/conversations/{display_id}", request -> {
            long displayId = request.idParam("display_id");
            Params p = request.params();
            Long beforeId = p.integer("before_id");
            int limit = limit(p, THREAD_LIMIT);
            return Response.ok(store.read(state -> DashboardViews.thread(
                    Conversations.find(state, DashboardViews.account(state).id(), displayId), state, beforeId, limit)));
        });
        router.get(API + "/deliveries", request -> {
            Params p = request.params();
            long after = Objects.requireNonNullElse(p.integer("after"), 0L);
            Long conversationId = p.integer("conversation_id");
            return Response.ok(deliveries(store, journal, after, conversationId, limit(p, DELIVERIES_LIMIT)));
        });
        router.get(API + "/deliveries/{id}", request -> {
            long id = request.idParam("id");
            return journal.matching(d -> d.id() == id).stream().findFirst()
                    .map(d -> Response.ok(store.read(state -> DashboardViews.deliveryDetail(d, state))))
                    .orElseThrow(() -> Errors.error(404, "No delivery #" + id + " in the journal (cleared or evicted?)"));
        });
    }

    /**
     * What the page fetches first: {@code GET overview}, the list it asks for and {@code GET deliveries},
     * for {@link DashboardPage} to inline.
     */
    static ObjectNode initialState(Store store, WebhookJournal journal) {
        ObjectNode o = Json.object();
        store.read(state -> {
            o.set("overview", DashboardViews.overview(state));
            o.set("conversations", DashboardViews.conversations(state, c -> true, PAGE_CONVERSATIONS_LIMIT));
            return null;
        });
        o.set("deliveries", deliveries(store, journal, 0, null, DELIVERIES_LIMIT));
        return o;
    }

    /**
     * The newest {@code limit} deliveries after id {@code after} (of one conversation unless null), oldest
     * first, their receivers named from the state.
     */
    private static ObjectNode deliveries(Store store, WebhookJournal journal, long after, Long conversationId, int limit) {
        List<Delivery> matching = journal.matching(d -> d.id() > after
                && (conversationId == null || conversationId.equals(d.conversationId())));
        ObjectNode body = Json.object();
        body.put("evicted", journal.evicted());
        ArrayNode items = body.putArray("deliveries");
        store.read(state -> {
            matching.stream().skip(Math.max(0, matching.size() - limit))
                    .forEach(d -> items.add(DashboardViews.deliverySummary(d, state)));
            return null;
        });
        return body;
    }

    private static Predicate<Conversation> inboxFilter(Long inboxId) {
        return inboxId == null ? c -> true : c -> c.inboxId() == inboxId;
    }

    private static Predicate<Conversation> statusFilter(String status) {
        if (status == null || status.isEmpty() || status.equals("all")) {
            return c -> true;
        }
        ConversationStatus wanted = WireEnum.parse(ConversationStatus.class, status).orElseThrow(() ->
                Errors.error(422, "status must be one of open, pending, resolved, snoozed, all"));
        return c -> c.status() == wanted;
    }

    private static int limit(Params p, int fallback) {
        Long limit = p.integer("limit");
        if (limit == null) {
            return fallback;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Errors.error(422, "limit must be 1.." + MAX_LIMIT);
        }
        return limit.intValue();
    }
}
