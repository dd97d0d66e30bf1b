package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.ContactType;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.state.Index;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** Contacts and their contact-inboxes (app/models/contact.rb, app/builders/contact_inbox_builder.rb), with the model's validations. */
@API(status = INTERNAL)
public final class Contacts {
    /** Devise's default email regexp. */
    private static final Pattern EMAIL = Pattern.compile("\\A[^@\\s]+@[^@\\s]+\\z");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final int MAX_STRING = 255;
    private static final int MAX_SOURCE_ID = 20_000;

    private Contacts() {
    }

    /** The result of contact create: the contact and, when an inbox was given, its new contact-inbox. */
    public record Created(Contact contact, ContactInbox contactInbox) {
    }

    /**
     * Creates the contact, and a contact-inbox when {@code inboxId} is given (all or nothing); a null or
     * empty source id is generated.
     */
    public static Created create(Transaction tx, long accountId, ContactFields fields, Long inboxId, String sourceId) {
        return create(tx, accountId, fields, inboxId, sourceId, false);
    }

    /**
     * {@code POST /contacts}: like Chatwoot the contact is validated before the inbox is looked up, so a
     * duplicate email wins over an unknown inbox. With {@code emptySourceIdSkipsSession} an empty
     * {@code source_id} creates no contact-inbox, as in the Application API (Ruby's {@code ||=} keeps "",
     * and the builder then skips it).
     */
    public static Created create(Transaction tx, long accountId, ContactFields fields, Long inboxId, String sourceId,
                                 boolean emptySourceIdSkipsSession) {
        Instant now = tx.now();
        Contact blank = new Contact(tx.nextId(Sequence.CONTACT), accountId, "", null, null, null, false,
                JsonBag.EMPTY, JsonBag.EMPTY, ContactType.VISITOR, null, now, now);
        Contact contact = assign(blank, fields);
        validate(tx.state(), contact);
        tx.state().contacts.put(contact);
        tx.emit(new DomainEvent.ContactCreated(accountId, contact.id()));
        ContactInbox contactInbox = null;
        if (inboxId != null) {
            Inbox inbox = findInbox(tx.state(), accountId, inboxId);
            if (!(emptySourceIdSkipsSession && "".equals(sourceId))) {
                contactInbox = addContactInbox(tx, contact, inbox, sourceId, false);
            }
        }
        return new Created(contact, contactInbox);
    }

    /** {@code PUT/PATCH /contacts/{id}}: given fields replace, attribute bags merge; event only on change. */
    public static Contact update(Transaction tx, Contact current, ContactFields fields) {
        Contact candidate = assign(current, fields);
        validate(tx.state(), candidate);
        if (changes(current, candidate).isEmpty()) {
            return current;
        }
        Contact.Builder b = candidate.toBuilder();
        b.updatedAt = tx.now();
        Contact updated = b.build();
        List<AttributeChange> changes = changes(current, updated);
        tx.state().contacts.put(updated);
        tx.emit(new DomainEvent.ContactUpdated(current.accountId(), current.id(), changes));
        return updated;
    }

    /** {@code DELETE /contacts/{id}}: the contact with its contact-inboxes, conversations, messages, labels and notes. */
    public static void delete(Transaction tx, Contact contact) {
        State state = tx.state();
        for (long ciId : List.copyOf(state.contactInboxesOfContact.of(contact.id()))) {
            ContactInbox ci = state.contactInboxes.get(ciId);
            for (long conversationId : List.copyOf(state.conversationsOfContactInbox.of(ciId))) {
                Conversations.delete(tx, state.conversations.get(conversationId));
            }
            state.contactInboxes.remove(ciId);
        }
        state.contactLabels.remove(contact.id());
        Notes.deleteOfContact(tx, contact.id());
        state.contacts.remove(contact.id());
    }

    private static boolean takenByOther(Index<State.AccountKey> index, Contact c, String value) {
        return index.find(new State.AccountKey(c.accountId(), value)).filter(id -> id != c.id()).isPresent();
    }

    /**
     * Finds or creates the (contact, inbox, source_id) session; a missing or empty source id is a new UUID.
     * A source id another contact holds in this inbox is a 422 (Chatwoot: a database error, 500).
     */
    public static ContactInbox addContactInbox(Transaction tx, Contact contact, Inbox inbox, String sourceId,
                                               boolean hmacVerified) {
        State state = tx.state();
        if (sourceId != null && !sourceId.isEmpty()) {
            if (sourceId.length() > MAX_SOURCE_ID) {
                throw Errors.validation("source_id", "Source is too long (maximum is 20000 characters)");
            }
            var existing = state.contactInboxBySource.find(new State.SourceKey(inbox.id(), sourceId))
                    .map(state.contactInboxes::get);
            if (existing.isPresent()) {
                if (existing.get().contactId() != contact.id()) {
                    throw Errors.validation("source_id", "Source has already been taken");
                }
                return existing.get();
            }
        } else {
            sourceId = tx.uuid();
        }
        ContactInbox ci = new ContactInbox(tx.nextId(Sequence.CONTACT_INBOX), contact.id(), inbox.id(), sourceId,
                hmacVerified, tx.token(), tx.now(), tx.now());
        state.contactInboxes.put(ci);
        return ci;
    }

    /** An incoming message touches the contact's {@code last_activity_at} (→ contact_updated). */
    public static void touchActivity(Transaction tx, Contact contact) {
        Contact.Builder b = contact.toBuilder();
        b.lastActivityAt = tx.now();
        b.updatedAt = tx.now();
        Contact updated = b.build();
        tx.state().contacts.put(updated);
        tx.emit(new DomainEvent.ContactUpdated(contact.accountId(), contact.id(), changes(contact, updated)));
    }

    public static Contact find(State state, long accountId, long contactId) {
        return state.contacts.find(contactId).filter(c -> c.accountId() == accountId).orElseThrow(Errors::notFound);
    }

    static Inbox findInbox(State state, long accountId, long inboxId) {
        return state.inboxes.find(inboxId).filter(i -> i.accountId() == accountId).orElseThrow(Errors::notFound);
    }

    private static Contact assign(Contact current, ContactFields f) {
        Contact.Builder b = current.toBuilder();
        // The column defaults to "" when no name is given; an explicit null is stored (and shown) as null.
        b.name = Change.apply(f.name(), b.name);
        b.email = normalizeEmail(Change.apply(f.email(), b.email));
        b.phoneNumber = Change.apply(f.phoneNumber(), b.phoneNumber);
        b.identifier = Change.apply(f.identifier(), b.identifier);
        Boolean blocked = Change.apply(f.blocked(), b.blocked);
        b.blocked = blocked != null && blocked;
        b.additionalAttributes = merge(b.additionalAttributes, f.additionalAttributes());
        b.customAttributes = merge(b.customAttributes, f.customAttributes());
        if (b.contactType == ContactType.VISITOR && (notEmpty(b.email) || notEmpty(b.phoneNumber))) {
            b.contactType = ContactType.LEAD;
        }
        return b.build();
    }

    /** Chatwoot's {@code email.present? ? email.downcase : nil}: no trimming, so " a@x.io" is invalid. */
    private static String normalizeEmail(String email) {
        return email == null || email.isBlank() ? null : email.toLowerCase(Locale.ROOT);
    }

    private static JsonBag merge(JsonBag stored, ObjectNode given) {
        return stored.withAll(given);
    }

    /**
     * Chatwoot's Contact validations in the order Rails reports them: the generic column-length check
     * runs first (a before_validation, in column order), then email, identifier and phone number.
     */
    private static void validate(State state, Contact c) {
        List<Errors.Violation> v = new ArrayList<>();
        tooLong(v, "name", "Name", c.name());
        tooLong(v, "email", "Email", c.email());
        tooLong(v, "phone_number", "Phone number", c.phoneNumber());
        tooLong(v, "identifier", "Identifier", c.identifier());
        if (notEmpty(c.email())) {
            if (takenByOther(state.contactByEmail, c, c.email().toLowerCase(Locale.ROOT))) {
                v.add(new Errors.Violation("email", "Email has already been taken"));
            }
            if (!EMAIL.matcher(c.email()).find()) {
                v.add(new Errors.Violation("email", "Email Invalid email"));
            }
        }
        if (notEmpty(c.identifier()) && takenByOther(state.contactByIdentifier, c, c.identifier())) {
            v.add(new Errors.Violation("identifier", "Identifier has already been taken"));
        }
        if (notEmpty(c.phoneNumber())) {
            if (takenByOther(state.contactByPhone, c, c.phoneNumber())) {
                v.add(new Errors.Violation("phone_number", "Phone number has already been taken"));
            }
            if (!E164.matcher(c.phoneNumber()).matches()) {
                v.add(new Errors.Violation("phone_number", "Phone number should be in e164 format"));
            }
        }
        if (!v.isEmpty()) {
            throw Errors.validation(v);
        }
    }

    private static void tooLong(List<Errors.Violation> v, String attribute, String label, String value) {
        if (value != null && value.length() > MAX_STRING) {
            v.add(new Errors.Violation(attribute, label + " is too long (maximum is 255 characters)"));
        }
    }

    /**
     * What a save changed, as ActiveRecord's {@code previous_changes} lists it: in the contacts table's
     * column order (db/schema.rb), location and country_code included (synced from the attributes).
     */
    private static List<AttributeChange> changes(Contact before, Contact after) {
        List<AttributeChange> changes = new ArrayList<>();
        compare(changes, "name", before.name(), after.name());
        compare(changes, "email", before.email(), after.email());
        compare(changes, "phone_number", before.phoneNumber(), after.phoneNumber());
        compare(changes, "updated_at", before.updatedAt(), after.updatedAt());
        compare(changes, "additional_attributes", before.additionalAttributes(), after.additionalAttributes());
        compare(changes, "identifier", before.identifier(), after.identifier());
        compare(changes, "custom_attributes", before.customAttributes(), after.customAttributes());
        compare(changes, "last_activity_at", before.lastActivityAt(), after.lastActivityAt());
        compare(changes, "contact_type", before.contactType(), after.contactType());
        compare(changes, "location", before.location(), after.location());
        compare(changes, "country_code", before.countryCode(), after.countryCode());
        compare(changes, "blocked", before.blocked(), after.blocked());
        return changes;
    }

    private static void compare(List<AttributeChange> out, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(new AttributeChange(name, before, after));
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
