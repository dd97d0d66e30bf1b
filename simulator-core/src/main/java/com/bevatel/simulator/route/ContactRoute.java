package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.ContactFields;
import com.bevatel.simulator.domain.Contacts;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Labels;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.ContactView;
import com.bevatel.simulator.view.InboxView;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code /api/v1/accounts/{id}/contacts} (app/controllers/api/v1/accounts/contacts_controller.rb): create, show, update,
 * delete, list, search, active, avatar.
 */
final class ContactRoute {
    static final int PAGE_SIZE = 15;

    private ContactRoute() {
    }

    public static void register(Router router) {
        router.accountPost("/contacts", Access.account(), (request, caller) -> {
            Params p = request.params();
            ContactFields fields = fields(p);
            Long inboxId = p.integer("inbox_id");
            String sourceId = p.string("source_id");
            return router.store().write(tx -> {
                Contacts.Created created = Contacts.create(tx, caller.accountId(), fields, inboxId, sourceId, true);
                ObjectNode body = Json.object();
                ObjectNode payload = body.putObject("payload");
                payload.set("contact", ContactView.rest(created.contact(), tx.state(), true));
                ObjectNode contactInbox = payload.putObject("contact_inbox");
                ContactInbox ci = created.contactInbox();
                contactInbox.set("inbox", ci == null ? Json.text(null) : InboxView.raw(tx.state().inboxes.get(ci.inboxId())));
                contactInbox.set("source_id", Json.text(ci == null ? null : ci.sourceId()));
                return Response.ok(body);
            });
        });
        router.accountGet("/contacts", Access.account(), (request, caller) -> router.store().read(state -> {
            Params p = request.params();
            List<String> labels = p.strings("labels");
            List<Contact> identified = state.contacts.all().stream()
                    .filter(c -> c.accountId() == caller.accountId() && c.identified())
                    .filter(c -> labels == null || labels.isEmpty() || Labels.ofContact(state, c.id()).stream().anyMatch(labels::contains))
                    .sorted(sort(p.string("sort"))).toList();
            return Response.ok(list(state, identified, p, identified.size(), null));
        }));
        router.accountGet("/contacts/search", Access.account(), (request, caller) -> router.store().read(state -> {
            Params p = request.params();
            String q = p.string("q");
            if (q == null || q.isBlank()) {
                ObjectNode body = Json.object();
                ObjectNode meta = body.putObject("meta");
                meta.putNull("count");
                meta.put("current_page", 1);
                meta.putNull("has_more");
                body.putArray("payload");
                return Response.ok(body);
            }
            String term = q.strip();
            String needle = term.toLowerCase(Locale.ROOT);
            List<Contact> found = state.contacts.all().stream()
                    .filter(c -> c.accountId() == caller.accountId() && matches(c, term, needle))
                    .sorted(sort(p.string("sort"))).toList();
            return Response.ok(list(state, found, p, -1, found));
        }));
        // Contacts online by Chatwoot's presence (OnlineStatusTracker): the simulator has no presence, so nobody
        // is, and the page is always empty — after the sort is checked, as the list's is.
        router.accountGet("/contacts/active", Access.account(), (request, caller) -> router.store().read(state -> {
            Params p = request.params();
            sort(p.string("sort"));
            return Response.ok(list(state, List.of(), p, 0, null));
        }));
        router.accountGet("/contacts/{id}", Access.account(), (request, caller) -> router.store().read(state -> {
            Contact contact = Contacts.find(state, caller.accountId(), request.idParam("id"));
            return Response.ok(payload(ContactView.rest(contact, state, includeContactInboxes(request.params()))));
        }));
        router.accountUpdate("/contacts/{id}", Access.account(), (request, caller) -> {
            ContactFields fields = fields(request.params());
            boolean withInboxes = includeContactInboxes(request.params());
            return router.store().write(tx -> {
                Contact current = Contacts.find(tx.state(), caller.accountId(), request.idParam("id"));
                Contact updated = Contacts.update(tx, current, fields);
                return Response.ok(payload(ContactView.rest(updated, tx.state(), withInboxes)));
            });
        });
        router.accountDelete("/contacts/{id}", Access.account().administratorsOnly(), (request, caller) -> {
            return router.store().write(tx -> {
                Contacts.delete(tx, Contacts.find(tx.state(), caller.accountId(), request.idParam("id")));
                return Response.okEmpty();
            });
        });
        // The simulator keeps no avatars: there is none to purge, and the contact is answered as it is.
        router.accountDelete("/contacts/{id}/avatar", Access.account(), (request, caller) -> router.store().read(state ->
                Response.ok(payload(ContactView.rest(Contacts.find(state, caller.accountId(), request.idParam("id")),
                        state, false)))));
    }

    static ObjectNode payload(JsonNode inner) {
        ObjectNode body = Json.object();
        body.set("payload", inner);
        return body;
    }

    /** A page of 15; {@code current_page} echoes the raw parameter (a string when sent, 1 when not). */
    static ObjectNode list(State state, List<Contact> all, Params p, int total, List<Contact> searched) {
        JsonNode rawPage = p.node("page");
        Long page = p.integer("page");
        long number = page == null || page < 1 ? 1 : Math.min(page, Integer.MAX_VALUE);
        int from = (int) Math.min(all.size(), (number - 1) * PAGE_SIZE);
        int to = Math.min(all.size(), from + PAGE_SIZE);
        boolean withInboxes = includeContactInboxes(p);
        ObjectNode body = Json.object();
        ObjectNode meta = body.putObject("meta");
        meta.put("count", searched == null ? total : to - from);
        meta.set("current_page", rawPage == null || rawPage.isNull() ? IntNode.valueOf(1) : rawPage);
        if (searched != null) {
            meta.put("has_more", to < all.size());
        }
        ArrayNode items = body.putArray("payload");
        for (Contact c : all.subList(from, to)) {
            items.add(ContactView.rest(c, state, withInboxes));
        }
        return body;
    }

    /**
     * Chatwoot: {@code params[:include_contact_inboxes] == 'true'} when the parameter is present, else
     * true — so any value but "true" (e.g. "false", "0") leaves the contact-inboxes out.
     */
    private static boolean includeContactInboxes(Params p) {
        JsonNode node = p.node("include_contact_inboxes");
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return true;
        }
        return node.isBoolean() ? node.booleanValue() : "true".equals(node.asText());
    }

    private static boolean matches(Contact c, String q, String needle) {
        return contains(c.name(), needle) || contains(c.email(), needle) || contains(c.phoneNumber(), needle)
                || (c.identifier() != null && c.identifier().contains(q));
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    /**
     * {@code sort=name} ascending, {@code -name} descending, as Chatwoot's sort scopes order: the
     * {@code NULLS LAST} scopes keep contacts without the value last both ways; plain columns (email,
     * phone_number) follow Postgres (nulls last ascending, first descending). Ties in id order.
     */
    static Comparator<Contact> sort(String sort) {
        Comparator<Contact> byId = Comparator.comparingLong(Contact::id);
        if (sort == null || sort.isEmpty()) {
            return byId;
        }
        boolean descending = sort.startsWith("-");
        String key = descending ? sort.substring(1) : sort;
        Comparator<Contact> order = switch (key) {
            case "name" -> column(c -> lower(c.name()), descending, false);
            case "email" -> column(c -> lower(c.email()), descending, false);
            case "phone_number" -> column(Contact::phoneNumber, descending, false);
            case "last_activity_at" -> column(Contact::lastActivityAt, descending, true);
            case "created_at" -> column(Contact::createdAt, descending, true);
            case "company_name", "city", "country" -> column(c -> attribute(c, key), descending, true);
            default -> throw Errors.error(422, "'" + sort + "' is not a valid sort");
        };
        return order.thenComparing(byId);
    }

    private static <T extends Comparable<? super T>> Comparator<Contact> column(Function<Contact, T> value,
                                                                                boolean descending,
                                                                                boolean nullsLastAlways) {
        Comparator<T> direction = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
        Comparator<T> nulls = descending && !nullsLastAlways ? Comparator.nullsFirst(direction) : Comparator.nullsLast(direction);
        return Comparator.comparing(value, nulls);
    }

    /** {@code additional_attributes->>'city'}: a JSON string's text, null when absent or null. */
    private static String attribute(Contact c, String key) {
        JsonNode node = c.additionalAttributes().get(key);
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static ContactFields fields(Params p) {
        return new ContactFields(given(p, "name", p::string), given(p, "email", p::string),
                given(p, "phone_number", p::string), given(p, "identifier", p::string), given(p, "blocked", p::bool),
                p.object("additional_attributes"), p.object("custom_attributes"));
    }

    private static <T> Change<T> given(Params p, String key, Function<String, T> read) {
        return p.has(key) ? Change.of(read.apply(key)) : null;
    }
}
