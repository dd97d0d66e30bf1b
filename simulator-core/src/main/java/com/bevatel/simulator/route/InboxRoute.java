package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.InboxSettings;
import com.bevatel.simulator.domain.Inboxes;
import com.bevatel.simulator.domain.Permissions;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.SenderNameType;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.view.InboxView;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** {@code /api/v1/accounts/{id}/inboxes} (app/controllers/api/v1/accounts/inboxes_controller.rb); only API channels are simulated. */
final class InboxRoute {
    private InboxRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/inboxes", Access.account(), (request, caller) -> router.store().read(state -> {
            ObjectNode body = Json.object();
            ArrayNode payload = body.putArray("payload");
            state.inboxes.all().stream().filter(i -> i.accountId() == caller.accountId())
                    .filter(i -> Permissions.canViewInbox(state, caller.user(), i))
                    .sorted(Comparator.comparing((Inbox i) -> i.name().toLowerCase(Locale.ROOT)).thenComparing(Inbox::id))
                    .forEach(i -> payload.add(InboxView.rest(i, caller.administrator())));
            return Response.ok(body);
        }));
        router.accountGet("/inboxes/{id}", Access.inbox(), (request, caller) -> router.store().read(state ->
                Response.ok(InboxView.rest(find(state, request, caller), caller.administrator()))));
        router.accountPost("/inboxes", Access.account().administratorsOnly(), (request, caller) -> {
            InboxSettings settings = settings(request.params(), true);
            return router.store().write(tx -> Response.ok(
                    InboxView.rest(Inboxes.create(tx, caller.accountId(), settings), true)));
        });
        router.accountUpdate("/inboxes/{id}", Access.inbox().administratorsOnly(), (request, caller) -> {
            InboxSettings settings = settings(request.params(), false);
            return router.store().write(tx -> Response.ok(
                    InboxView.rest(Inboxes.update(tx, find(tx.state(), request, caller), settings), true)));
        });
        router.accountPost("/inboxes/{id}/reset_secret", Access.inbox().administratorsOnly(), (request, caller) -> {
            return router.store().write(tx -> Response.ok(
                    InboxView.rest(Inboxes.resetSecret(tx, find(tx.state(), request, caller)), true)));
        });
    }

    private static Inbox find(com.bevatel.simulator.state.State state, Request request, Caller caller) {
        long id = request.idParam("id");
        return state.inboxes.find(id).filter(i -> i.accountId() == caller.accountId()).orElseThrow(Errors::notFound);
    }

    /** Top-level keys and {@code channel.*}; Rails treats the string "null" as null here. */
    private static InboxSettings settings(Params p, boolean create) {
        Params channel = p.nested("channel");
        if (create) {
            if (!p.present("channel")) {
                throw Errors.paramMissing("channel");
            }
            String type = channel.string("type");
            if (!"api".equals(type)) {
                throw Errors.validation("channel", type != null && List.of("web_widget", "email", "line", "telegram",
                        "whatsapp", "sms").contains(type)
                        ? "Channel type " + type + " is not simulated (only api)" : "Channel must exist");
            }
        }
        return new InboxSettings(
                text(p, "name"), bool(p, "greeting_enabled"), text(p, "greeting_message"),
                bool(p, "enable_email_collect"), bool(p, "csat_survey_enabled"), object(p, "csat_config"),
                bool(p, "working_hours_enabled"), workingHours(p), text(p, "out_of_office_message"),
                text(p, "timezone"), bool(p, "allow_messages_after_resolved"),
                bool(p, "lock_to_single_conversation"), bool(p, "enable_auto_assignment"),
                object(p, "auto_assignment_config"), senderNameType(p), text(p, "business_name"),
                text(channel, "webhook_url"), bool(channel, "hmac_mandatory"),
                object(channel, "additional_attributes"));
    }

    private static <T> Change<T> given(Params p, String key, Function<String, T> read) {
        if (!p.has(key)) {
            return null;
        }
        JsonNode node = p.node(key);
        if (node.isTextual() && "null".equals(node.asText())) {
            return Change.of(null);
        }
        return Change.of(read.apply(key));
    }

    private static Change<String> text(Params p, String key) {
        return given(p, key, p::string);
    }

    private static Change<Boolean> bool(Params p, String key) {
        return given(p, key, p::bool);
    }

    private static Change<ObjectNode> object(Params p, String key) {
        return given(p, key, p::object);
    }

    private static Change<SenderNameType> senderNameType(Params p) {
        return given(p, "sender_name_type", key -> {
            String name = p.string(key);
            return name == null ? null : WireEnum.parse(SenderNameType.class, name)
                    .orElseThrow(() -> Errors.error(422, "'" + name + "' is not a valid sender_name_type"));
        });
    }

    /** {@code working_hours[]}: each row names its day and the keys to change on it. */
    private static Change<List<InboxSettings.DayPatch>> workingHours(Params p) {
        return given(p, "working_hours", key -> {
            JsonNode node = p.node(key);
            if (!node.isArray()) {
                throw Errors.error(422, "Invalid parameter working_hours: expected an array");
            }
            List<InboxSettings.DayPatch> days = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isObject()) {
                    throw Errors.error(422, "Invalid parameter working_hours: expected an array of objects");
                }
                Params day = new Params((ObjectNode) item);
                Long dayOfWeek = day.integer("day_of_week");
                if (dayOfWeek == null || dayOfWeek < 0 || dayOfWeek > 6) {
                    throw Errors.error(422, "Invalid parameter working_hours: day_of_week must be 0 to 6");
                }
                days.add(new InboxSettings.DayPatch(dayOfWeek.intValue(), bool(day, "closed_all_day"),
                        integer(day, "open_hour"), integer(day, "open_minutes"), integer(day, "close_hour"),
                        integer(day, "close_minutes"), bool(day, "open_all_day")));
            }
            return days;
        });
    }

    private static Change<Integer> integer(Params p, String key) {
        return given(p, key, k -> intOrNull(p, k));
    }

    /** An hour or minute; values beyond int range stay out of range (and fail the row's validation). */
    private static Integer intOrNull(Params p, String key) {
        Long value = p.integer(key);
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
