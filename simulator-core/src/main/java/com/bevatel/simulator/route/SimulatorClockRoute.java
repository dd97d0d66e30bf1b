package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.time.SimulatedClock;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The simulated clock over HTTP: {@code GET /_simulator/clock} →
 * {@code {"now":"2026-01-01T00:00:03Z","unix":1767225603}}; {@code POST} with one of
 * {@code {"advance_seconds": 3600}}, {@code {"advance": "PT1H"}} (ISO-8601 duration) or
 * {@code {"now": "2026-01-02T09:00:00Z"}} moves it (forward only for the advance forms) and
 * answers the same shape.
 */
final class SimulatorClockRoute {
    private static final String PATH = "/_simulator/clock";

    private SimulatorClockRoute() {
    }

    public static void register(Router router) {
        router.get(PATH, request -> Response.ok(body(router.store().read(state -> state.clock().now()))));
        router.post(PATH, request -> {
            Params p = request.params();
            try {
                return Response.ok(body(move(router, p)));
            } catch (IllegalArgumentException e) {
                throw Errors.error(422, e.getMessage());
            }
        });
    }

    /** The clock's new reading; an instant outside {@link SimulatedClock}'s range is an IllegalArgumentException. */
    private static Instant move(Router router, Params p) {
        if (p.present("advance_seconds")) {
            return advance(router, Duration.ofSeconds(nonNegative(p.integer("advance_seconds"))));
        }
        if (p.present("advance")) {
            return advance(router, duration(p.string("advance")));
        }
        if (p.present("now")) {
            Instant target = instant(p.string("now"));
            return router.store().exclusive(state -> {
                state.clock().set(target);
                return state.clock().now();
            });
        }
        throw Errors.error(422, "give advance_seconds, advance (ISO-8601 duration) or now (ISO-8601 instant)");
    }

    private static Instant advance(Router router, Duration duration) {
        return router.store().exclusive(state -> state.clock().advance(duration));
    }

    private static long nonNegative(Long seconds) {
        if (seconds < 0) {
            throw Errors.error(422, "the simulated clock only moves forward: advance_seconds must not be negative");
        }
        return seconds;
    }

    private static Duration duration(String text) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative()) {
                throw Errors.error(422, "the simulated clock only moves forward: " + text);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw Errors.error(422, "advance must be an ISO-8601 duration such as PT1H: " + text);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Errors.error(422, "now must be an ISO-8601 instant such as 2026-01-02T09:00:00Z: " + text);
        }
    }

    private static ObjectNode body(Instant now) {
        ObjectNode body = Json.object();
        body.put("now", now.toString());
        body.put("unix", now.getEpochSecond());
        return body;
    }
}
