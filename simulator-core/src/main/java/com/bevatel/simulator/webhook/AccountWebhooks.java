package com.bevatel.simulator.webhook;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.WebhookUrls;
import com.bevatel.simulator.model.Webhook;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/** Account webhooks (Chatwoot's app/models/webhook.rb): create, update, delete, with the model's validations. */
@API(status = INTERNAL)
public final class AccountWebhooks {
    /** Every event a subscription may name. */
    public static final List<String> ALLOWED_EVENTS = List.of("conversation_created", "conversation_status_changed",
            "conversation_updated", "contact_created", "contact_updated", "message_created", "message_updated",
            "webwidget_triggered", "inbox_created", "inbox_updated", "conversation_typing_on",
            "conversation_typing_off");
    /** The database default, in its stored order, used when a create names no subscriptions. */
    public static final List<String> DEFAULT_SUBSCRIPTIONS = List.of("conversation_status_changed",
            "conversation_updated", "conversation_created", "contact_created", "contact_updated", "message_created",
            "message_updated", "webwidget_triggered");

    private static final int MAX_STRING = 255;
    private static final int MAX_TEXT = 20_000;

    private AccountWebhooks() {
    }

    /**
     * What a create or update sets; a null {@link Change} was not sent. {@code subscriptions} is the
     * raw parameter, validated here (it must be a non-empty array of allowed event names).
     */
    public record WebhookFields(Change<String> url, Change<String> name, Change<JsonNode> subscriptions,
                                Change<Long> inboxId) {
    }

    public static List<Webhook> of(State state, long accountId) {
        return state.webhooks.all().stream().filter(w -> w.accountId() == accountId).toList();
    }

    public static Webhook find(State state, long accountId, long id) {
        return state.webhooks.find(id).filter(w -> w.accountId() == accountId).orElseThrow(Errors::notFound);
    }

    /** A new webhook; its {@code secret} is drawn from the seeded generator. */
    public static Webhook create(Transaction tx, long accountId, WebhookFields fields) {
        Webhook blank = new Webhook(tx.nextId(Sequence.WEBHOOK), accountId, null, null, null, DEFAULT_SUBSCRIPTIONS,
                tx.token(), tx.now(), tx.now());
        Webhook webhook = assign(tx.state(), blank, fields);
        tx.state().webhooks.put(webhook);
        return webhook;
    }

    /** Only the given fields change. */
    public static Webhook update(Transaction tx, Webhook current, WebhookFields fields) {
        Webhook assigned = assign(tx.state(), current, fields);
        if (assigned.equals(current)) {
            return current;
        }
        Webhook updated = new Webhook(assigned.id(), assigned.accountId(), assigned.inboxId(), assigned.name(),
                assigned.url(), assigned.subscriptions(), assigned.secret(), assigned.createdAt(), tx.now());
        tx.state().webhooks.put(updated);
        return updated;
    }

    public static void delete(Transaction tx, Webhook webhook) {
        tx.state().webhooks.remove(webhook.id());
    }

    private static Webhook assign(State state, Webhook current, WebhookFields f) {
        String url = Change.apply(f.url(), current.url());
        String name = Change.apply(f.name(), current.name());
        Long inboxId = Change.apply(f.inboxId(), current.inboxId());
        List<String> subscriptions = current.subscriptions();
        boolean subscriptionsValid = true;
        JsonNode given = f.subscriptions() == null ? null : f.subscriptions().value();
        if (given != null && !given.isNull()) {
            subscriptions = new ArrayList<>();
            subscriptionsValid = given.isArray() && !given.isEmpty();
            for (JsonNode item : given) {
                subscriptionsValid &= item.isTextual() && ALLOWED_EVENTS.contains(item.asText());
                subscriptions.add(item.asText());
            }
        }
        Webhook candidate = new Webhook(current.id(), current.accountId(), inboxId, name, url, subscriptions,
                current.secret(), current.createdAt(), current.updatedAt());
        validate(state, candidate, subscriptionsValid);
        return candidate;
    }

    /** In the model's order: column lengths, URL uniqueness and format, then subscriptions. */
    private static void validate(State state, Webhook w, boolean subscriptionsValid) {
        List<Errors.Violation> v = new ArrayList<>();
        if (w.name() != null && w.name().length() > MAX_STRING) {
            v.add(new Errors.Violation("name", "Name is too long (maximum is 255 characters)"));
        }
        if (w.url() != null && w.url().length() > MAX_TEXT) {
            v.add(new Errors.Violation("url", "Url is too long (maximum is 20000 characters)"));
        }
        boolean taken = state.webhooks.all().stream()
                .anyMatch(other -> other.accountId() == w.accountId() && other.id() != w.id()
                        && Objects.equals(other.url(), w.url()));
        if (taken) {
            v.add(new Errors.Violation("url", "Url has already been taken"));
        }
        if (!WebhookUrls.deliverable(w.url())) {
            v.add(new Errors.Violation("url", "Url is invalid"));
        }
        if (!subscriptionsValid) {
            v.add(new Errors.Violation("subscriptions", "Subscriptions Invalid events"));
        }
        if (!v.isEmpty()) {
            throw Errors.validation(v);
        }
    }
}
