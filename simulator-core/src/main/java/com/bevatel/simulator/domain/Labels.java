package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.event.DomainEvent;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactLabels;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/** Labels of conversations and contacts (Chatwoot's acts_as_taggable {@code label_list}). */
@API(status = INTERNAL)
public final class Labels {
    private Labels() {
    }

    /**
     * acts_as_taggable's TagList: values stripped, blanks dropped, duplicates (compared
     * case-insensitively) dropped keeping the first. Labels need not exist beforehand. Null → none.
     */
    public static List<String> normalize(List<String> given) {
        if (given == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String label : given) {
            String clean = label == null ? "" : label.strip();
            if (!clean.isEmpty() && seen.add(clean.toLowerCase(Locale.ROOT))) {
                out.add(clean);
            }
        }
        return List.copyOf(out);
    }

    /** Replaces the conversation's labels: activity lines for added/removed, conversation_updated. */
    public static Conversation setConversationLabels(Transaction tx, Conversation current, List<String> labels,
                                                     Actor actor) {
        Conversation.Builder b = current.toBuilder();
        b.labels = normalize(labels);
        if (sameSet(current.labels(), b.labels)) {
            return current;
        }
        return Conversations.save(tx, current, b, actor);
    }

    public static List<String> ofContact(State state, long contactId) {
        return state.contactLabels.find(contactId).map(ContactLabels::labels).orElse(List.of());
    }

    /** Replaces the contact's labels; a change touches {@code updated_at} and fires contact_updated. */
    public static List<String> setContactLabels(Transaction tx, Contact contact, List<String> labels) {
        List<String> before = ofContact(tx.state(), contact.id());
        List<String> after = normalize(labels);
        if (sameSet(before, after)) {
            return before;
        }
        tx.state().contactLabels.put(new ContactLabels(contact.id(), after));
        Contact.Builder b = contact.toBuilder();
        b.updatedAt = tx.now();
        tx.state().contacts.put(b.build());
        List<AttributeChange> changes = new ArrayList<>();
        changes.add(new AttributeChange("label_list", before, after));
        changes.add(new AttributeChange("updated_at", contact.updatedAt(), tx.now()));
        tx.emit(new DomainEvent.ContactUpdated(contact.accountId(), contact.id(), changes));
        return after;
    }

    /** Setting the same labels in another order is no change for Rails' dirty tracking of tag lists. */
    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }
}
