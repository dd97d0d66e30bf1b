package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A value an update sets, possibly to null. A {@code null} Change means "not given": the
 * attribute keeps its value (Rails only assigns the parameters that were sent).
 */
@API(status = INTERNAL)
public record Change<T>(T value) {
    public static <T> Change<T> of(T value) {
        return new Change<>(value);
    }

    public static <T> T apply(Change<T> change, T current) {
        return change == null ? current : change.value();
    }
}
