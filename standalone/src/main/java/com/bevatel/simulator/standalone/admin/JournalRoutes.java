package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import com.bevatel.simulator.webhook.WebhookJournal;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The webhook delivery journal over HTTP. {@code GET /_simulator/deliveries} lists attempts, oldest
 * first, filtered by {@code event}, {@code conversation_id} (display id), {@code receiver}
 * ({@code account_webhook:1}, {@code api_inbox:1}, {@code agent_bot:1}), {@code status} ({@code success}|{@code failure})
 * and {@code since_id}; {@code limit} (default 500) and {@code order} ({@code asc}|{@code desc})
 * page it; {@code bodies=true} adds what {@code GET /_simulator/deliveries/{id}} shows: headers,
 * request body, parsed payload, response body. {@code DELETE} clears it. {@code GET
 * /_simulator/deliveries/wait} answers the same list once enough deliveries match ({@link DeliveryWait}).
 */
final class JournalRoutes {
    static final String PATH = AdminApi.PREFIX + "deliveries";
    private static final int DEFAULT_LIMIT = 500;

    private JournalRoutes() {
    }

    /** Registers the journal's routes; returns the wait's registry of parked requests. */
    static DeliveryWait register(Router router, WebhookJournal journal) {
        router.get(PATH, request -> {
            Listing listing = Listing.of(request.params());
            return Response.ok(listing.answer(journal, journal.matching(listing.filter())));
        });
        DeliveryWait waits = DeliveryWait.register(router, journal);
        router.get(PATH + "/{id}", request -> {
            long id = request.idParam("id");
            Delivery delivery = journal.matching(d -> d.id() == id).stream().findFirst()
                    .orElseThrow(() -> Errors.error(404, "no delivery " + id + " in the journal (cleared, evicted or never made)"));
            return Response.ok(full(delivery));
        });
        router.delete(PATH, request -> {
            int held = journal.size();
            journal.clear();
            ObjectNode body = Json.object();
            body.put("cleared", held);
            return Response.ok(body);
        });
        return waits;
    }

    /** A list request, checked: which deliveries, how many, in which order, with or without bodies. */
    record Listing(Predicate<Delivery> filter, long limit, boolean descending, boolean bodies) {
        /** @throws com.bevatel.simulator.domain.ApiException 422 naming a parameter that cannot be used */
        static Listing of(Params p) {
            Predicate<Delivery> filter = JournalRoutes.filter(p);
            long limit = p.integer("limit") == null ? DEFAULT_LIMIT : p.integer("limit");
            if (limit < 1) {
                throw Errors.error(422, "limit must be positive");
            }
            String order = p.string("order") == null ? "asc" : p.string("order");
            if (!order.equals("asc") && !order.equals("desc")) {
                throw Errors.error(422, "order must be asc or desc");
            }
            return new Listing(filter, limit, order.equals("desc"), Boolean.TRUE.equals(p.bool("bodies")));
        }

        /** The list's body: {@code matches} (what {@link #filter} selected, oldest first) paged, and the journal's counts. */
        ObjectNode answer(WebhookJournal journal, List<Delivery> matches) {
            List<Delivery> ordered = new ArrayList<>(matches);
            if (descending) {
                Collections.reverse(ordered);
            }
            ObjectNode out = Json.object();
            ArrayNode deliveries = out.putArray("deliveries");
            ordered.stream().limit(limit).forEach(d -> deliveries.add(bodies ? full(d) : summary(d)));
            out.put("matched", ordered.size());
            out.put("held", journal.size());
            out.put("evicted", journal.evicted());
            out.put("capacity", journal.capacity());
            return out;
        }
    }

    private static Predicate<Delivery> filter(Params p) {
        Predicate<Delivery> filter = d -> true;
        Long since = p.integer("since_id");
        if (since != null) {
            filter = filter.and(d -> d.id() > since);
        }
        String event = p.string("event");
        if (event != null) {
            filter = filter.and(d -> d.event().equals(event));
        }
        Long conversation = p.integer("conversation_id");
        if (conversation != null) {
            filter = filter.and(d -> Objects.equals(d.conversationId(), conversation));
        }
        String receiver = p.string("receiver");
        if (receiver != null) {
            Receiver wanted = receiver(receiver);
            filter = filter.and(d -> d.receiver().equals(wanted));
        }
        String status = p.string("status");
        if (status != null) {
            if (!status.equals("success") && !status.equals("failure")) {
                throw Errors.error(422, "status must be success or failure");
            }
            boolean success = status.equals("success");
            filter = filter.and(d -> d.succeeded() == success);
        }
        return filter;
    }

    private static Receiver receiver(String text) {
        String[] parts = text.split(":", 2);
        try {
            long id = Long.parseLong(parts.length == 2 ? parts[1] : "");
            return switch (parts[0]) {
                case "account_webhook" -> Receiver.accountWebhook(id);
                case "api_inbox" -> Receiver.apiInbox(id);
                case "agent_bot" -> Receiver.agentBot(id);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException e) {
            throw Errors.error(422, "receiver must be account_webhook:<webhook id>, api_inbox:<inbox id> or agent_bot:<bot id>");
        }
    }

    /** One attempt, without bodies: what a list shows. */
    static ObjectNode summary(Delivery d) {
        ObjectNode out = Json.object();
        out.put("id", d.id());
        out.put("event", d.event());
        out.put("url", d.url().toString());
        ObjectNode receiver = out.putObject("receiver");
        receiver.put("kind", d.receiver().kind().name().toLowerCase(Locale.ROOT));
        receiver.put("id", d.receiver().id());
        out.put("account_id", d.accountId());
        if (d.conversationId() == null) {
            out.putNull("conversation_id");
        } else {
            out.put("conversation_id", d.conversationId());
        }
        out.put("delivery_id", d.deliveryId());
        out.put("attempt", d.attempt());
        out.put("succeeded", d.succeeded());
        if (d.responseStatus() == null) {
            out.putNull("response_status");
        } else {
            out.put("response_status", d.responseStatus());
        }
        out.put("failure", d.failure());
        out.put("duration_ms", d.duration().toMillis());
        out.put("simulated_time", d.simulatedTime().toString());
        return out;
    }

    /** One attempt with what was sent and received. */
    static ObjectNode full(Delivery d) {
        ObjectNode out = summary(d);
        ObjectNode headers = out.putObject("request_headers");
        d.requestHeaders().forEach(headers::put);
        out.put("request_body", d.requestBody());
        out.set("payload", d.payload() == null ? Json.text(null) : d.payload());
        out.put("response_body", d.responseBody());
        return out;
    }
}
