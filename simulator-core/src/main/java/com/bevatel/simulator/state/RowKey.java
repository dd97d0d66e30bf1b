package com.bevatel.simulator.state;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What an {@link Index} finds a row by, derived from the row's fields. {@link #of} builds the key,
 * or null when the row has none (a contact without an email). {@link #same} tells whether an update
 * left the fields the key is built from alone: it is asked on every write of the row (a conversation
 * is written on every message), so it compares fields and builds no key.
 */
abstract class RowKey<R, K> {
    /** A key made of a parent id (an account, an inbox) and a text unique within it. */
    @FunctionalInterface
    interface TextWithin<K> {
        K of(long parent, String text);
    }

    /** A key made of a parent id and a number unique within it. */
    @FunctionalInterface
    interface NumberWithin<K> {
        K of(long parent, long number);
    }

    abstract K of(R row);

    abstract boolean same(R before, R after);

    /** The text field as stored (a token, an identifier); a row whose field is null has no key. */
    static <R> RowKey<R, String> text(Function<R, String> field) {
        return new RowKey<>() {
            @Override
            String of(R row) {
                return field.apply(row);
            }

            @Override
            boolean same(R before, R after) {
                return Objects.equals(field.apply(before), field.apply(after));
            }
        };
    }

    /** A text field within a parent; a row whose field is null has no key. */
    static <R, K> RowKey<R, K> textWithin(ToLongFunction<R> parent, Function<R, String> field, TextWithin<K> key) {
        return new RowKey<>() {
            @Override
            K of(R row) {
                String text = field.apply(row);
                return text == null ? null : key.of(parent.applyAsLong(row), text);
            }

            @Override
            boolean same(R before, R after) {
                return parent.applyAsLong(before) == parent.applyAsLong(after)
                        && Objects.equals(field.apply(before), field.apply(after));
            }
        };
    }

    /** A number within a parent; every row has one. */
    static <R, K> RowKey<R, K> numberWithin(ToLongFunction<R> parent, ToLongFunction<R> number, NumberWithin<K> key) {
        return new RowKey<>() {
            @Override
            K of(R row) {
                return key.of(parent.applyAsLong(row), number.applyAsLong(row));
            }

            @Override
            boolean same(R before, R after) {
                return parent.applyAsLong(before) == parent.applyAsLong(after)
                        && number.applyAsLong(before) == number.applyAsLong(after);
            }
        };
    }
}
