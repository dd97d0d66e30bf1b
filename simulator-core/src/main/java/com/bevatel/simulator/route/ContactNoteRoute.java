package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Contacts;
import com.bevatel.simulator.domain.Notes;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Note;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.NoteView;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code /contacts/{id}/notes} (app/controllers/api/v1/accounts/contacts/notes_controller.rb): every member
 * lists, writes, edits and deletes every note of a contact — the controller asks no policy — and bots are
 * refused. The contact is found first (404), then the note among its own (404), then the parameters are read.
 */
final class ContactNoteRoute {
    /**
     * The Note model's attributes Rails wraps under {@code note} from a JSON body ({@code id} and
     * {@code account_id} left out: here they are path parameters).
     */
    private static final List<String> MODEL_ATTRIBUTES = List.of("content", "contact_id", "user_id", "created_at",
            "updated_at");

    private ContactNoteRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/contacts/{id}/notes", Access.account(), (request, caller) -> router.store().read(state ->
                Response.ok(NoteView.list(Notes.ofContact(state, contact(state, request, caller).id()), state))));
        router.accountPost("/contacts/{id}/notes", Access.account(), (request, caller) -> router.store().write(tx -> {
            Contact contact = contact(tx.state(), request, caller);
            Params note = WrappedParams.require(request, "note", MODEL_ATTRIBUTES);
            return Response.ok(NoteView.rest(Notes.create(tx, contact, caller.user().id(), content(note)), tx.state()));
        }));
        router.accountGet("/contacts/{id}/notes/{note_id}", Access.account(), (request, caller) ->
                router.store().read(state -> Response.ok(NoteView.rest(note(state, request, caller), state))));
        router.accountUpdate("/contacts/{id}/notes/{note_id}", Access.account(), (request, caller) ->
                router.store().write(tx -> {
                    Note current = note(tx.state(), request, caller);
                    Params note = WrappedParams.require(request, "note", MODEL_ATTRIBUTES);
                    JsonNode given = note.node("content");
                    boolean permitted = given != null && given.isValueNode();
                    Note updated = Notes.update(tx, current, caller.user().id(), content(note), permitted);
                    return Response.ok(NoteView.rest(updated, tx.state()));
                }));
        router.accountDelete("/contacts/{id}/notes/{note_id}", Access.account(), (request, caller) ->
                router.store().write(tx -> {
                    Notes.delete(tx, note(tx.state(), request, caller));
                    return Response.okEmpty();
                }));
    }

    private static Contact contact(State state, Request request, Caller caller) {
        return Contacts.find(state, caller.accountId(), request.idParam("id"));
    }

    private static Note note(State state, Request request, Caller caller) {
        return Notes.find(state, contact(state, request, caller), request.idParam("note_id"));
    }

    /**
     * {@code permit(:content)} as the text column casts it: a scalar as Ruby writes it ({@code true} is "t",
     * {@code false} "f"), null otherwise — an object or an array is not permitted, so no content is given.
     */
    private static String content(Params note) {
        JsonNode node = note.node("content");
        if (node == null || node.isNull() || !node.isValueNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "t" : "f";
        }
        return node.asText();
    }
}
