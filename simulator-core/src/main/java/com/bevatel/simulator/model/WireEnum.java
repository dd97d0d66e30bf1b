package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Chatwoot's enums are Rails integer enums whose values start at 0 in declaration order and render
 * by name, so ours are plain Java enums in the same order: code = ordinal, name = lower case.
 */
@API(status = INTERNAL)
public final class WireEnum {
    private WireEnum() {
    }

    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static int code(Enum<?> value) {
        return value.ordinal();
    }

    /** The constant whose wire name is {@code wireName}, or empty (never throws). */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wireName) {
        for (E value : type.getEnumConstants()) {
            if (name(value).equals(wireName)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
