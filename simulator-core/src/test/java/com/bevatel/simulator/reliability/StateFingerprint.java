package com.bevatel.simulator.reliability;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.seed.SeededRandom;
import com.bevatel.simulator.state.RowSet;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Table;
import com.bevatel.simulator.time.SimulatedClock;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a rejected request must leave as it was, as one canonical text: every table's rows and
 * every membership (records print all their fields, JSON attribute bags included, so an in-place
 * change of a stored node shows too), every index and child list, the id counters, the generator and
 * the clock.
 * Found by reflection over {@link State}'s fields, so a table added later is covered without
 * touching this class.
 */
final class StateFingerprint {
    private static final Field[] FIELDS = Arrays.stream(State.class.getDeclaredFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .sorted(Comparator.comparing(Field::getName))
            .peek(f -> f.setAccessible(true))
            .toArray(Field[]::new);

    private StateFingerprint() {
    }

    static String of(BevatelSimulator sim) {
        return SimulatorAccess.store(sim).read(StateFingerprint::of);
    }

    static String of(State state) {
        StringBuilder out = new StringBuilder();
        for (Field field : FIELDS) {
            Object value;
            try {
                value = field.get(state);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            String rendered = render(value);
            if (rendered != null) {
                out.append(field.getName()).append(": ").append(rendered).append('\n');
            }
        }
        return out.toString();
    }

    /** The field's content as text; null for what is not state (the undo log, settings). */
    private static String render(Object value) {
        if (value instanceof Table<?> table) {
            StringBuilder rows = new StringBuilder();
            table.all().forEach(row -> rows.append("\n  ").append(row));
            return rows.toString();
        }
        if (value instanceof RowSet<?> set) {
            StringBuilder rows = new StringBuilder();
            set.all().forEach(row -> rows.append("\n  ").append(row));
            return rows.toString();
        }
        if (value instanceof SeededRandom random) {
            return Long.toString(random.snapshot());
        }
        if (value instanceof SimulatedClock clock) {
            return clock.now().toString();
        }
        if (value instanceof long[] counters) {
            return Arrays.toString(counters);
        }
        if (value instanceof Map<?, ?> map) {
            return sorted(map);
        }
        String type = value == null ? "" : value.getClass().getSimpleName();
        if (type.equals("Index") || type.equals("Children")) {
            return sorted(onlyMap(value));
        }
        return null;
    }

    /** The one map an Index or Children keeps its entries in. */
    private static Map<?, ?> onlyMap(Object holder) {
        for (Field field : holder.getClass().getDeclaredFields()) {
            if (Map.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                try {
                    return (Map<?, ?>) field.get(holder);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("no map in " + holder.getClass());
    }

    private static String sorted(Map<?, ?> map) {
        Map<String, String> canonical = new TreeMap<>();
        map.forEach((key, value) -> canonical.put(String.valueOf(key), String.valueOf(value)));
        return canonical.toString();
    }
}
