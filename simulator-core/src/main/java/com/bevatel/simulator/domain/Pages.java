package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/** Kaminari's {@code page(n).per(size)} over a list already in order. */
@API(status = INTERNAL)
public final class Pages {
    private Pages() {
    }

    /** Page {@code page} (from 1; absent or below 1: the first) of {@code size} items; past the end, none. */
    public static <T> List<T> of(List<T> all, Long page, int size) {
        long number = page == null || page < 1 ? 1 : Math.min(page, Integer.MAX_VALUE);
        int from = (int) Math.min(all.size(), (number - 1) * size);
        return List.copyOf(all.subList(from, Math.min(all.size(), from + size)));
    }
}
