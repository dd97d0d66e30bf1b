package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * {@code GET /search} and {@code /search/{conversations,contacts,messages}} (app/services/search_service.rb,
 * as the features it reads are by default: no advanced search, no GIN search, no CRM v2). The term is
 * {@code q} stripped (missing: everything), matched case-insensitively anywhere in the text, literally;
 * each type is paged by 15, with no total. The member sees the inboxes they may see: all for an
 * administrator, their own for an agent.
 */
@API(status = INTERNAL)
public final class Search {
    public static final int PAGE_SIZE = 15;

    private Search() {
    }

    /** What was asked: the term (null when absent) and the page (null: the first). */
    public record Query(String q, Long page) {
        String needle() {
            return q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Conversations of the member's inboxes whose display id, or whose contact's name, email, phone
     * number or identifier, contains the term (message contents are not searched); newest first.
     */
    public static List<Conversation> conversations(State state, User user, Query query) {
        Set<Long> inboxes = inboxesOf(state, user);
        String needle = query.needle();
        List<Conversation> found = new ArrayList<>();
        for (long id : state.conversationsOfAccount.of(user.accountId())) {
            Conversation c = state.conversations.get(id);
            if (inboxes.contains(c.inboxId()) && (Long.toString(c.displayId()).contains(needle)
                    || identifiedBy(state.contacts.get(c.contactId()), needle))) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparing(Conversation::createdAt).thenComparingLong(Conversation::id).reversed());
        return page(found, query);
    }

    /**
     * Contacts of the account (whatever the inbox) whose name, email, phone number or identifier contains the
     * term, among those with an email, a phone number or an identifier (Contact.resolved_contacts); by
     * last activity, newest first, contacts never active last.
     */
    public static List<Contact> contacts(State state, User user, Query query) {
        String needle = query.needle();
        List<Contact> found = new ArrayList<>();
        for (Contact c : state.contacts.all()) {
            if (c.accountId() == user.accountId() && identifiedBy(c, needle)
                    && (notEmpty(c.email()) || notEmpty(c.phoneNumber()) || notEmpty(c.identifier()))) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparing(Contact::lastActivityAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparingLong(Contact::id));
        return page(found, query);
    }

    /**
     * Messages of the member's inboxes from the last three months whose content contains the term, of any
     * kind (activity lines and private notes too); newest first.
     */
    public static List<Message> messages(State state, User user, Query query, Instant now) {
        Set<Long> inboxes = inboxesOf(state, user);
        Instant since = now.atOffset(ZoneOffset.UTC).minusMonths(3).toInstant();
        String needle = query.needle();
        List<Message> found = new ArrayList<>();
        for (long conversationId : state.conversationsOfAccount.of(user.accountId())) {
            Conversation c = state.conversations.get(conversationId);
            if (!inboxes.contains(c.inboxId())) {
                continue;
            }
            for (long id : state.messagesOfConversation.of(conversationId)) {
                Message m = state.messages.get(id);
                if (!m.createdAt().isBefore(since) && contains(m.content(), needle)) {
                    found.add(m);
                }
            }
        }
        found.sort(Comparator.comparing(Message::createdAt).thenComparingLong(Message::id).reversed());
        return page(found, query);
    }

    /** {@code current_user.assigned_inboxes}: every inbox of the account for an administrator, else the member's. */
    private static Set<Long> inboxesOf(State state, User user) {
        Set<Long> ids = new HashSet<>();
        for (Inbox inbox : state.inboxes.all()) {
            if (inbox.accountId() == user.accountId()
                    && (Permissions.administrator(user) || Permissions.isInboxMember(state, inbox.id(), user.id()))) {
                ids.add(inbox.id());
            }
        }
        return ids;
    }

    private static boolean identifiedBy(Contact c, String needle) {
        return contains(c.name(), needle) || contains(c.email(), needle) || contains(c.phoneNumber(), needle)
                || contains(c.identifier(), needle);
    }

    /** {@code column ILIKE '%term%'}: a NULL column matches nothing. */
    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }

    private static <T> List<T> page(List<T> all, Query query) {
        return Pages.of(all, query.page(), PAGE_SIZE);
    }
}
