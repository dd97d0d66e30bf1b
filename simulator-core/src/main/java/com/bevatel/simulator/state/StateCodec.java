package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Team;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.apiguardian.api.API;

/**
 * The whole {@link State} as one JSON document and back: state files and the admin API's export
 * and import. Rows are written as stored (snake_case fields, lower-case enum names, ISO-8601
 * instants, attachment bytes in base64) with the id sequences, the seeded generator and the clock,
 * so a loaded state goes on exactly as the saved one would have. Indexes and child lists are not
 * written: loading rebuilds them, checking every reference, every unique key and the sequences on
 * the way, so a damaged document is refused whole with the offending entry named.
 */
@API(status = INTERNAL)
public final class StateCodec {
    public static final String FORMAT = "bevatel-simulator-state";
    public static final int VERSION = 3;
    /**
     * Version 1 had no agent_bot_inboxes and no bot secrets: still read, as no attachments and unsigned
     * bots. Versions 1 and 2 had none of the users' profile and availability fields: read with Chatwoot's
     * defaults (see SnapshotVersionUpgrade); nor notes, conversation_participants, transcript_requests, labels,
     * canned_responses nor custom attribute definitions (nor their sequences): read as none; nor team icons:
     * read as {@code ""}.
     */
    static final int OLDEST_READ = 1;

    /** Rows are loaded in this order, so a reference always points at a table already loaded. */
    static final List<String> TOP_LEVEL = List.of("format", "version", "clock", "random", "sequences",
            "display_ids", "accounts", "users", "agent_bots", "teams", "inboxes", "inbox_members", "team_members",
            "agent_bot_inboxes",
            "custom_attribute_definitions",
            "webhooks", "labels", "canned_responses",
            "contacts", "contact_labels", "notes", "contact_inboxes", "conversations", "messages", "attachments",
            "conversation_participants", "transcript_requests");

    private StateCodec() {
    }

    /** The state as a document; call under the store's read lock ({@code store.read(StateCodec::write)}). */
    public static ObjectNode write(State state) {
        ObjectNode doc = SnapshotJson.MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.put("clock", state.clock.now().toString());
        doc.put("random", state.random.snapshot());
        ObjectNode sequences = doc.putObject("sequences");
        for (Sequence sequence : Sequence.values()) {
            sequences.put(sequence.name().toLowerCase(Locale.ROOT), state.current(sequence));
        }
        ObjectNode displayIds = doc.putObject("display_ids");
        new TreeMap<>(state.displayIds()).forEach((account, last) -> displayIds.put(String.valueOf(account), last));
        rows(doc, "accounts", state.accounts);
        rows(doc, "users", state.users);
        rows(doc, "agent_bots", state.agentBots);
        rows(doc, "teams", state.teams);
        rows(doc, "inboxes", state.inboxes);
        members(doc, "inbox_members", state.inboxes.all(), Inbox::id, state.membersOfInbox);
        members(doc, "team_members", state.teams.all(), Team::id, state.membersOfTeam);
        rows(doc, "agent_bot_inboxes", state.agentBotInboxes);
        rows(doc, "custom_attribute_definitions", state.customAttributeDefinitions);
        rows(doc, "webhooks", state.webhooks);
        rows(doc, "labels", state.labels);
        rows(doc, "canned_responses", state.cannedResponses);
        rows(doc, "contacts", state.contacts);
        rows(doc, "contact_labels", state.contactLabels);
        rows(doc, "notes", state.notes);
        rows(doc, "contact_inboxes", state.contactInboxes);
        rows(doc, "conversations", state.conversations);
        rows(doc, "messages", state.messages);
        rows(doc, "attachments", state.attachments);
        rows(doc, "conversation_participants", state.conversationParticipants);
        rows(doc, "transcript_requests", state.transcriptRequests);
        return doc;
    }

    /**
     * A document's text as {@link #read} wants it: numbers kept exactly, strings of any length
     * (attachments), one value only. Syntax errors name their line and column.
     */
    public static JsonNode parse(byte[] text) {
        try {
            JsonNode doc = SnapshotJson.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(text);
            if (doc == null || doc.isMissingNode()) {
                throw new InvalidEntryException(InvalidEntryException.STATE, "", "the state document is empty");
            }
            return doc;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidEntryException(InvalidEntryException.STATE, "", (at == null ? "" : "line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ": ") + "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as indented UTF-8 JSON (a state file people can read and diff). */
    public static void print(JsonNode doc, OutputStream out) throws IOException {
        SnapshotJson.MAPPER.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, doc);
    }

    private static <R> void rows(ObjectNode doc, String name, Table<R> table) {
        ArrayNode rows = doc.putArray(name);
        for (R row : table.all()) {
            rows.add(SnapshotJson.MAPPER.valueToTree(row));
        }
    }

    private static <R> void members(ObjectNode doc, String name, Iterable<R> parents, ToLongFunction<R> idOf,
                                    Children children) {
        ObjectNode out = doc.putObject(name);
        for (R parent : parents) {
            long id = idOf.applyAsLong(parent);
            if (!children.of(id).isEmpty()) {
                ArrayNode ids = out.putArray(String.valueOf(id));
                children.of(id).forEach(ids::add);
            }
        }
    }

    /**
     * Fills {@code into} — a new, empty state (see {@link Store#replace}) — from {@code document}.
     *
     * @throws InvalidEntryException naming the first problem found; {@code into} is then unusable
     */
    public static void read(JsonNode document, State into) {
        new SnapshotReader(document, into).read();
    }
}
