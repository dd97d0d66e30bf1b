package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Note;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A contact's note (app/views/api/v1/models/_note.json.jbuilder), its author in the agent partial. */
public final class NoteView {
    private NoteView() {
    }

    /**
     * {@code account_id} and {@code contact_id} are always null: the partial writes
     * {@code json.account_id json.account_id}, and the inner call, given no value, sets nothing and returns
     * nil (jbuilder's {@code set!} with its BLANK default), which the outer call then writes. {@code user} is
     * left out once the author is gone.
     */
    public static ObjectNode rest(Note note, State state) {
        ObjectNode o = Json.object();
        o.put("id", note.id());
        o.put("content", note.content());
        o.putNull("account_id");
        o.putNull("contact_id");
        if (note.userId() != null) {
            state.users.find(note.userId()).ifPresent(user -> o.set("user", UserView.agent(user)));
        }
        o.put("created_at", Json.unix(note.createdAt()));
        o.put("updated_at", Json.unix(note.updatedAt()));
        return o;
    }

    public static ArrayNode list(List<Note> notes, State state) {
        ArrayNode list = Json.array();
        notes.forEach(note -> list.add(rest(note, state)));
        return list;
    }
}
