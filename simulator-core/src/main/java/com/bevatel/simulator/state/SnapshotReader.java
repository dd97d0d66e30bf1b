package com.bevatel.simulator.state;

import static com.bevatel.simulator.state.SnapshotRowDecoder.decode;
import static com.bevatel.simulator.state.SnapshotScalars.clock;
import static com.bevatel.simulator.state.SnapshotScalars.counter;
import static com.bevatel.simulator.state.SnapshotScalars.number;
import static com.bevatel.simulator.state.SnapshotScalars.parseId;

import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.AgentBotInbox;
import com.bevatel.simulator.model.Attachment;
import com.bevatel.simulator.model.CannedResponse;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.ContactLabels;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationParticipant;
import com.bevatel.simulator.model.CustomAttributeDefinition;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.InboxMember;
import com.bevatel.simulator.model.Label;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.Note;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.TeamMember;
import com.bevatel.simulator.model.TranscriptRequest;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.Webhook;
import com.bevatel.simulator.state.SnapshotValidator.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * One load of a state document ({@link StateCodec#read}) into an empty state: rows decoded strictly,
 * then checked ({@link SnapshotValidator}: required fields, references within the account, values in
 * range; here: unique keys, ids within their sequences, sequences and the clock within what the
 * simulator reaches) and indexed, in an order where a reference always points at a table already
 * loaded. The first problem ends it, naming the entry and, where one is at fault, its field. A document
 * of an older version is read as {@link SnapshotVersionUpgrade} fills it in.
 */
final class SnapshotReader {
    private final JsonNode doc;
    private final State state;
    private final Set<String> tokens = new HashSet<>();
    private final Set<Long> channelIds = new HashSet<>();
    private final SnapshotValidator check;

    SnapshotReader(JsonNode doc, State state) {
        this.doc = SnapshotVersionUpgrade.upgrade(doc);
        this.state = state;
        this.check = new SnapshotValidator(state);
    }

    void read() {
        if (doc == null || !doc.isObject()) {
            throw new InvalidEntryException(InvalidEntryException.STATE, "", "a state document is a JSON object");
        }
        if (!StateCodec.FORMAT.equals(doc.path("format").asText(null))) {
            throw new InvalidEntryException(InvalidEntryException.STATE, "/format", "not a simulator state: format must be \"" + StateCodec.FORMAT + "\"");
        }
        if (!doc.path("version").canConvertToInt() || doc.path("version").asInt() < StateCodec.OLDEST_READ
                || doc.path("version").asInt() > StateCodec.VERSION) {
            throw new InvalidEntryException(InvalidEntryException.STATE, "/version", "unsupported version " + doc.path("version")
                    + " (this simulator reads versions " + StateCodec.OLDEST_READ + " to " + StateCodec.VERSION + ")");
        }
        doc.fieldNames().forEachRemaining(name -> {
            if (!StateCodec.TOP_LEVEL.contains(name)) {
                throw new InvalidEntryException(InvalidEntryException.STATE, "/" + name, "unknown field " + name);
            }
        });
        state.clock.set(clock(doc));
        state.random.restore(number("/random", doc.get("random"), "random"));
        readSequences();
        readRows();
    }

    private void readSequences() {
        JsonNode sequences = object("sequences");
        for (Sequence sequence : Sequence.values()) {
            String name = sequence.name().toLowerCase(Locale.ROOT);
            if (SnapshotVersionUpgrade.mayLack(version(), sequence) && !sequences.has(name)) {
                continue;
            }
            state.take(sequence, counter("/sequences/" + name, sequences.get(name), "sequences." + name));
        }
        object("display_ids").fields().forEachRemaining(entry -> {
            String pointer = "/display_ids/" + entry.getKey();
            long account = parseId(pointer, entry.getKey(), "display_ids key");
            state.takeDisplayId(account, counter(pointer, entry.getValue(), "display_ids." + entry.getKey()));
        });
    }

    private void readRows() {
        rows("accounts", Account.class, state.accounts, Sequence.ACCOUNT, Account::id, check::account);
        rows("users", User.class, state.users, Sequence.USER, User::id, u -> {
            check.user(u);
            token(u.accessToken());
        });
        rows("agent_bots", AgentBot.class, state.agentBots, Sequence.AGENT_BOT, AgentBot::id, b -> {
            check.agentBot(b);
            token(b.accessToken());
        });
        rows("teams", Team.class, state.teams, Sequence.TEAM, Team::id, t -> {
            check.team(t);
            unique(state.teamByName, new State.AccountKey(t.accountId(), t.name()), "name");
        });
        rows("inboxes", Inbox.class, state.inboxes, Sequence.INBOX, Inbox::id, i -> {
            check.inbox(i);
            if (i.channel().id() < 1 || i.channel().id() > state.current(Sequence.CHANNEL)
                    || !channelIds.add(i.channel().id())) {
                throw new Problem("channel.id", "channel.id " + i.channel().id() + " is used twice or beyond sequences.channel");
            }
            unique(state.inboxByIdentifier, i.channel().identifier(), "channel.identifier");
        });
        members("inbox_members", state.inboxes, Inbox::accountId, state.inboxMembers, InboxMember::new);
        members("team_members", state.teams, Team::accountId, state.teamMembers, TeamMember::new);
        if (version() >= 2) {
            rows("agent_bot_inboxes", AgentBotInbox.class, state.agentBotInboxes, null, AgentBotInbox::inboxId,
                    check::agentBotInbox);
        }
        if (version() >= 3) {
            rows("custom_attribute_definitions", CustomAttributeDefinition.class, state.customAttributeDefinitions,
                    Sequence.CUSTOM_ATTRIBUTE_DEFINITION, CustomAttributeDefinition::id, d -> {
                        check.customAttributeDefinition(d);
                        unique(state.definitionByKey, State.definitionKey(d.accountId(), d.attributeModel(),
                                d.attributeKey()), "attribute_key");
                    });
        }
        rows("webhooks", Webhook.class, state.webhooks, Sequence.WEBHOOK, Webhook::id, check::webhook);
        if (version() >= 3) {
            rows("labels", Label.class, state.labels, Sequence.LABEL, Label::id, l -> {
                check.label(l);
                unique(state.labelByTitle, new State.AccountKey(l.accountId(), l.title()), "title");
            });
            rows("canned_responses", CannedResponse.class, state.cannedResponses, Sequence.CANNED_RESPONSE,
                    CannedResponse::id, r -> {
                        check.cannedResponse(r);
                        unique(state.cannedResponseByShortCode, new State.AccountKey(r.accountId(), r.shortCode()),
                                "short_code");
                    });
        }
        rows("contacts", Contact.class, state.contacts, Sequence.CONTACT, Contact::id, this::contact);
        rows("contact_labels", ContactLabels.class, state.contactLabels, null, ContactLabels::contactId,
                check::contactLabels);
        if (version() >= 3) {
            rows("notes", Note.class, state.notes, Sequence.NOTE, Note::id, check::note);
        }
        rows("contact_inboxes", ContactInbox.class, state.contactInboxes, Sequence.CONTACT_INBOX, ContactInbox::id,
                ci -> {
                    check.contactInbox(ci);
                    unique(state.contactInboxBySource, new State.SourceKey(ci.inboxId(), ci.sourceId()), "source_id");
                });
        rows("conversations", Conversation.class, state.conversations, Sequence.CONVERSATION, Conversation::id,
                this::conversation);
        rows("messages", Message.class, state.messages, Sequence.MESSAGE, Message::id, check::message);
        rows("attachments", Attachment.class, state.attachments, Sequence.ATTACHMENT, Attachment::id, a -> {
            check.attachment(a);
            unique(state.attachmentByBlobKey, a.blobKey(), "blob_key");
        });
        if (version() >= 3) {
            rows("conversation_participants", ConversationParticipant.class, state.conversationParticipants,
                    Sequence.CONVERSATION_PARTICIPANT, ConversationParticipant::id, p -> {
                        check.participant(p);
                        if (state.participantsOfConversation.of(p.conversationId()).stream()
                                .map(state.conversationParticipants::get).anyMatch(other -> other.userId() == p.userId())) {
                            throw new Problem("user_id", "user_id " + p.userId() + " already takes part in conversation "
                                    + p.conversationId());
                        }
                    });
            rows("transcript_requests", TranscriptRequest.class, state.transcriptRequests, Sequence.TRANSCRIPT_REQUEST,
                    TranscriptRequest::id, check::transcriptRequest);
        }
        state.displayIds().keySet().forEach(account -> {
            if (state.accounts.find(account).isEmpty()) {
                throw new InvalidEntryException(InvalidEntryException.STATE, "/display_ids/" + account,
                        "display_ids." + account + ": no such account");
            }
        });
    }

    private int version() {
        return doc.path("version").asInt();
    }

    private void contact(Contact c) {
        check.contact(c);
        if (c.email() != null && !c.email().isEmpty()) {
            unique(state.contactByEmail, new State.AccountKey(c.accountId(), c.email().toLowerCase(Locale.ROOT)), "email");
        }
        if (c.phoneNumber() != null && !c.phoneNumber().isEmpty()) {
            unique(state.contactByPhone, new State.AccountKey(c.accountId(), c.phoneNumber()), "phone_number");
        }
        if (c.identifier() != null && !c.identifier().isEmpty()) {
            unique(state.contactByIdentifier, new State.AccountKey(c.accountId(), c.identifier()), "identifier");
        }
    }

    private void conversation(Conversation c) {
        check.conversation(c);
        if (c.displayId() < 1 || c.displayId() > state.displayIds().getOrDefault(c.accountId(), 0L)) {
            throw new Problem("display_id", "display_id " + c.displayId() + " is beyond display_ids." + c.accountId());
        }
        unique(state.conversationByDisplayId, new State.DisplayKey(c.accountId(), c.displayId()), "display_id");
    }

    /** A membership row of a parent (an inbox, a team) and a user. */
    @FunctionalInterface
    private interface Membership<M> {
        M of(long parent, long user);
    }

    private <P, M> void members(String name, Table<P> parents, ToLongFunction<P> accountOf, RowSet<M> rows,
                                Membership<M> membership) {
        object(name).fields().forEachRemaining(entry -> {
            String pointer = "/" + name + "/" + entry.getKey();
            long parent = parseId(pointer, entry.getKey(), name + " key");
            Optional<P> row = parents.find(parent);
            if (row.isEmpty()) {
                throw new InvalidEntryException(InvalidEntryException.STATE, pointer, name + "." + parent + ": no such " + name.replace("_members", ""));
            }
            long account = accountOf.applyAsLong(row.get());
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
                try {
                    check.member(user, account, "user");
                } catch (Problem problem) {
                    throw new InvalidEntryException(InvalidEntryException.STATE, pointer + "/" + i,
                            name + "." + parent + "[" + i + "]: " + problem.getMessage());
                }
                rows.put(membership.of(parent, user));
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
                String field = problem.field() == null ? "" : "/" + problem.field().replace('.', '/');
                throw new InvalidEntryException(InvalidEntryException.STATE, pointer + field, label + ": " + problem.getMessage());
            }
            table.put(row);
        }
    }

    private void token(String token) {
        if (token == null || token.isBlank() || !tokens.add(token)) {
            throw new Problem("access_token", "access_token is blank or already used by another user or bot");
        }
    }

    /** Refuses a key an earlier row holds; the row's own entry comes with the row (the index observes its table). */
    private static <K> void unique(Index<K> index, K key, String field) {
        if (index.find(key).isPresent()) {
            throw new Problem(field, field + " is already used by another row");
        }
    }

    private JsonNode object(String name) {
        JsonNode node = doc.get(name);
        if (node == null || !node.isObject()) {
            throw new InvalidEntryException(InvalidEntryException.STATE, "/" + name, name + " must be an object");
        }
        return node;
    }
}
