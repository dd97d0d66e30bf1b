package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Attachment;
import com.bevatel.simulator.model.ContactLabels;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.Webhook;
import com.bevatel.simulator.seed.SeededRandom;
import com.bevatel.simulator.time.SimulatedClock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Everything the simulator knows, as tables and indexes. {@code reset()} replaces the whole State
 * with a freshly seeded one, so a reset costs the same however much is stored.
 */
@API(status = INTERNAL)
public final class State {
    /** A contact-inbox's {@code source_id} is unique within its inbox. */
    public record SourceKey(long inboxId, String sourceId) {
    }

    /** A conversation's display id is unique within its account. */
    public record DisplayKey(long accountId, long displayId) {
    }

    /** A contact attribute unique within its account (lower-cased email, phone number, identifier). */
    public record AccountKey(long accountId, String value) {
    }

    final UndoLog undo = new UndoLog();
    final SeededRandom random;
    final SimulatedClock clock;
    private final long[] sequences = new long[Sequence.values().length];
    private final Map<Long, Long> displayIds = new HashMap<>();

    public final Table<Account> accounts = new Table<>(Account::id, undo);
    public final Table<User> users = new Table<>(User::id, undo);
    public final Table<Inbox> inboxes = new Table<>(Inbox::id, undo);
    public final Table<Contact> contacts = new Table<>(Contact::id, undo);
    public final Table<ContactInbox> contactInboxes = new Table<>(ContactInbox::id, undo);
    public final Table<Conversation> conversations = new Table<>(Conversation::id, undo);
    public final Table<Message> messages = new Table<>(Message::id, undo);
    public final Table<Webhook> webhooks = new Table<>(Webhook::id, undo);

    public final Index<String> userByToken = new Index<>(undo);
    public final Index<String> inboxByIdentifier = new Index<>(undo);
    public final Index<SourceKey> contactInboxBySource = new Index<>(undo);
    public final Index<DisplayKey> conversationByDisplayId = new Index<>(undo);
    public final Index<AccountKey> contactByEmail = new Index<>(undo);
    public final Index<AccountKey> contactByPhone = new Index<>(undo);
    public final Index<AccountKey> contactByIdentifier = new Index<>(undo);

    public final Children contactInboxesOfContact = new Children(undo);
    public final Children conversationsOfContactInbox = new Children(undo);
    public final Children conversationsOfAccount = new Children(undo);
    public final Children messagesOfConversation = new Children(undo);

    // Agents, teams and bots; contact labels; attachments (API.md §2.1, §5.3, §5.4, §5.6).
    public final Table<AgentBot> agentBots = new Table<>(AgentBot::id, undo);
    public final Table<Team> teams = new Table<>(Team::id, undo);
    public final Table<ContactLabels> contactLabels = new Table<>(ContactLabels::contactId, undo);
    public final Table<Attachment> attachments = new Table<>(Attachment::id, undo);
    public final Index<String> agentBotByToken = new Index<>(undo);
    public final Index<String> attachmentByBlobKey = new Index<>(undo);
    public final Children membersOfInbox = new Children(undo);
    public final Children membersOfTeam = new Children(undo);
    public final Children attachmentsOfMessage = new Children(undo);

    /** Derived from the conversations and messages tables (see each class): what lists and views ask often. */
    public final ConversationIndex conversationIndex = new ConversationIndex();
    public final ConversationMessages conversationMessages = new ConversationMessages();

    private final Settings settings;

    public State(SeededRandom random, SimulatedClock clock) {
        this(random, clock, Settings.defaults());
    }

    public State(SeededRandom random, SimulatedClock clock, Settings settings) {
        this.random = random;
        this.clock = clock;
        this.settings = settings;
        conversations.observe(conversationIndex::changed);
        messages.observe(conversationMessages::changed);
    }

    public Settings settings() {
        return settings;
    }

    public SimulatedClock clock() {
        return clock;
    }

    long next(Sequence sequence) {
        long last = sequences[sequence.ordinal()];
        if (last >= Sequence.MAX_ID) {
            throw noIdsLeft("sequences." + sequence.name().toLowerCase(Locale.ROOT));
        }
        return sequences[sequence.ordinal()] = last + 1;
    }

    long nextDisplayId(long accountId) {
        Long last = displayIds.get(accountId);
        if (last != null && last >= Sequence.MAX_ID) {
            throw noIdsLeft("display_ids." + accountId);
        }
        return displayIds.merge(accountId, 1L, Long::sum);
    }

    /** Past {@link Sequence#MAX_ID}, the largest id a saved state holds, there is none: the write fails whole. */
    private static IllegalStateException noIdsLeft(String counter) {
        return new IllegalStateException("no ids left: " + counter + " reached " + Sequence.MAX_ID
                + ", the largest id the simulator gives");
    }

    /** Takes an id given from outside (fixtures, a state file): the sequence continues after the largest. */
    long take(Sequence sequence, long id) {
        sequences[sequence.ordinal()] = Math.max(sequences[sequence.ordinal()], id);
        return id;
    }

    long takeDisplayId(long accountId, long displayId) {
        displayIds.merge(accountId, displayId, Math::max);
        return displayId;
    }

    long current(Sequence sequence) {
        return sequences[sequence.ordinal()];
    }

    Map<Long, Long> displayIds() {
        return displayIds;
    }

    /** Counters, generator and clock: what a rolled-back write must put back besides rows. */
    record Snapshot(long[] sequences, Map<Long, Long> displayIds, long random, java.time.Instant now) {
    }

    Snapshot snapshot() {
        return new Snapshot(sequences.clone(), new HashMap<>(displayIds), random.snapshot(), clock.now());
    }

    void restore(Snapshot snapshot) {
        System.arraycopy(snapshot.sequences(), 0, sequences, 0, sequences.length);
        displayIds.clear();
        displayIds.putAll(snapshot.displayIds());
        random.restore(snapshot.random());
        clock.set(snapshot.now());
    }
}
