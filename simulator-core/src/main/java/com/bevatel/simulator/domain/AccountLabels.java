package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.ContactLabels;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Label;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The labels an account defines (app/models/label.rb, app/controllers/api/v1/accounts/labels_controller.rb).
 * Tagging does not need them — conversations and contacts take any label ({@link Labels}) — but renaming
 * or deleting one rewrites the tags of that title, as Chatwoot's jobs do.
 */
@API(status = INTERNAL)
public final class AccountLabels {
    /** {@code RegexHelper::UNICODE_CHARACTER_NUMBER_HYPHEN_UNDERSCORE} (lib/regex_helper.rb): two characters at least. */
    private static final Pattern TITLE = Pattern.compile("[\\p{L}\\p{N}]+[\\p{L}\\p{N}_-]+");

    private AccountLabels() {
    }

    /** What a create or update sets; a null field is "not given" ({@code permit(:title, :description, :color, :show_on_sidebar)}). */
    public record LabelFields(Change<String> title, Change<String> description, Change<String> color,
                              Change<Boolean> showOnSidebar) {
    }

    /** {@code POST /labels}: validated (422) before anything is stored; colour {@code #1f93ff} unless given. */
    public static Label create(Transaction tx, long accountId, LabelFields fields) {
        Label blank = new Label(0, accountId, null, null, Label.DEFAULT_COLOR, null, tx.now(), tx.now());
        Label valid = validated(tx.state(), blank, fields);
        Label label = new Label(tx.nextId(Sequence.LABEL), accountId, valid.title(), valid.description(), valid.color(),
                valid.showOnSidebar(), tx.now(), tx.now());
        tx.state().labels.put(label);
        return label;
    }

    /**
     * {@code PATCH|PUT /labels/{id}}. A new title is carried to the account's conversations and contacts
     * tagged with the old one (app/jobs/labels/update_job.rb → app/services/labels/update_service.rb).
     */
    public static Label update(Transaction tx, Label current, LabelFields fields) {
        Label valid = validated(tx.state(), current, fields);
        if (valid.equals(current)) {
            return current;
        }
        Label saved = new Label(current.id(), current.accountId(), valid.title(), valid.description(), valid.color(),
                valid.showOnSidebar(), current.createdAt(), tx.now());
        tx.state().labels.put(saved);
        if (!saved.title().equals(current.title())) {
            retitle(tx, current.accountId(), current.title(), saved.title());
        }
        return saved;
    }

    /**
     * Rails' checks in its order: the length of each string column (on the title as sent), then the
     * lower-cased title's presence, format and uniqueness in the account. A null colour, which the
     * column refuses (Chatwoot: a 500), is a 422 here.
     */
    private static Label validated(State state, Label current, LabelFields f) {
        String rawTitle = Change.apply(f.title(), current.title());
        String description = Change.apply(f.description(), current.description());
        String color = Change.apply(f.color(), current.color());
        List<Errors.Violation> v = new ArrayList<>();
        Errors.tooLong(v, "title", "Title", rawTitle, Errors.MAX_STRING);
        Errors.tooLong(v, "description", "Description", description, Errors.MAX_TEXT);
        Errors.tooLong(v, "color", "Color", color, Errors.MAX_STRING);
        String title = rawTitle == null || rawTitle.isEmpty() ? rawTitle : rawTitle.toLowerCase(Locale.ROOT);
        if (title == null || title.isBlank()) {
            v.add(new Errors.Violation("title", "Title must not be blank"));
        }
        if (title == null || !TITLE.matcher(title).matches()) {
            v.add(new Errors.Violation("title", "Title is invalid"));
        }
        if (title != null && byTitle(state, current.accountId(), title).filter(l -> l.id() != current.id()).isPresent()) {
            v.add(new Errors.Violation("title", "Title has already been taken"));
        }
        if (v.isEmpty() && color == null) {
            v.add(new Errors.Violation("color", "Color can't be blank"));
        }
        if (!v.isEmpty()) {
            throw Errors.validation(v);
        }
        return new Label(current.id(), current.accountId(), title, description, color,
                Change.apply(f.showOnSidebar(), current.showOnSidebar()), current.createdAt(), current.updatedAt());
    }

    /**
     * Labels::UpdateService: every conversation and contact of the account tagged with {@code from}
     * (acts_as_taggable's {@code tagged_with}, case-insensitive) has that exact tag removed and {@code to}
     * added at the end. The tag list is changed in place, so Rails records no {@code label_list} change:
     * a conversation's {@code updated_at} moves with its cached list, a contact (no cached list) is not
     * updated at all, and no event fires for either.
     */
    private static void retitle(Transaction tx, long accountId, String from, String to) {
        State state = tx.state();
        for (Long id : List.copyOf(state.conversationsOfAccount.of(accountId))) {
            Conversation c = state.conversations.get(id);
            if (tagged(c.labels(), from)) {
                Conversations.retag(tx, c, retitled(c.labels(), from, to));
            }
        }
        for (ContactLabels row : List.copyOf(state.contactLabels.all())) {
            if (tagged(row.labels(), from) && state.contacts.get(row.contactId()).accountId() == accountId) {
                state.contactLabels.put(new ContactLabels(row.contactId(), retitled(row.labels(), from, to)));
            }
        }
    }

    private static boolean tagged(List<String> labels, String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        return labels.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).equals(lower));
    }

    private static List<String> retitled(List<String> labels, String from, String to) {
        List<String> out = new ArrayList<>(labels);
        out.removeIf(from::equals);
        out.add(to);
        return Labels.normalize(out);
    }

    /**
     * {@code destroy!}, then Labels::RemoveAssociationsJob (app/services/labels/destroy_service.rb): the
     * tag of exactly that title leaves the account's conversations ({@code update_column} of the cached
     * list: {@code updated_at} unchanged) and contacts (taggings deleted), without any event.
     */
    public static void destroy(Transaction tx, Label label) {
        State state = tx.state();
        state.labels.remove(label.id());
        for (Long id : List.copyOf(state.conversationsOfAccount.of(label.accountId()))) {
            Conversation c = state.conversations.get(id);
            if (c.labels().contains(label.title())) {
                Conversation.Builder b = c.toBuilder();
                b.labels = without(c.labels(), label.title());
                state.conversations.put(b.build());
            }
        }
        for (ContactLabels row : List.copyOf(state.contactLabels.all())) {
            if (row.labels().contains(label.title())
                    && state.contacts.get(row.contactId()).accountId() == label.accountId()) {
                state.contactLabels.put(new ContactLabels(row.contactId(), without(row.labels(), label.title())));
            }
        }
    }

    private static List<String> without(List<String> labels, String title) {
        return labels.stream().filter(l -> !l.equals(title)).toList();
    }

    /** The account's labels by title ({@code default_scope { order(:title) }}). */
    public static List<Label> ofAccount(State state, long accountId) {
        return state.labels.all().stream().filter(l -> l.accountId() == accountId)
                .sorted(Comparator.comparing(Label::title)).toList();
    }

    /** A label of the account by id: 404 otherwise ({@code Current.account.labels.find}). */
    public static Label find(State state, long accountId, long labelId) {
        return state.labels.find(labelId).filter(l -> l.accountId() == accountId).orElseThrow(Errors::notFound);
    }

    public static Optional<Label> byTitle(State state, long accountId, String title) {
        return state.labelByTitle.find(new State.AccountKey(accountId, title)).map(state.labels::get);
    }
}
