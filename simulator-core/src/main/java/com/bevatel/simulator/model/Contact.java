package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.apiguardian.api.API;

/** A contact (end user) of one account. Attribute bags are never mutated once stored. */
@API(status = INTERNAL)
public record Contact(
        long id,
        long accountId,
        String name,
        String email,
        String phoneNumber,
        String identifier,
        boolean blocked,
        JsonBag additionalAttributes,
        JsonBag customAttributes,
        ContactType contactType,
        Instant lastActivityAt,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * The {@code location} column, which Contacts::SyncAttributes (app/services/contacts/sync_attributes.rb)
     * sets from {@code additional_attributes.city} on every save.
     */
    public String location() {
        return stringColumn(additionalAttributes.get("city"));
    }

    /** The {@code country_code} column: Contacts::SyncAttributes copies the country's name there. */
    public String countryCode() {
        return stringColumn(additionalAttributes.get("country"));
    }

    /** A JSON value stored in a string column, as Rails casts it: text as is, other values as their JSON text. */
    private static String stringColumn(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Listed by {@code GET /contacts}: has an email, a phone number or an identifier. */
    public boolean identified() {
        return notEmpty(email) || notEmpty(phoneNumber) || notEmpty(identifier);
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy for the domain's update operations; {@code build()} freezes it again. */
    public static final class Builder {
        public String name;
        public String email;
        public String phoneNumber;
        public String identifier;
        public boolean blocked;
        public JsonBag additionalAttributes;
        public JsonBag customAttributes;
        public ContactType contactType;
        public Instant lastActivityAt;
        public Instant updatedAt;
        private final Contact from;

        private Builder(Contact from) {
            this.from = from;
            name = from.name;
            email = from.email;
            phoneNumber = from.phoneNumber;
            identifier = from.identifier;
            blocked = from.blocked;
            additionalAttributes = from.additionalAttributes;
            customAttributes = from.customAttributes;
            contactType = from.contactType;
            lastActivityAt = from.lastActivityAt;
            updatedAt = from.updatedAt;
        }

        public Contact build() {
            return new Contact(from.id, from.accountId, name, email, phoneNumber, identifier, blocked, additionalAttributes, customAttributes, contactType, lastActivityAt, from.createdAt, updatedAt);
        }
    }
}
