package com.bevatel.simulator.domain;

import com.bevatel.simulator.model.JsonBag;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Filter rows on custom attributes. Chatwoot accepts a key defined as a custom attribute of the
 * account; the simulator has no attribute definitions, so a key counts as defined when some record
 * of the account carries it. Values compare as lower-cased text; {@code is_greater_than} and
 * {@code is_less_than} compare numbers (or ISO dates), {@code not_equal_to} also matches a missing value.
 */
final class CustomAttributeFilter {
    private CustomAttributeFilter() {
    }

    static <R> Predicate<R> compile(Filters.Condition c, Function<R, JsonBag> attributes, Instant now) {
        String key = c.attributeKey();
        Function<R, String> value = r -> {
            JsonNode node = attributes.apply(r).get(key);
            return node == null || node.isNull() ? null : Filters.text(node);
        };
        String first = Filters.lower(Filters.text(Filters.first(c.values())));
        List<String> all = Filters.all(c.values());
        return switch (c.operator() == null ? "" : c.operator()) {
            case "not_equal_to" -> r -> value.apply(r) == null || !Filters.lower(value.apply(r)).equals(first);
            case "contains" -> r -> Filters.containsAny(value.apply(r), all);
            case "does_not_contain" -> r -> Filters.containsNone(value.apply(r), all);
            case "is_present" -> r -> value.apply(r) != null;
            case "is_not_present" -> r -> value.apply(r) == null;
            case "is_greater_than", "is_less_than", "days_before" -> comparison(c, value, now);
            default -> r -> value.apply(r) != null && Filters.lower(value.apply(r)).equals(first);
        };
    }

    private static <R> Predicate<R> comparison(Filters.Condition c, Function<R, String> value, Instant now) {
        boolean greater = "is_greater_than".equals(c.operator());
        BigDecimal bound = "days_before".equals(c.operator()) ? null : Filters.number(Filters.text(Filters.first(c.values())));
        if (bound != null) {
            return r -> {
                BigDecimal v = Filters.number(value.apply(r));
                return v != null && (greater ? v.compareTo(bound) > 0 : v.compareTo(bound) < 0);
            };
        }
        LocalDate date = Filters.comparisonDate(c, now);
        String operator = greater ? "is_greater_than" : "is_less_than";
        return r -> {
            LocalDate v = Filters.isoDate(value.apply(r));
            return v != null && Filters.compareDate(v.atStartOfDay(ZoneOffset.UTC).toInstant(), operator, date);
        };
    }
}
