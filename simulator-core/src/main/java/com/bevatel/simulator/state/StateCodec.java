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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The whole {@link State} as one JSON document and back: state files and the admin API's export
 * and import. Rows are written as stored (snake_case fields, lower-case enum names, ISO-8601
 * instants, attachment bytes in base64) with the id sequences, the seeded generator and the clock,
 * so a loaded state goes on exactly as the saved one would have. Indexes and child lists are not
 * written: loading rebuilds them, checking every reference, every unique key and the sequences on
 * the way, so a damaged document is refused whole with the offending entry named.
 */
public final class StateCodec {
    public static final String FORMAT = "bevatel-simulator-state";
    public static final int VERSION = 1;

    /** Rows are loaded in this order, so a reference always points at a table already loaded. */
    private static final List<String> TOP_LEVEL = List.of("format", "version", "clock", "random", "sequences",
            "display_ids", "accounts", "users", "agent_bots", "teams", "inboxes", "inbox_members", "team_members",
            "webhooks", "contacts", "contact_labels", "contact_inboxes", "conversations", "messages", "attachments");

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
        rows(doc, "webhooks", state.webhooks);
        rows(doc, "contacts", state.contacts);
        rows(doc, "contact_labels", state.contactLabels);
        rows(doc, "contact_inboxes", state.contactInboxes);
        rows(doc, "conversations", state.conversations);
        rows(doc, "messages", state.messages);
        rows(doc, "attachments", state.attachments);
        return doc;
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
        new Reader(document, into).read();
    }

    /** One load: the document, the state being filled, and the unique keys seen so far. */
    private static final class Reader {
        private final JsonNode doc;
        private final State state;
        private final Set<String> tokens = new HashSet<>();
        private final Set<Long> channelIds = new HashSet<>();

        Reader(JsonNode doc, State state) {
            this.doc = doc;
            this.state = state;
        }

        void read() {
            if (doc == null || !doc.isObject()) {
                throw new InvalidEntryException("", "a state document is a JSON object");
            }
            if (!FORMAT.equals(doc.path("format").asText(null))) {
                throw new InvalidEntryException("/format", "not a simulator state: format must be \"" + FORMAT + "\"");
            }
            if (!doc.path("version").canConvertToInt() || doc.path("version").asInt() != VERSION) {
                throw new InvalidEntryException("/version", "unsupported version " + doc.path("version")
                        + " (this simulator reads version " + VERSION + ")");
            }
            doc.fieldNames().forEachRemaining(name -> {
                if (!TOP_LEVEL.contains(name)) {
                    throw new InvalidEntryException("/" + name, "unknown field " + name);
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
                    throw new InvalidEntryException(pointer, name + "." + parent + ": no such " + name.replace("_members", ""));
                }
                if (!entry.getValue().isArray()) {
                    throw new InvalidEntryException(pointer, name + "." + parent + " must be an array of user ids");
                }
                Set<Long> seen = new HashSet<>();
                for (int i = 0; i < entry.getValue().size(); i++) {
                    long user = number(pointer + "/" + i, entry.getValue().get(i), name + "." + parent + "[" + i + "]");
                    if (state.users.find(user).isEmpty() || !seen.add(user)) {
                        throw new InvalidEntryException(pointer + "/" + i,
                                name + "." + parent + "[" + i + "]: user " + user + " does not exist or is listed twice");
                    }
                    children.append(parent, user);
                }
            });
        }

        /** Decodes, checks and stores every row of one table; {@code link} checks references and indexes it. */
        private <R> void rows(String name, Class<R> type, Table<R> table, Sequence sequence, ToLongFunction<R> idOf,
                              java.util.function.Consumer<R> link) {
            JsonNode rows = doc.get(name);
            if (rows == null || !rows.isArray()) {
                throw new InvalidEntryException("/" + name, name + " must be an array");
            }
            for (int i = 0; i < rows.size(); i++) {
                String pointer = "/" + name + "/" + i;
                String label = name + "[" + i + "]";
                R row = decode(rows.get(i), type, pointer, label);
                long id = idOf.applyAsLong(row);
                label += " (id " + id + ")";
                if (id < 1) {
                    throw new InvalidEntryException(pointer, label + ": ids start at 1");
                }
                if (table.find(id).isPresent()) {
                    throw new InvalidEntryException(pointer, label + ": id used twice");
                }
                if (sequence != null && id > state.current(sequence)) {
                    throw new InvalidEntryException(pointer, label + ": id is beyond sequences."
                            + sequence.name().toLowerCase(Locale.ROOT) + " (" + state.current(sequence) + ")");
                }
                try {
                    link.accept(row);
                } catch (Problem problem) {
                    throw new InvalidEntryException(pointer, label + ": " + problem.getMessage());
                }
                table.put(row);
            }
        }

        private <R> R decode(JsonNode node, Class<R> type, String pointer, String label) {
            try {
                R row = SnapshotJson.MAPPER.treeToValue(node, type);
                if (row == null) {
                    throw new InvalidEntryException(pointer, label + ": null instead of a row");
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
                throw new InvalidEntryException(fieldPointer.toString(),
                        label + (field.length() == 0 ? "" : ": " + field) + ": " + problem(e), e);
            } catch (JsonProcessingException e) {
                throw new InvalidEntryException(pointer, label + ": " + e.getOriginalMessage(), e);
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
                throw new InvalidEntryException("/" + name, name + " must be an object");
            }
            return node;
        }

        private Instant instant(String pointer, String name) {
            try {
                return Instant.parse(doc.path(name).asText(""));
            } catch (DateTimeParseException e) {
                throw new InvalidEntryException(pointer, name + " must be an ISO-8601 instant: " + doc.get(name));
            }
        }

        private static long number(String pointer, JsonNode node, String name) {
            if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new InvalidEntryException(pointer, name + " must be an integer: " + node);
            }
            return node.longValue();
        }

        private static long nonNegative(String pointer, JsonNode node, String name) {
            long value = number(pointer, node, name);
            if (value < 0) {
                throw new InvalidEntryException(pointer, name + " must not be negative: " + value);
            }
            return value;
        }

        private static long parseId(String pointer, String text, String name) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new InvalidEntryException(pointer, name + " must be an id: " + text);
            }
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
