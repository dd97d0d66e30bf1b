package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.AttributeModel;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * {@code POST /contacts/filter} (Chatwoot's app/services/contacts/filter_service.rb): only identified
 * contacts are searched, and — as Chatwoot's contact filter does — equality uses only the first
 * value, lower-cased (phone numbers normalized to "+digits").
 */
@API(status = INTERNAL)
public final class ContactFilter {
    private static final List<String> TEXT_OPS = List.of("equal_to", "not_equal_to", "contains", "does_not_contain");
    private static final List<String> EQUALITY = List.of("equal_to", "not_equal_to");
    private static final List<String> DATE_OPS = List.of("is_greater_than", "is_less_than", "days_before");
    private static final Map<String, Filters.Key> KEYS = new LinkedHashMap<>();

    static {
        key("name", "text_case_insensitive", TEXT_OPS);
        key("phone_number", "text", List.of("equal_to", "not_equal_to", "contains", "does_not_contain", "starts_with"));
        key("email", "text_case_insensitive", TEXT_OPS);
        key("identifier", "text_case_insensitive", EQUALITY);
        key("country_code", "additional", EQUALITY);
        key("city", "additional", TEXT_OPS);
        key("company_name", "additional", TEXT_OPS);
        key("labels", "labels", List.of("equal_to", "not_equal_to", "is_present", "is_not_present"));
        key("created_at", "date", DATE_OPS);
        key("last_activity_at", "date", DATE_OPS);
        key("blocked", "boolean", EQUALITY);
    }

    private ContactFilter() {
    }

    private static void key(String name, String type, List<String> operators) {
        KEYS.put(name, new Filters.Key(name, type, operators));
    }

    /** The identified contacts of the account matching {@code conditions}, in id order. */
    public static List<Contact> find(State state, long accountId, List<Filters.Condition> conditions, Instant now) {
        List<Contact> contacts = state.contacts.all().stream()
                .filter(c -> c.accountId() == accountId && c.identified()).toList();
        Filters.Custom<Contact> custom = new Filters.Custom<>(key -> CustomAttributeDefinitions.byKey(state, accountId,
                AttributeModel.CONTACT_ATTRIBUTE, key), Contact::customAttributes, c -> "Contact " + c.id(), false, now);
        Predicate<Contact> filter = Filters.compile(conditions, KEYS, custom, (c, afterCustom) -> compile(state, c, now));
        return contacts.stream().filter(filter).toList();
    }

    private static Predicate<Contact> compile(State state, Filters.Condition c, Instant now) {
        Filters.Key key = KEYS.get(c.attributeKey());
        String op = c.operator();
        return switch (key.type()) {
            case "date" -> {
                LocalDate date = Filters.comparisonDate(c, now);
                Function<Contact, Instant> column = "created_at".equals(key.name())
                        ? Contact::createdAt : Contact::lastActivityAt;
                yield contact -> Filters.compareDate(column.apply(contact), op, date);
            }
            case "labels" -> labels(state, c);
            case "boolean" -> {
                Boolean wanted = Filters.postgresBoolean(Filters.first(c.values()));
                if (wanted == null) {
                    throw Filters.invalidValue(c.attributeKey());
                }
                yield contact -> "equal_to".equals(op) == (contact.blocked() == wanted);
            }
            default -> text(c, column(key));
        };
    }

    private static Function<Contact, String> column(Filters.Key key) {
        return switch (key.name()) {
            case "name" -> Contact::name;
            case "email" -> Contact::email;
            case "phone_number" -> Contact::phoneNumber;
            case "identifier" -> Contact::identifier;
            default -> contact -> {
                JsonNode value = contact.additionalAttributes().get(key.name());
                return value == null || value.isNull() ? null : Filters.text(value);
            };
        };
    }

    private static Predicate<Contact> text(Filters.Condition c, Function<Contact, String> column) {
        String first = Filters.text(Filters.first(c.values()));
        boolean phone = "phone_number".equals(c.attributeKey());
        // Chatwoot: "+" + the digits for phone numbers (compared as stored), else lower-cased.
        String wanted = phone ? "+" + (first == null ? "" : first.replace("+", "")) : Filters.lower(first);
        Function<Contact, String> compared = phone ? column : contact -> Filters.lower(column.apply(contact));
        List<String> all = Filters.all(c.values());
        return switch (c.operator()) {
            // Chatwoot has no clause for starts_with: it falls back to "= value".
            case "equal_to", "starts_with" -> contact -> wanted.equals(compared.apply(contact));
            case "not_equal_to" -> contact -> compared.apply(contact) != null && !wanted.equals(compared.apply(contact));
            case "contains" -> contact -> Filters.containsAny(column.apply(contact), all);
            case "does_not_contain" -> contact -> Filters.containsNone(column.apply(contact), all);
            default -> contact -> false;
        };
    }

    /** Tag names compared exactly with the first value lower-cased, as Chatwoot's contact filter passes it. */
    private static Predicate<Contact> labels(State state, Filters.Condition c) {
        String wanted = Filters.lower(Filters.text(Filters.first(c.values())));
        return switch (c.operator()) {
            case "equal_to" -> contact -> Labels.ofContact(state, contact.id()).contains(wanted);
            case "not_equal_to" -> contact -> !Labels.ofContact(state, contact.id()).contains(wanted);
            case "is_present" -> contact -> !Labels.ofContact(state, contact.id()).isEmpty();
            default -> contact -> Labels.ofContact(state, contact.id()).isEmpty();
        };
    }
}
