package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Note;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Notes on a contact (app/models/note.rb, app/controllers/api/v1/accounts/contacts/notes_controller.rb).
 * Any member may write, edit and delete any note (the controller asks no policy); whoever saves a note
 * becomes its author ({@code note_params} merges {@code user_id: Current.user.id} on update too). Notes
 * send no events.
 */
@API(status = INTERNAL)
public final class Notes {
    /** ApplicationRecord's limit for a text column (validates_column_content_length). */
    static final int MAX_CONTENT = 20_000;

    /** Note.latest: newest first; notes of one instant the later one first. */
    private static final Comparator<Note> LATEST = Comparator.comparing(Note::createdAt)
            .thenComparingLong(Note::id).reversed();

    private Notes() {
    }

    /** {@code @contact.notes.latest}. */
    public static List<Note> ofContact(State state, long contactId) {
        return state.notesOfContact.of(contactId).stream().map(state.notes::get).sorted(LATEST).toList();
    }

    /** {@code @contact.notes.find(params[:id])}: another contact's note is not found either. */
    public static Note find(State state, Contact contact, long noteId) {
        return state.notes.find(noteId).filter(n -> n.contactId() == contact.id()).orElseThrow(Errors::notFound);
    }

    /** {@code @contact.notes.create!(note_params)}: 422 with the model's messages when the content is invalid. */
    public static Note create(Transaction tx, Contact contact, Long userId, String content) {
        validate(content);
        Note note = new Note(tx.nextId(Sequence.NOTE), contact.accountId(), contact.id(), userId, content, tx.now(),
                tx.now());
        tx.state().notes.put(note);
        return note;
    }

    /**
     * {@code @note.update(note_params)}, which does not raise: the note as Chatwoot renders it afterwards.
     * Valid, it is saved (updated_at moves only when something changed). Invalid (blank or too long), nothing
     * is saved and the answer still shows the unsaved values — a 200 either way.
     *
     * @param content      the content given (null: a null one)
     * @param contentGiven false when the parameters carry no content: the note keeps its own
     */
    public static Note update(Transaction tx, Note note, Long userId, String content, boolean contentGiven) {
        String newContent = contentGiven ? content : note.content();
        Note assigned = new Note(note.id(), note.accountId(), note.contactId(), userId, newContent, note.createdAt(),
                note.updatedAt());
        if (!violations(newContent).isEmpty()) {
            return assigned;
        }
        if (Objects.equals(note.content(), newContent) && Objects.equals(note.userId(), userId)) {
            return note;
        }
        Note saved = new Note(note.id(), note.accountId(), note.contactId(), userId, newContent, note.createdAt(),
                tx.now());
        tx.state().notes.put(saved);
        return saved;
    }

    /** {@code @note.destroy!}. */
    public static void delete(Transaction tx, Note note) {
        tx.state().notes.remove(note.id());
    }

    /** A deleted contact's notes go with it (Contact {@code has_many :notes, dependent: :destroy_async}). */
    static void deleteOfContact(Transaction tx, long contactId) {
        State state = tx.state();
        for (long id : List.copyOf(state.notesOfContact.of(contactId))) {
            state.notes.remove(id);
        }
    }

    /** ContactMergeAction#merge_contact_notes: each of the mergee's notes now belongs to the base (saved). */
    static void move(Transaction tx, long fromContactId, long toContactId) {
        State state = tx.state();
        for (long id : List.copyOf(state.notesOfContact.of(fromContactId))) {
            Note n = state.notes.get(id);
            state.notes.put(new Note(n.id(), n.accountId(), toContactId, n.userId(), n.content(), n.createdAt(),
                    tx.now()));
        }
    }

    private static void validate(String content) {
        List<Errors.Violation> violations = violations(content);
        if (!violations.isEmpty()) {
            throw Errors.validation(violations);
        }
    }

    /**
     * In Rails' order: the column-length check (a before_validation, so first), then presence. Ruby counts
     * characters, not UTF-16 units.
     */
    /** Unicode's White_Space, what ActiveSupport's {@code blank?} ({@code /\A[[:space:]]*\z/}) skips. */
    private static boolean whiteSpace(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    private static List<Errors.Violation> violations(String content) {
        if (content != null && content.codePointCount(0, content.length()) > MAX_CONTENT) {
            return List.of(new Errors.Violation("content", "Content is too long (maximum is 20000 characters)"));
        }
        if (content == null || content.codePoints().allMatch(Notes::whiteSpace)) {
            return List.of(new Errors.Violation("content", "Content can't be blank"));
        }
        return List.of();
    }
}
