package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.state.Index;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Contacts as the Client API sees them (app/controllers/public/api/v1/inboxes/contacts_controller.rb):
 * create reusing an existing contact, update
 * that merges into the contact already owning the email or phone number, HMAC verification.
 */
@API(status = INTERNAL)
public final class PublicContacts {
    private static final int MAX_NAME = 255;

    private PublicContacts() {
    }

    /** The contact parameters of the Client API; null means "not given". */
    public record Attributes(String identifier, String name, String email, String phoneNumber,
                             ObjectNode customAttributes) {
    }

    /**
     * {@code POST …/contacts}: a {@code source_id} already known in the inbox returns its
     * contact-inbox unchanged; otherwise the account contact with this identifier, else email,
     * else phone number gets a new contact-inbox (its attributes untouched), or a contact is created.
     */
    public static ContactInbox create(Transaction tx, Inbox inbox, String sourceId, Attributes given) {
        State state = tx.state();
        if (notBlank(sourceId)) {
            Optional<Long> known = state.contactInboxBySource.find(new State.SourceKey(inbox.id(), sourceId));
            if (known.isPresent()) {
                return state.contactInboxes.get(known.get());
            }
        }
        Contact existing = findExisting(state, inbox.accountId(), given);
        if (existing != null) {
            return Contacts.addContactInbox(tx, existing, inbox, sourceId, false);
        }
        String name = given.name() != null ? truncate(given.name()) : ContactNames.generate(tx);
        ContactFields fields = new ContactFields(Change.of(name), Change.of(given.email()),
                Change.of(given.phoneNumber()), Change.of(given.identifier()), null, null, given.customAttributes());
        return Contacts.create(tx, inbox.accountId(), fields, inbox.id(), sourceId).contactInbox();
    }

    /**
     * {@code PATCH …/contacts/{source_id}} (Chatwoot's ContactIdentifyAction without identifier):
     * a contact owning the given email, then one owning the phone number, absorbs this contact;
     * then the non-blank name/email/phone are set and custom attributes deep-merged.
     * Returns the contact-inbox as it now is (possibly owned by the surviving contact).
     */
    public static ContactInbox update(Transaction tx, ContactInbox contactInbox, Attributes given) {
        State state = tx.state();
        Contact contact = state.contacts.get(contactInbox.contactId());
        long accountId = contact.accountId();
        String email = notBlank(given.email()) ? normalizedEmail(given.email()) : null;
        if (email != null) {
            Contact owner = byEmail(state, accountId, email);
            if (owner != null) {
                contact = ContactMerges.merge(tx, owner, contact);
            }
        }
        boolean setPhone = notBlank(given.phoneNumber());
        if (setPhone) {
            Contact owner = find(state, state.contactByPhone, accountId, given.phoneNumber());
            // An owner with another email keeps its number: the email given takes priority.
            if (owner != null && email != null && notBlank(owner.email()) && !owner.email().equals(email)) {
                setPhone = false;
            } else if (owner != null) {
                contact = ContactMerges.merge(tx, owner, contact);
            }
        }
        ObjectNode custom = given.customAttributes() == null || given.customAttributes().isEmpty() ? null
                : deepMerge(contact.customAttributes().toObjectNode(), given.customAttributes());
        ContactFields fields = new ContactFields(
                notBlank(given.name()) ? Change.of(given.name()) : null,
                email != null ? Change.of(given.email()) : null,
                setPhone ? Change.of(given.phoneNumber()) : null,
                null, null, null, custom);
        Contacts.update(tx, contact, fields);
        return state.contactInboxes.get(contactInbox.id());
    }

    /** A successful identity check on show/update marks the contact-inbox verified (contacts_controller.rb#process_hmac). */
    public static ContactInbox markHmacVerified(Transaction tx, ContactInbox ci) {
        if (ci.hmacVerified()) {
            return ci;
        }
        ContactInbox verified = new ContactInbox(ci.id(), ci.contactId(), ci.inboxId(), ci.sourceId(), true,
                ci.pubsubToken(), ci.createdAt(), tx.now());
        tx.state().contactInboxes.put(verified);
        return verified;
    }

    /**
     * Ruby's Hash#deep_merge into {@code target}, a caller's own copy: nested objects merge, anything
     * else from {@code overlay} wins.
     */
    static ObjectNode deepMerge(ObjectNode target, ObjectNode overlay) {
        overlay.properties().forEach(entry -> {
            JsonNode current = target.get(entry.getKey());
            if (current instanceof ObjectNode currentObject && entry.getValue() instanceof ObjectNode given) {
                deepMerge(currentObject, given);
            } else {
                target.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
        return target;
    }

    private static Contact findExisting(State state, long accountId, Attributes given) {
        Contact found = notBlank(given.identifier())
                ? find(state, state.contactByIdentifier, accountId, given.identifier()) : null;
        if (found == null && notBlank(given.email())) {
            found = byEmail(state, accountId, normalizedEmail(given.email()));
        }
        if (found == null && notBlank(given.phoneNumber())) {
            found = find(state, state.contactByPhone, accountId, given.phoneNumber());
        }
        return found;
    }

    private static Contact byEmail(State state, long accountId, String normalizedEmail) {
        return find(state, state.contactByEmail, accountId, normalizedEmail);
    }

    private static Contact find(State state, Index<State.AccountKey> index, long accountId, String value) {
        return index.find(new State.AccountKey(accountId, value)).flatMap(state.contacts::find).orElse(null);
    }

    private static String normalizedEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Chatwoot truncates a long given name to the column limit instead of rejecting it. */
    private static String truncate(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
        return name.substring(0, end);
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
