package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.CustomAttributeDefinition;
import com.bevatel.simulator.model.JsonBag;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The advanced filter of {@code POST /contacts/filter} and {@code /conversations/filter} (Chatwoot's
 * app/services/filter_service.rb): a list of conditions joined by AND/OR (AND binding tighter, as in
 * the SQL Chatwoot builds), validated in Chatwoot's order with its 422 messages. Values compare the
 * way Postgres would: a missing (NULL) value matches nothing but {@code is_not_present}.
 */
@API(status = INTERNAL)
public final class Filters {
    static final Set<String> PRESENCE = Set.of("is_present", "is_not_present");
    static final Set<String> COMPARISON = Set.of("is_greater_than", "is_less_than", "days_before");

    private Filters() {
    }

    /** One row of {@code payload}. */
    public record Condition(String attributeKey, String operator, JsonNode values, String queryOperator) {
    }

    /** A standard key of Chatwoot's filter_keys.yml. */
    record Key(String name, String type, List<String> operators) {
    }

    /** {@code payload} must be an array of objects; Chatwoot fails with 500 otherwise, we say which. */
    public static List<Condition> parse(JsonNode payload) {
        if (payload == null || !payload.isArray()) {
            throw Errors.paramMissing("payload");
        }
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode row : payload) {
            if (!row.isObject()) {
                throw Errors.error(422, "Invalid parameter payload: expected an array of objects");
            }
            conditions.add(new Condition(text(row.get("attribute_key")), text(row.get("filter_operator")),
                    row.get("values"), text(row.get("query_operator"))));
        }
        return conditions;
    }

    /**
     * What a filter's custom attribute keys resolve against (custom_attribute_query of
     * app/services/filters/custom_attribute_filter_helper.rb).
     *
     * @param definitions            the account's definition of a key for the entity's model
     * @param attributes             a record's {@code custom_attributes}
     * @param describe               a record as an error message names it ("contact 4")
     * @param equalityTakesAllValues {@code IN (values)} (conversations) rather than {@code = values[0]} (contacts)
     * @param now                    the simulated time (for {@code days_before})
     */
    record Custom<R>(Function<String, Optional<CustomAttributeDefinition>> definitions, Function<R, JsonBag> attributes,
                     Function<R, String> describe, boolean equalityTakesAllValues, Instant now) {
    }

    /**
     * Validates every row in Chatwoot's order (query operators of all rows first, then per row the
     * operator, the values, the key) and compiles them into one predicate.
     *
     * @param keys     the standard keys, in filter_keys.yml order (named in the error message)
     * @param custom   what the other keys are looked up in (see {@link CustomAttributeFilter})
     * @param standard the predicate of one (valid) row on a standard key, told whether a custom attribute's
     *                 row came before it (Chatwoot's filter then keeps {@code @custom_attribute_type} set,
     *                 which changes how conversations' equality rows read their values)
     */
    static <R> Predicate<R> compile(List<Condition> conditions, Map<String, Key> keys, Custom<R> custom,
                                    BiFunction<Condition, Boolean, Predicate<R>> standard) {
        for (int i = 0; i < conditions.size(); i++) {
            String op = conditions.get(i).queryOperator();
            boolean blank = op == null || op.isEmpty();
            boolean last = i == conditions.size() - 1;
            if (!blank && !List.of("AND", "OR").contains(op.toUpperCase(Locale.ROOT))) {
                throw invalidQueryOperator();
            }
            // Chatwoot only rejects a trailing operator; a missing one between rows is broken SQL (500) there.
            if (last != blank) {
                throw invalidQueryOperator();
            }
        }
        List<List<Predicate<R>>> orGroups = new ArrayList<>();
        List<Predicate<R>> andChain = new ArrayList<>();
        List<ApiException> deferred = new ArrayList<>();
        Predicate<R> orIsNull = null;
        boolean afterCustom = false;
        List<String> standardKeys = List.copyOf(keys.keySet());
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            Key key = validate(condition, keys);
            if (key != null) {
                andChain.add(standard.apply(condition, afterCustom));
            } else {
                afterCustom = true;
                boolean last = i == conditions.size() - 1;
                CustomAttributeFilter.Compiled<R> compiled = CustomAttributeFilter.compile(condition, last, standardKeys,
                        custom, deferred);
                andChain.add(compiled.test());
                orIsNull = last ? compiled.orIsNull() : null;
            }
            String op = condition.queryOperator();
            if (op != null && op.equalsIgnoreCase("OR")) {
                orGroups.add(andChain);
                andChain = new ArrayList<>();
            }
        }
        orGroups.add(andChain);
        if (orIsNull != null) {
            // The last row's "OR … IS NULL" (not_equal_to on a custom attribute) joins the whole query.
            orGroups.add(List.of(orIsNull));
        }
        if (!deferred.isEmpty()) {
            throw deferred.get(0);
        }
        List<List<Predicate<R>>> groups = List.copyOf(orGroups);
        return record -> groups.stream().anyMatch(chain -> !chain.isEmpty()
                && chain.stream().allMatch(p -> p.test(record)));
    }

    /** The operator of a standard key, then (any key) the values; the standard key, or null for a custom one. */
    private static Key validate(Condition c, Map<String, Key> keys) {
        Key key = c.attributeKey() == null ? null : keys.get(c.attributeKey());
        if (key != null && !key.operators().contains(c.operator())) {
            throw Errors.error(422, "Invalid operator. The allowed operators for " + c.attributeKey() + " are ["
                    + String.join(",", key.operators()) + "].");
        }
        if (!PRESENCE.contains(c.operator()) && blank(c.values())) {
            throw invalidValue(c.attributeKey());
        }
        return key;
    }

    static ApiException invalidValue(String attribute) {
        return Errors.error(422, "Invalid value. The values provided for " + Objects.toString(attribute, "") + " are invalid");
    }

    private static ApiException invalidQueryOperator() {
        return Errors.error(422, "Query operator must be either \"AND\" or \"OR\".");
    }

    /** Rails' {@code blank?}: null, empty array, empty or whitespace string. */
    static boolean blank(JsonNode values) {
        if (values == null || values.isNull()) {
            return true;
        }
        if (values.isArray() || values.isObject()) {
            return values.isEmpty();
        }
        return values.isTextual() && values.asText().isBlank();
    }

    /** {@code values[0]} (or the value itself when not an array). */
    static JsonNode first(JsonNode values) {
        if (values == null) {
            return null;
        }
        return values.isArray() ? (values.isEmpty() ? null : values.get(0)) : values;
    }

    /** Every value as text (arrays element-wise), nulls dropped. */
    static List<String> all(JsonNode values) {
        List<String> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        if (values.isArray()) {
            values.forEach(v -> {
                if (!v.isNull()) {
                    out.add(text(v));
                }
            });
        } else if (!values.isNull()) {
            out.add(text(values));
        }
        return out;
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** {@code ILIKE ANY (ARRAY['%v%'…])} with the values stripped; a NULL column matches nothing. */
    static boolean containsAny(String column, List<String> values) {
        if (column == null) {
            return false;
        }
        String haystack = column.toLowerCase(Locale.ROOT);
        return values.stream().anyMatch(v -> haystack.contains(v.strip().toLowerCase(Locale.ROOT)));
    }

    /** {@code NOT ILIKE ALL (…)}: matches none of the values; a NULL column matches nothing. */
    static boolean containsNone(String column, List<String> values) {
        return column != null && !containsAny(column, values);
    }

    /**
     * The date of {@code is_greater_than}/{@code is_less_than} ({@code Date.iso8601}), or for
     * {@code days_before} today (simulated, UTC) minus 1..998 days; anything else is invalid.
     */
    static LocalDate comparisonDate(Condition c, Instant now) {
        JsonNode value = first(c.values());
        if ("days_before".equals(c.operator())) {
            String text = text(value);
            try {
                int days = Integer.parseInt(text == null ? "" : text.strip());
                if (days < 1 || days > 998) {
                    throw invalidValue(c.attributeKey());
                }
                return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days);
            } catch (NumberFormatException e) {
                throw invalidValue(c.attributeKey());
            }
        }
        LocalDate date = isoDate(text(value));
        if (date == null) {
            throw invalidValue(c.attributeKey());
        }
        return date;
    }

    /** {@code (column)::date > date} or {@code <} (days_before is "less than"). */
    static boolean compareDate(Instant column, String operator, LocalDate date) {
        if (column == null) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(column, ZoneOffset.UTC);
        return "is_greater_than".equals(operator) ? day.isAfter(date) : day.isBefore(date);
    }

    /** A date in ISO 8601 form (a date-time's date part also counts), or null. */
    static LocalDate isoDate(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        try {
            if (s.length() > 10 && (s.charAt(10) == 'T' || s.charAt(10) == ' ')) {
                s = s.substring(0, 10);
            }
            if (s.matches("\\d{8}")) {
                s = s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6);
            }
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A number for comparisons, or null. */
    static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A Postgres boolean literal ({@code t/true/y/yes/on/1}, their opposites, and prefixes), or null. */
    static Boolean postgresBoolean(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        // boolin: trimmed, any case, a prefix of true/false/yes/no, "on", "of"/"off", "1", "0".
        String s = node.asText().strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("on") || s.equals("1")) {
            return Boolean.TRUE;
        }
        if ("false".startsWith(s) || "no".startsWith(s) || s.equals("of") || s.equals("off") || s.equals("0")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
