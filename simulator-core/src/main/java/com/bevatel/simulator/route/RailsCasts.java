package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.model.WireEnum;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/** Values cast as Rails casts request parameters into model attributes. */
final class RailsCasts {
    /** An integer no record has: what a value beyond Ruby's reach of our ids casts to. */
    static final long NO_RECORD = Long.MIN_VALUE;

    private RailsCasts() {
    }

    /**
     * ActiveModel's integer cast: a number truncated, true 1 and false 0, a blank string null, any
     * other string by Ruby's {@code String#to_i} (leading digits, else 0: "7abc" is 7, "abc" 0).
     * Values beyond a long are {@link #NO_RECORD}. Objects and arrays are a 422.
     */
    static Long integer(String name, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? 1L : 0L;
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : truncated(node);
        }
        if (node.isTextual()) {
            return node.asText().isBlank() ? null : toI(node.asText());
        }
        throw Errors.error(422, "Invalid parameter " + name + ": expected an array of integers");
    }

    private static long truncated(JsonNode number) {
        try {
            return number.decimalValue().toBigInteger().longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return NO_RECORD;
        }
    }

    /** Ruby's {@code String#to_i}: white space, a sign, digits (single underscores between them); 0 when none. */
    private static long toI(String text) {
        int at = 0;
        while (at < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        boolean negative = false;
        if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
            negative = text.charAt(at) == '-';
            at++;
        }
        StringBuilder digits = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!(c == '_' && digits.length() > 0 && at + 1 < text.length()
                    && Character.isDigit(text.charAt(at + 1)) && text.charAt(at + 1) < 128)) {
                break;
            }
            at++;
        }
        if (digits.length() == 0) {
            return 0;
        }
        BigInteger value = new BigInteger(digits.toString());
        return value.bitLength() < 64 ? (negative ? -value.longValue() : value.longValue()) : NO_RECORD;
    }

    /**
     * A Rails integer enum assigned from a parameter: its name, or its integer value; blank or absent is
     * null (not given). Anything else is a 422 (Chatwoot: an unrescued ArgumentError, a 500).
     */
    static <E extends Enum<E>> E enumValue(String name, JsonNode node, Class<E> type) {
        if (node == null || node.isNull()) {
            return null;
        }
        E[] constants = type.getEnumConstants();
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0 && node.intValue() < constants.length) {
            return constants[node.intValue()];
        }
        if (!node.isValueNode()) {
            throw Errors.error(422, "Invalid parameter " + name + ": expected a string");
        }
        String text = node.asText();
        if (text.isBlank()) {
            return null;
        }
        return WireEnum.parse(type, text).orElseThrow(() -> Errors.error(422, "'" + text + "' is not a valid " + name));
    }
}
