package com.bevatel.simulator.state;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What derives from rows, checked against the rows: every index entry points at a live row whose key
 * is the entry's key and every row with a key is indexed; every child list lists exactly the rows
 * under that parent, ascending; the conversation lists and message tallies equal ones built afresh.
 * The indexes are found by reflection over {@link State}'s fields, so one added later is checked
 * without touching this class. It reads every row: a check for tests, not for serving requests.
 */
final class Invariants {
    private static final Field[] DERIVED = Arrays.stream(State.class.getFields())
            .filter(f -> f.getType() == Index.class || f.getType() == Children.class)
            .toArray(Field[]::new);

    private Invariants() {
    }

    /** Each entry that does not match the rows, as one line naming the index and the key. */
    static List<String> problems(State state) {
        List<String> problems = new ArrayList<>();
        for (Field field : DERIVED) {
            Object derived;
            try {
                derived = field.get(state);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (derived instanceof Index<?> index) {
                index.verify(field.getName(), problems);
            } else {
                ((Children) derived).verify(field.getName(), problems);
            }
        }
        state.conversationIndex.verify("conversationIndex", state.conversations.all(), problems);
        state.conversationMessages.verify("conversationMessages", state.messages.all(), problems);
        return problems;
    }
}
