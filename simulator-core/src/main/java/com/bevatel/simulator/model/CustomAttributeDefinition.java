package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A custom attribute an account defines for its conversations or contacts
 * (app/models/custom_attribute_definition.rb): what the filters accept as a key besides the standard
 * ones, and how they compare its values. Its {@code default_value} column is not in the record: no
 * API sets it, so it is always null.
 *
 * @param id                   its id
 * @param accountId            the account it belongs to
 * @param attributeDisplayName its label
 * @param attributeDisplayType how it is shown and compared
 * @param attributeDescription its description, or null
 * @param attributeKey         the key in a record's {@code custom_attributes}
 * @param regexPattern         the pattern the dashboard checks values against, or null (never compiled)
 * @param regexCue             the hint shown when a value does not match, or null
 * @param attributeValues      a list's options (JSON scalars: strings, booleans, longs, doubles, null)
 * @param attributeModel       conversations', contacts' or companies' attribute
 * @param createdAt            when it was created
 * @param updatedAt            when it last changed
 */
@API(status = INTERNAL)
public record CustomAttributeDefinition(long id, long accountId, String attributeDisplayName,
                                        AttributeDisplayType attributeDisplayType, String attributeDescription,
                                        String attributeKey, String regexPattern, String regexCue,
                                        List<Object> attributeValues, AttributeModel attributeModel,
                                        Instant createdAt, Instant updatedAt) {
    /**
     * The values as one kind per JSON scalar (so a saved and loaded state compares equal), in a list
     * nothing can change; null stays null (a state document's, which the loader refuses).
     */
    public CustomAttributeDefinition {
        if (attributeValues != null) {
            List<Object> scalars = new ArrayList<>();
            for (Object value : attributeValues) {
                scalars.add(scalar(value));
            }
            attributeValues = Collections.unmodifiableList(scalars);
        }
    }

    private static Object scalar(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        throw new IllegalArgumentException("attribute_values holds JSON scalars only, not " + value);
    }

    /**
     * Internal: for the simulator's update operations.
     *
     * @return a mutable copy
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy for the domain's update operations; {@code build()} freezes it again. */
    public static final class Builder {
        public String attributeDisplayName;
        public AttributeDisplayType attributeDisplayType;
        public String attributeDescription;
        public String attributeKey;
        public String regexPattern;
        public String regexCue;
        public List<Object> attributeValues;
        public AttributeModel attributeModel;
        public Instant updatedAt;
        private final CustomAttributeDefinition from;

        private Builder(CustomAttributeDefinition from) {
            this.from = from;
            attributeDisplayName = from.attributeDisplayName;
            attributeDisplayType = from.attributeDisplayType;
            attributeDescription = from.attributeDescription;
            attributeKey = from.attributeKey;
            regexPattern = from.regexPattern;
            regexCue = from.regexCue;
            attributeValues = from.attributeValues;
            attributeModel = from.attributeModel;
            updatedAt = from.updatedAt;
        }

        public CustomAttributeDefinition build() {
            return new CustomAttributeDefinition(from.id, from.accountId, attributeDisplayName, attributeDisplayType,
                    attributeDescription, attributeKey, regexPattern, regexCue, attributeValues, attributeModel,
                    from.createdAt, updatedAt);
        }
    }
}
