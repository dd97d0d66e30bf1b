package com.bevatel.simulator.state;

import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Attachment;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.ContactLabels;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.Webhook;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * One load of a state document ({@link StateCodec#read}) into an empty state: rows decoded strictly,
 * then checked (references, unique keys, ids within their sequences) and indexed, in an order where
 * a reference always points at a table already loaded. The first problem ends it, naming the entry.
 */
final class SnapshotReader {
    private final JsonNode doc;
    private final State state;
    private final Set<String> tokens = new HashSet<>();
    private final Set<Long> channelIds = new HashSet<>();

    SnapshotReader(JsonNode doc, State state) {
        this.doc = doc;
        this.state = state;
    }

    void read() {
        if (doc == null || !doc.isObject()) {
            throw new InvalidEntryException(InvalidEntryException.STATE, "", "a state document is a JSON object");
        }
        if (!StateCodec.FORMAT.equals(doc.path("format").asText(null))) {
            throw new InvalidEntryException(InvalidEntryException.STATE, "/format", "not a simulator state: format must be \"" + StateCodec.FORMAT + "\"");
        }
        if (!doc.path("version").canConvertToInt() || doc.path("version").asInt() != StateCodec.VERSION) {
            throw new InvalidEntryException(InvalidEntryException.STATE, "/version", "unsupported version " + doc.path("version")
                    + " (this simulator reads version " + StateCodec.VERSION + ")");
        }
        doc.fieldNames().forEachRemaining(name -> {
            if (!StateCodec.TOP_LEVEL.contains(name)) {
                throw new InvalidEntryException(InvalidEntryException.STATE, "/" + name, "unknown field " + name);
            }
        });
        state.clock.set(instant("/clock", "clock"));
        state.random.restore(number("/random", doc.get("random"), "random"));
        readSequences();
        readRows();
    }

    private void readSequences() {
        JsonNode sequences = object("sequences");
        for (Sequence sequence : Sequence.values()) {
            String name = sequence.name().toLowerCase(Locale.ROOT);
            state.take(sequence, nonNegative("/sequences/" + name, sequences.get(name), "sequences." + name));
        }
        object("display_ids").fields().forEachRemaining(entry -> {
            String pointer = "/display_ids/" + entry.getKey();
            long account = parseId(pointer, entry.getKey(), "display_ids key");
            state.takeDisplayId(account, nonNegative(pointer, entry.getValue(), "display_ids." + entry.getKey()));
        });
    }

    private void readRows() {
        rows("accounts", Account.class, state.accounts, Sequence.ACCOUNT, Account::id, a -> { });
        rows("users", User.class, state.users, Sequence.USER, User::id, u -> {
            account(u.accountId());
            token(u.accessToken());
            state.userByToken.put(u.accessToken(), u.id());
        });
        rows("agent_bots", AgentBot.class, state.agentBots, Sequence.AGENT_BOT, AgentBot::id, b -> {
            account(b.accountId());
            token(b.accessToken());
            state.agentBotByToken.put(b.accessToken(), b.id());
        });
        rows("teams", Team.class, state.teams, Sequence.TEAM, Team::id, t -> account(t.accountId()));
        rows("inboxes", Inbox.class, state.inboxes, Sequence.INBOX, Inbox::id, i -> {
            account(i.accountId());
            if (i.channel() == null) {
                throw new Problem("channel is missing");
            }
            if (i.channel().id() < 1 || i.channel().id() > state.current(Sequence.CHANNEL)
                    || !channelIds.add(i.channel().id())) {
                throw new Problem("channel.id " + i.channel().id() + " is used twice or beyond sequences.channel");
            }
            unique(state.inboxByIdentifier, i.channel().identifier(), "channel.identifier", i.id());
        });
        members("inbox_members", state.inboxes, state.membersOfInbox);
        members("team_members", state.teams, state.membersOfTeam);
        rows("webhooks", Webhook.class, state.webhooks, Sequence.WEBHOOK, Webhook::id, w -> account(w.accountId()));
        rows("contacts", Contact.class, state.contacts, Sequence.CONTACT, Contact::id, this::contact);
        rows("contact_labels", ContactLabels.class, state.contactLabels, null, ContactLabels::contactId, l -> { });
        rows("contact_inboxes", ContactInbox.class, state.contactInboxes, Sequence.CONTACT_INBOX, ContactInbox::id,
                ci -> {
                    refer(state.contacts, ci.contactId(), "contact_id");
                    refer(state.inboxes, ci.inboxId(), "inbox_id");
                    unique(state.contactInboxBySource, new State.SourceKey(ci.inboxId(), ci.sourceId()),
                            "source_id", ci.id());
                    state.contactInboxesOfContact.append(ci.contactId(), ci.id());
                });
        rows("conversations", Conversation.class, state.conversations, Sequence.CONVERSATION, Conversation::id,
                this::conversation);
        rows("messages", Message.class, state.messages, Sequence.MESSAGE, Message::id, m -> {
            refer(state.conversations, m.conversationId(), "conversation_id");
            state.messagesOfConversation.append(m.conversationId(), m.id());
        });
        rows("attachments", Attachment.class, state.attachments, Sequence.ATTACHMENT, Attachment::id, a -> {
            refer(state.messages, a.messageId(), "message_id");
            if (a.data() == null) {
                throw new Problem("data is missing");
            }
            unique(state.attachmentByBlobKey, a.blobKey(), "blob_key", a.id());
            state.attachmentsOfMessage.append(a.messageId(), a.id());
        });
    }

    private void contact(Contact c) {
        account(c.accountId());
        if (c.email() != null && !c.email().isEmpty()) {
            unique(state.contactByEmail, new State.AccountKey(c.accountId(), c.email().toLowerCase(Locale.ROOT)),
                    "email", c.id());
        }
        if (c.phoneNumber() != null && !c.phoneNumber().isEmpty()) {
            unique(state.contactByPhone, new State.AccountKey(c.accountId(), c.phoneNumber()), "phone_number", c.id());
        }
        if (c.identifier() != null && !c.identifier().isEmpty()) {
            unique(state.contactByIdentifier, new State.AccountKey(c.accountId(), c.identifier()), "identifier",
                    c.id());
        }
    }

    private void conversation(Conversation c) {
        account(c.accountId());
        refer(state.inboxes, c.inboxId(), "inbox_id");
        refer(state.contacts, c.contactId(), "contact_id");
        refer(state.contactInboxes, c.contactInboxId(), "contact_inbox_id");
        if (c.displayId() < 1 || c.displayId() > state.displayIds().getOrDefault(c.accountId(), 0L)) {
            throw new Problem("display_id " + c.displayId() + " is beyond display_ids." + c.accountId());
        }
        unique(state.conversationByDisplayId, new State.DisplayKey(c.accountId(), c.displayId()), "display_id", c.id());
        state.conversationsOfContactInbox.append(c.contactInboxId(), c.id());
        state.conversationsOfAccount.append(c.accountId(), c.id());
    }

    private void members(String name, Table<?> parents, Children children) {
        object(name).fields().forEachRemaining(entry -> {
            String pointer = "/" + name + "/" + entry.getKey();
            long parent = parseId(pointer, entry.getKey(), name + " key");
            if (parents.find(parent).isEmpty()) {
                throw new InvalidEntryException(InvalidEntryException.STATE, pointer, name + "." + parent + ": no such " + name.replace("_members", ""));
            }
            if (!entry.getValue().isArray()) {
                throw new InvalidEntryException(InvalidEntryException.STATE, pointer, name + "." + parent + " must be an array of user ids");
            }
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < entry.getValue().size(); i++) {
                long user = number(pointer + "/" + i, entry.getValue().get(i), name + "." + parent + "[" + i + "]");
                if (state.users.find(user).isEmpty() || !seen.add(user)) {
                    throw new InvalidEntryException(InvalidEntryException.STATE, pointer + "/" + i,
                            name + "." + parent + "[" + i + "]: user " + user + " does not exist or is listed twice");
                }
                children.append(parent, user);
            }
        });
    }

    /** Decodes, checks and stores every row of one table; {@code link} checks references and indexes it. */
    private <R> void rows(String name, Class<R> type, Table<R> table, Sequence sequence, ToLongFunction<R> idOf,
                          Consumer<R> link) {
        JsonNode rows = doc.get(name);
        if (rows == null || !rows.isArray()) {
            throw new InvalidEntryException(InvalidEntryException.STATE, "/" + name, name + " must be an array");
        }
        for (int i = 0; i < rows.size(); i++) {
            String pointer = "/" + name + "/" + i;
            String label = name + "[" + i + "]";
            R row = decode(rows.get(i), type, pointer, label);
            long id = idOf.applyAsLong(row);
            label += " (id " + id + ")";
            if (id < 1) {
                throw new InvalidEntryException(InvalidEntryException.STATE, pointer, label + ": ids start at 1");
            }
            if (table.find(id).isPresent()) {
                throw new InvalidEntryException(InvalidEntryException.STATE, pointer, label + ": id used twice");
            }
            if (sequence != null && id > state.current(sequence)) {
                throw new InvalidEntryException(InvalidEntryException.STATE, pointer, label + ": id is beyond sequences."
                        + sequence.name().toLowerCase(Locale.ROOT) + " (" + state.current(sequence) + ")");
            }
            try {
                link.accept(row);
            } catch (Problem problem) {
                throw new InvalidEntryException(InvalidEntryException.STATE, pointer, label + ": " + problem.getMessage());
            }
            table.put(row);
        }
    }

    private <R> R decode(JsonNode node, Class<R> type, String pointer, String label) {
        try {
            R row = SnapshotJson.MAPPER.treeToValue(node, type);
            if (row == null) {
                throw new InvalidEntryException(InvalidEntryException.STATE, pointer, label + ": null instead of a row");
            }
            return row;
        } catch (JsonMappingException e) {
            StringBuilder field = new StringBuilder();
            StringBuilder fieldPointer = new StringBuilder(pointer);
            for (JsonMappingException.Reference ref : e.getPath()) {
                String part = ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex());
                field.append(field.length() == 0 ? "" : ".").append(part);
                fieldPointer.append('/').append(part);
            }
            throw new InvalidEntryException(InvalidEntryException.STATE, fieldPointer.toString(),
                    label + (field.length() == 0 ? "" : ": " + field) + ": " + problem(e), e);
        } catch (JsonProcessingException e) {
            throw new InvalidEntryException(InvalidEntryException.STATE, pointer, label + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Jackson's finding in a reader's words. */
    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "cannot read " + invalid.getValue() + " as " + invalid.getTargetType().getSimpleName();
        }
        if (e.getOriginalMessage().startsWith("Missing creator property")) {
            return "is missing";
        }
        return e.getOriginalMessage();
    }

    private void account(long accountId) {
        refer(state.accounts, accountId, "account_id");
    }

    private void refer(Table<?> table, long id, String field) {
        if (table.find(id).isEmpty()) {
            throw new Problem(field + " " + id + " does not exist");
        }
    }

    private void token(String token) {
        if (token == null || token.isBlank() || !tokens.add(token)) {
            throw new Problem("access_token is blank or already used by another user or bot");
        }
    }

    private <K> void unique(Index<K> index, K key, String field, long id) {
        if (index.find(key).isPresent()) {
            throw new Problem(field + " is already used by another row");
        }
        index.put(key, id);
    }

    private JsonNode object(String name) {
        JsonNode node = doc.get(name);
        if (node == null || !node.isObject()) {
            throw new InvalidEntryException(InvalidEntryException.STATE, "/" + name, name + " must be an object");
        }
        return node;
    }

    private Instant instant(String pointer, String name) {
        try {
            return Instant.parse(doc.path(name).asText(""));
        } catch (DateTimeParseException e) {
            throw new InvalidEntryException(InvalidEntryException.STATE, pointer, name + " must be an ISO-8601 instant: " + doc.get(name));
        }
    }

    private static long number(String pointer, JsonNode node, String name) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidEntryException(InvalidEntryException.STATE, pointer, name + " must be an integer: " + node);
        }
        return node.longValue();
    }

    private static long nonNegative(String pointer, JsonNode node, String name) {
        long value = number(pointer, node, name);
        if (value < 0) {
            throw new InvalidEntryException(InvalidEntryException.STATE, pointer, name + " must not be negative: " + value);
        }
        return value;
    }

    private static long parseId(String pointer, String text, String name) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidEntryException(InvalidEntryException.STATE, pointer, name + " must be an id: " + text);
        }
    }

    /** A failed check on one row; the reader adds which row. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
