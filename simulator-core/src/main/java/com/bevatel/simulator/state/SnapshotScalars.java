package com.bevatel.simulator.state;

import com.bevatel.simulator.time.SimulatedClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The single values of a state document — the clock, integers, id counters, ids written as keys —
 * each read within what the simulator reaches; one out of it is refused naming its entry.
 */
final class SnapshotScalars {
    private SnapshotScalars() {
    }

    /** The simulated clock's reading: within the range it can reach (it stops at its last instant). */
    static Instant clock(JsonNode doc) {
        Instant now;
        try {
            now = Instant.parse(doc.path("clock").asText(""));
        } catch (DateTimeParseException e) {
            throw new InvalidEntryException(InvalidEntryException.STATE, "/clock", "clock must be an ISO-8601 instant: " + doc.get("clock"));
        }
        if (now.isBefore(SimulatedClock.EARLIEST) || now.isAfter(SimulatedClock.LATEST)) {
            throw new InvalidEntryException(InvalidEntryException.STATE, "/clock", "clock " + now + " is outside the"
                    + " simulated clock's range, " + SimulatedClock.EARLIEST + " to " + SimulatedClock.LATEST);
        }
        return now;
    }

    static long number(String pointer, JsonNode node, String name) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidEntryException(InvalidEntryException.STATE, pointer, name + " must be an integer: " + node);
        }
        return node.longValue();
    }

    /** An id counter: the last id given, from which the next ones count up without overflowing. */
    static long counter(String pointer, JsonNode node, String name) {
        long value = number(pointer, node, name);
        if (value < 0) {
            throw new InvalidEntryException(InvalidEntryException.STATE, pointer, name + " must not be negative: " + value);
        }
        if (value > Sequence.MAX_ID) {
            throw new InvalidEntryException(InvalidEntryException.STATE, pointer, name + " " + value
                    + " is beyond " + Sequence.MAX_ID + ", the largest id the simulator gives");
        }
        return value;
    }

    static long parseId(String pointer, String text, String name) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidEntryException(InvalidEntryException.STATE, pointer, name + " must be an id: " + text);
        }
    }
}
