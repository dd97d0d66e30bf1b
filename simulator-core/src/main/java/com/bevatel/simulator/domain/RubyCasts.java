package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** How Ruby and Rails read an id from a parameter, where Chatwoot takes it without a check. */
@API(status = INTERNAL)
public final class RubyCasts {
    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*([+-]?\\d{1,18})");

    private RubyCasts() {
    }

    /**
     * Ruby's {@code to_i} (and Rails' integer cast): numbers truncated, text by its leading digits
     * ({@code "12abc"} is 12), anything else 0 — which names no record.
     */
    public static long toI(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : 0;
        }
        if (value.isNumber()) {
            return (long) value.doubleValue();
        }
        return value.isTextual() ? toI(value.asText()) : 0;
    }

    public static long toI(String text) {
        Matcher m = LEADING_INTEGER.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
