package com.bevatel.simulator.domain;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.AttributeDisplayType;
import com.bevatel.simulator.model.CustomAttributeDefinition;
import com.bevatel.simulator.model.WireEnum;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A filter row on a custom attribute (app/services/filters/custom_attribute_filter_helper.rb and
 * app/services/filter_service.rb): the key must be defined for the entity's model in the account, and
 * the definition's {@code attribute_display_type} says how values compare — as Postgres compares
 * {@code (custom_attributes ->> key)::type}: text, link and list as lower-cased text, number as numeric,
 * date as date, checkbox as boolean.
 *
 * <p>Where Chatwoot's query fails in the database (500) — currency and percent attributes (no SQL type),
 * {@code contains} on a number, date or checkbox, a {@code not_equal_to} row that is not the last
 * ({@code … AND  OR … IS NULL}), a value or a stored value the type cannot take — the filter answers
 * 422 naming it. Those found while building the query wait for the rows after them, as Chatwoot's
 * 422s come while it builds the query and the database fails only when it runs; stored values fail
 * when a row is compared.
 */
final class CustomAttributeFilter {
    private static final String CHATWOOT_500 = " (Chatwoot's database query fails there: 500)";

    /** The Postgres type of {@code (custom_attributes ->> key)::…} (FilterService::ATTRIBUTE_TYPES). */
    enum Cast { TEXT, NUMERIC, DATE, BOOLEAN, NONE }

    /** A row's predicate, and for {@code not_equal_to} the {@code OR … IS NULL} Chatwoot appends after it. */
    record Compiled<R>(Predicate<R> test, Predicate<R> orIsNull) {
    }

    private CustomAttributeFilter() {
    }

    static Cast cast(AttributeDisplayType type) {
        return switch (type) {
            case TEXT, LINK, LIST -> Cast.TEXT;
            case NUMBER -> Cast.NUMERIC;
            case DATE -> Cast.DATE;
            case CHECKBOX -> Cast.BOOLEAN;
            case CURRENCY, PERCENT -> Cast.NONE;
        };
    }

    /**
     * @param deferred where a database failure found while building goes (the first is answered after
     *                 every row was built)
     */
    static <R> Compiled<R> compile(Filters.Condition c, boolean last, List<String> standardKeys, Filters.Custom<R> custom,
                                   List<ApiException> deferred) {
        String key = c.attributeKey();
        String op = c.operator() == null ? "" : c.operator();
        Optional<CustomAttributeDefinition> definition = custom.definitions().apply(key);
        Cast cast = definition.map(d -> cast(d.attributeDisplayType())).orElse(null);
        // filter_operation runs before the key is looked up: a comparison needs a date or number type.
        LocalDate dateBound = null;
        BigDecimal numberBound = null;
        if (Filters.COMPARISON.contains(op)) {
            if (cast == Cast.DATE) {
                dateBound = Filters.comparisonDate(c, custom.now());
            } else if (cast == Cast.NUMERIC && !"days_before".equals(op)) {
                numberBound = finite(c, Filters.first(c.values()));
            } else {
                throw Filters.invalidValue(c.attributeKey());
            }
        }
        if (definition.isEmpty()) {
            throw Errors.error(422, "Invalid attribute key - [" + Objects.toString(key, "") + "]. The key should be one of ["
                    + String.join(",", standardKeys) + "] or a custom attribute defined in the account.");
        }
        // validate_custom_attribute_values!: every value of a date or number row must be one.
        if ((cast == Cast.DATE || cast == Cast.NUMERIC) && !Filters.PRESENCE.contains(op)
                && !(cast == Cast.DATE && "days_before".equals(op))) {
            for (JsonNode value : each(c.values())) {
                if (cast == Cast.DATE ? Filters.isoDate(Filters.text(value)) == null : finite(c, value) == null) {
                    throw Filters.invalidValue(c.attributeKey());
                }
            }
        }
        if (cast == Cast.NONE) {
            deferred.add(Errors.error(422, "Cannot filter on the " + WireEnum.name(definition.get().attributeDisplayType())
                    + " custom attribute " + key + ": Chatwoot's filter has no SQL type for currency and percent"
                    + " attributes" + CHATWOOT_500));
        }
        Typed<R> stored = new Typed<>(custom, key, cast, definition.get().attributeDisplayType());
        Predicate<R> test = switch (op) {
            case "is_present" -> r -> stored.of(r) != null;
            case "is_not_present" -> r -> stored.of(r) == null;
            case "is_greater_than", "is_less_than", "days_before" -> comparison(stored, op, dateBound, numberBound);
            case "contains", "does_not_contain" -> contains(c, stored, "contains".equals(op), deferred);
            case "equal_to", "not_equal_to" -> equality(c, stored, "equal_to".equals(op),
                    literals(c, custom.equalityTakesAllValues()), deferred);
            // Any other operator: "= value", the value as text (filter_values(query_hash).to_s).
            default -> equality(c, stored, true, List.of(Json.NODES.textNode(Objects.toString(
                    lowerIfText(Filters.first(c.values())), ""))), deferred);
        };
        if (!"not_equal_to".equals(op)) {
            return new Compiled<>(test, null);
        }
        if (!last) {
            deferred.add(Errors.error(422, "not_equal_to on the custom attribute " + key + " works in the last row only:"
                    + " elsewhere Chatwoot appends \"OR … IS NULL\" after the row's query operator" + CHATWOOT_500));
        }
        return new Compiled<>(test, r -> stored.of(r) == null);
    }

    private static <R> Predicate<R> comparison(Typed<R> stored, String op, LocalDate date, BigDecimal number) {
        boolean greater = "is_greater_than".equals(op);
        return r -> {
            Object value = stored.of(r);
            if (value == null) {
                return false;
            }
            int order = date != null ? ((LocalDate) value).compareTo(date) : ((BigDecimal) value).compareTo(number);
            return greater ? order > 0 : order < 0;
        };
    }

    /** {@code ILIKE ANY (ARRAY['%v%'])} / {@code NOT ILIKE ALL (…)} of each value stripped; text only. */
    private static <R> Predicate<R> contains(Filters.Condition c, Typed<R> stored, boolean any, List<ApiException> deferred) {
        List<Pattern> patterns = new ArrayList<>();
        for (JsonNode value : each(c.values())) {
            if (!value.isTextual()) {
                deferred.add(Filters.invalidValue(c.attributeKey()));
                return r -> false;
            }
            patterns.add(ilike("%" + value.asText().strip() + "%"));
        }
        if (stored.cast != Cast.TEXT && stored.cast != Cast.NONE) {
            deferred.add(Errors.error(422, "Invalid operator. " + c.operator() + " compares text, and the custom attribute "
                    + c.attributeKey() + " is a " + WireEnum.name(stored.type) + CHATWOOT_500));
        }
        return r -> {
            Object value = stored.of(r);
            if (value == null) {
                return false;
            }
            boolean matches = patterns.stream().anyMatch(p -> p.matcher((String) value).matches());
            return any == matches;
        };
    }

    /**
     * The values as filter_values passes them: one value, lower-cased, when the first is a string; else
     * all of them as given ({@code IN (…)} of conversations) or the first ({@code =} of contacts).
     */
    private static List<JsonNode> literals(Filters.Condition c, boolean allValues) {
        JsonNode first = Filters.first(c.values());
        if (first != null && first.isTextual()) {
            return List.of(Json.NODES.textNode(lowerIfText(first)));
        }
        if (allValues) {
            return each(c.values());
        }
        List<JsonNode> one = new ArrayList<>();
        one.add(first);
        return one;
    }

    private static String lowerIfText(JsonNode value) {
        return value == null || value.isNull() ? null
                : value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : Filters.text(value);
    }

    /**
     * {@code IN}/{@code NOT IN} (conversations), {@code =}/{@code !=} (contacts): Postgres casts a string
     * to the attribute's type; a number or a boolean compares only with its own type; NULL matches nothing.
     */
    private static <R> Predicate<R> equality(Filters.Condition c, Typed<R> stored, boolean equal, List<JsonNode> literals,
                                             List<ApiException> deferred) {
        List<Object> wanted = new ArrayList<>();
        boolean anyNull = false;
        for (JsonNode literal : literals) {
            if (literal == null || literal.isNull()) {
                anyNull = true;
                continue;
            }
            Object typed = stored.literal(literal);
            if (typed == null) {
                deferred.add(Filters.invalidValue(c.attributeKey()));
                return r -> false;
            }
            wanted.add(typed);
        }
        boolean nullGiven = anyNull;
        return r -> {
            Object value = stored.of(r);
            if (value == null) {
                return false;
            }
            boolean found = wanted.stream().anyMatch(w -> same(w, value));
            // x NOT IN (…, NULL) is never true.
            return equal ? found : !found && !nullGiven;
        };
    }

    private static boolean same(Object wanted, Object value) {
        return wanted instanceof BigDecimal w ? w.compareTo((BigDecimal) value) == 0 : wanted.equals(value);
    }

    /** Ruby's {@code Array(values)}: an array's items, a single value alone, nothing for null. */
    private static List<JsonNode> each(JsonNode values) {
        List<JsonNode> out = new ArrayList<>();
        if (values == null || values.isNull()) {
            return out;
        }
        if (values.isArray()) {
            values.forEach(out::add);
        } else {
            out.add(values);
        }
        return out;
    }

    /** {@code BigDecimal(value.to_s)}, finite: null when it is not one. */
    private static BigDecimal finite(Filters.Condition c, JsonNode value) {
        BigDecimal number = Filters.number(Filters.text(value));
        if (number == null && Filters.COMPARISON.contains(c.operator())) {
            throw Filters.invalidValue(c.attributeKey());
        }
        return number;
    }

    /** A LIKE pattern as a case-insensitive regex: {@code %} any run, {@code _} one character, {@code \} escapes. */
    static Pattern ilike(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (ch == '%') {
                regex.append(".*");
            } else if (ch == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** A record's value under the key, cast as Postgres would: null when absent; 422 when it cannot be cast. */
    private record Typed<R>(Filters.Custom<R> custom, String key, Cast cast, AttributeDisplayType type) {
        Object of(R row) {
            JsonNode node = custom.attributes().apply(row).get(key);
            if (node == null || node.isNull()) {
                return null;
            }
            String text = node.isTextual() ? node.asText() : node.toString();
            Object typed = switch (cast) {
                case TEXT -> text.toLowerCase(Locale.ROOT);
                case NUMERIC -> Filters.number(text);
                case DATE -> Filters.isoDate(text);
                case BOOLEAN -> Filters.postgresBoolean(Json.NODES.textNode(text));
                case NONE -> text;
            };
            if (typed == null) {
                throw Errors.error(422, custom.describe().apply(row) + " has " + key + " " + node + ", which is not a "
                        + WireEnum.name(type) + " value, as the custom attribute's definition says" + CHATWOOT_500);
            }
            return typed;
        }

        /** A string literal cast to the type, a number for numeric, a boolean for boolean; null when Postgres refuses. */
        Object literal(JsonNode literal) {
            if (literal.isTextual()) {
                String text = literal.asText();
                return switch (cast) {
                    case TEXT, NONE -> text;
                    case NUMERIC -> Filters.number(text);
                    case DATE -> Filters.isoDate(text);
                    case BOOLEAN -> Filters.postgresBoolean(literal);
                };
            }
            if (literal.isNumber() && cast == Cast.NUMERIC) {
                return literal.decimalValue();
            }
            return literal.isBoolean() && cast == Cast.BOOLEAN ? literal.booleanValue() : null;
        }
    }
}
