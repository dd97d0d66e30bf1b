package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.AttributeDisplayType;
import com.bevatel.simulator.model.AttributeModel;
import com.bevatel.simulator.model.CustomAttributeDefinition;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The custom attributes an account defines (app/models/custom_attribute_definition.rb,
 * app/controllers/api/v1/accounts/custom_attribute_definitions_controller.rb), with the model's
 * validations in the order Rails reports them. Nothing else follows a definition: deleting one leaves
 * the values records carry, and records' values are never checked against it; the filters read it.
 */
@API(status = INTERNAL)
public final class CustomAttributeDefinitions {
    /** {@code CustomAttributeDefinition::STANDARD_ATTRIBUTES}: keys a new definition may not take. */
    private static final Map<AttributeModel, List<String>> STANDARD_ATTRIBUTES = Map.of(
            AttributeModel.CONVERSATION_ATTRIBUTE, List.of("status", "priority", "assignee_id", "inbox_id", "team_id",
                    "display_id", "campaign_id", "labels", "browser_language", "country_code", "referer", "created_at",
                    "last_activity_at"),
            AttributeModel.CONTACT_ATTRIBUTE, List.of("name", "email", "phone_number", "identifier", "country_code",
                    "city", "company_name", "created_at", "last_activity_at", "referer", "blocked"),
            AttributeModel.COMPANY_ATTRIBUTE, List.of("name", "domain", "description", "contacts_count", "created_at",
                    "updated_at", "last_activity_at"));
    /** {@code format: { with: /\A[\p{L}\p{N}_.\-]+\z/ }}. */
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}_.\\-]+");
    /** What Ruby's {@code to_i} reads: white space, a sign, digits (single underscores between them). */
    private static final Pattern LEADING_INTEGER = Pattern.compile("\\A[ \\t\\n\\x0B\\f\\r]*([+-]?\\d+(?:_\\d+)*)");
    /** ApplicationRecord's generic limits for string and text columns without a length rule. */
    private static final int MAX_STRING = 255;
    private static final int MAX_TEXT = 20_000;

    private CustomAttributeDefinitions() {
    }

    /**
     * What a create or update assigns ({@code permitted_payload}); a null field is "not given".
     * {@code attributeValues} is null when not given (or not an array of scalars, which Rails' permit drops).
     */
    public record Fields(Change<String> displayName, Change<String> description, Change<AttributeDisplayType> displayType,
                         Change<String> key, Change<AttributeModel> model, Change<String> regexPattern,
                         Change<String> regexCue, List<Object> attributeValues) {
        /**
         * Fields defined at start (fixtures): the values given, a null one left at the column's default;
         * the model and the type by name.
         */
        public static Fields given(String displayName, String key, String model, String displayType, String description,
                                   List<String> attributeValues, String regexPattern, String regexCue) {
            return new Fields(Change.of(displayName), description == null ? null : Change.of(description),
                    displayType == null ? null : Change.of(parseEnum(AttributeDisplayType.class,
                            "attribute_display_type", Json.text(displayType))),
                    Change.of(key), model == null ? null : Change.of(parseEnum(AttributeModel.class, "attribute_model",
                            Json.text(model))), regexPattern == null ? null : Change.of(regexPattern),
                    regexCue == null ? null : Change.of(regexCue),
                    attributeValues == null ? null : new ArrayList<>(attributeValues));
        }
    }

    /** {@code create!}: the columns' defaults (text, conversation_attribute, no values) where nothing is given. */
    public static CustomAttributeDefinition create(Transaction tx, long accountId, Fields fields) {
        CustomAttributeDefinition blank = new CustomAttributeDefinition(tx.nextId(Sequence.CUSTOM_ATTRIBUTE_DEFINITION),
                accountId, null, AttributeDisplayType.TEXT, null, null, null, null, List.of(),
                AttributeModel.CONVERSATION_ATTRIBUTE, tx.now(), tx.now());
        CustomAttributeDefinition definition = validated(tx.state(), assign(blank, fields), true);
        tx.state().customAttributeDefinitions.put(definition);
        return definition;
    }

    /** {@code update!}: what is given; {@code updated_at} moves only when something changed. */
    public static CustomAttributeDefinition update(Transaction tx, CustomAttributeDefinition current, Fields fields) {
        CustomAttributeDefinition.Builder b = validated(tx.state(), assign(current, fields), false).toBuilder();
        if (!b.build().equals(current)) {
            b.updatedAt = tx.now();
            tx.state().customAttributeDefinitions.put(b.build());
        }
        return tx.state().customAttributeDefinitions.get(current.id());
    }

    /** {@code destroy!}: the definition only; records keep the values they carry under its key. */
    public static void destroy(Transaction tx, CustomAttributeDefinition definition) {
        tx.state().customAttributeDefinitions.remove(definition.id());
    }

    /** {@code Current.account.custom_attribute_definitions.find(id)}: 404 otherwise, whatever its model. */
    public static CustomAttributeDefinition find(State state, long accountId, long id) {
        return state.customAttributeDefinitions.find(id).filter(d -> d.accountId() == accountId)
                .orElseThrow(Errors::notFound);
    }

    /**
     * {@code index}: {@code with_attribute_model(params[:attribute_model])}, in id order. A blank (or
     * unpermitted, non-scalar) model lists all; otherwise Rails' enum serialises it for the WHERE (a
     * name, or an integer: {@code "1"} and {@code 1} are contact_attribute), and one that names no
     * model matches nothing.
     */
    public static List<CustomAttributeDefinition> list(State state, long accountId, JsonNode attributeModel) {
        Optional<Long> code = modelCode(attributeModel);
        return state.customAttributeDefinitions.all().stream()
                .filter(d -> d.accountId() == accountId
                        && code.map(c -> c == WireEnum.code(d.attributeModel())).orElse(true))
                .toList();
    }

    /** Empty: no condition; else the integer compared with the column (-1 when it can match nothing). */
    private static Optional<Long> modelCode(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()
                || (value.isTextual() && rubyBlank(value.asText()))) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue() ? 1L : 0L);
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue().longValue());
        }
        Optional<AttributeModel> named = WireEnum.parse(AttributeModel.class, value.asText());
        if (named.isPresent()) {
            return Optional.of((long) WireEnum.code(named.get()));
        }
        return Optional.of(rubyToI(value.asText()).orElse(-1L));
    }

    /**
     * Ruby's {@code to_i} of a string that starts like a number (white space, a sign, a digit), as
     * ActiveModel's integer type casts it; empty for any other string (no integer at all).
     */
    static Optional<Long> rubyToI(String s) {
        Matcher m = LEADING_INTEGER.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(m.group(1).replace("_", "")));
        } catch (NumberFormatException e) {
            return Optional.of(-1L); // beyond the column's range: Rails matches nothing
        }
    }

    /** What the filters look a key up by: {@code where(attribute_model:).find_by(attribute_key:)}. */
    public static Optional<CustomAttributeDefinition> byKey(State state, long accountId, AttributeModel model,
                                                            String key) {
        if (key == null) {
            return Optional.empty();
        }
        return state.definitionByKey.find(State.definitionKey(accountId, model, key))
                .map(state.customAttributeDefinitions::get);
    }

    /**
     * An enum column assigned from a parameter as Rails' enum type casts it: a name or a JSON integer
     * of the mapping; a blank value is null (then "can't be blank"). Anything else makes Rails raise
     * {@code ArgumentError}, unrescued (500): here a 422 saying so.
     */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String column, JsonNode value) {
        if (value == null || value.isNull() || (value.isTextual() && rubyBlank(value.asText()))) {
            return null;
        }
        E[] constants = type.getEnumConstants();
        if (value.isTextual()) {
            Optional<E> named = WireEnum.parse(type, value.asText());
            if (named.isPresent()) {
                return named.get();
            }
        } else if (value.isNumber()) {
            BigDecimal code = value.decimalValue();
            if (code.signum() >= 0 && code.compareTo(BigDecimal.valueOf(constants.length)) < 0
                    && code.stripTrailingZeros().scale() <= 0) {
                return constants[code.intValue()];
            }
        }
        throw Errors.error(422, "'" + (value.isValueNode() ? value.asText() : value.toString()) + "' is not a valid "
                + column);
    }

    private static CustomAttributeDefinition assign(CustomAttributeDefinition current, Fields f) {
        CustomAttributeDefinition.Builder b = current.toBuilder();
        b.attributeDisplayName = Change.apply(f.displayName(), b.attributeDisplayName);
        b.attributeDescription = Change.apply(f.description(), b.attributeDescription);
        b.attributeDisplayType = Change.apply(f.displayType(), b.attributeDisplayType);
        b.attributeKey = Change.apply(f.key(), b.attributeKey);
        b.attributeModel = Change.apply(f.model(), b.attributeModel);
        b.regexPattern = Change.apply(f.regexPattern(), b.regexPattern);
        b.regexCue = Change.apply(f.regexCue(), b.regexCue);
        if (f.attributeValues() != null) {
            b.attributeValues = f.attributeValues();
        }
        return b.build();
    }

    /**
     * The before_validation callbacks (the generic length check on the values as given, in column
     * order; then {@code normalize_attribute_fields} strips key and display name), then the
     * validations in declaration order, {@code attribute_must_not_conflict} on create only.
     *
     * @return the definition as saved (stripped)
     */
    private static CustomAttributeDefinition validated(State state, CustomAttributeDefinition raw, boolean create) {
        List<Errors.Violation> v = new ArrayList<>();
        tooLong(v, "attribute_display_name", "Attribute display name", raw.attributeDisplayName(), MAX_STRING);
        tooLong(v, "attribute_key", "Attribute key", raw.attributeKey(), MAX_STRING);
        tooLong(v, "attribute_description", "Attribute description", raw.attributeDescription(), MAX_TEXT);
        tooLong(v, "regex_pattern", "Regex pattern", raw.regexPattern(), MAX_STRING);
        tooLong(v, "regex_cue", "Regex cue", raw.regexCue(), MAX_STRING);
        CustomAttributeDefinition.Builder b = raw.toBuilder();
        b.attributeDisplayName = present(b.attributeDisplayName) ? rubyStrip(b.attributeDisplayName) : b.attributeDisplayName;
        b.attributeKey = present(b.attributeKey) ? rubyStrip(b.attributeKey) : b.attributeKey;
        CustomAttributeDefinition d = b.build();
        String key = d.attributeKey();
        if (!present(d.attributeDisplayName())) {
            v.add(new Errors.Violation("attribute_display_name", "Attribute display name can't be blank"));
        }
        if (!present(key)) {
            v.add(new Errors.Violation("attribute_key", "Attribute key can't be blank"));
        }
        if (d.attributeModel() != null && key != null) {
            Optional<CustomAttributeDefinition> other = byKey(state, d.accountId(), d.attributeModel(), key);
            if (other.isPresent() && other.get().id() != d.id()) {
                v.add(new Errors.Violation("attribute_key", "Attribute key has already been taken"));
            }
        }
        // The format check runs on a missing key too (nil.to_s is "", which does not match).
        if (key == null || !KEY.matcher(key).matches()) {
            v.add(new Errors.Violation("attribute_key",
                    "Attribute key must only contain letters, numbers, underscores, hyphens, and dots"));
        }
        if (d.attributeDisplayType() == null) {
            v.add(new Errors.Violation("attribute_display_type", "Attribute display type can't be blank"));
        }
        if (d.attributeModel() == null) {
            v.add(new Errors.Violation("attribute_model", "Attribute model can't be blank"));
        }
        if (create && d.attributeModel() != null && key != null && STANDARD_ATTRIBUTES.get(d.attributeModel()).contains(key)) {
            v.add(new Errors.Violation("attribute_key",
                    "Attribute key The provided key is not allowed as it might conflict with default attributes."));
        }
        if (!v.isEmpty()) {
            throw Errors.validation(v);
        }
        return d;
    }

    private static void tooLong(List<Errors.Violation> v, String attribute, String label, String value, int max) {
        if (value != null && value.length() > max) {
            v.add(new Errors.Violation(attribute, label + " is too long (maximum is " + max + " characters)"));
        }
    }

    /** Ruby's {@code present?} for a string: not null, not empty, not only white space. */
    static boolean present(String s) {
        return s != null && !rubyBlank(s);
    }

    /** Ruby's {@code blank?} for a string: empty or only white space. */
    static boolean rubyBlank(String s) {
        return s.chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** Ruby's {@code String#strip}: ASCII white space and NUL at both ends. */
    static String rubyStrip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && " \t\n\u000b\f\r\0".indexOf(s.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && " \t\n\u000b\f\r\0".indexOf(s.charAt(to - 1)) >= 0) {
            to--;
        }
        return s.substring(from, to);
    }
}
