package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.AgentBotInbox;
import com.bevatel.simulator.model.Attachment;
import com.bevatel.simulator.model.AttributeModel;
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
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.seed.SeededRandom;
import com.bevatel.simulator.time.SimulatedClock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Everything the simulator knows, as tables and indexes. Every index and child list derives from
 * its table's rows and is declared here next to the table, so domain code writes rows only and a
 * rolled-back write puts the indexes back with the rows; {@link #checkInvariants} checks they match.
 * {@code reset()} replaces the whole State with a freshly seeded one, so a reset costs the same
 * however much is stored.
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

    // Each table, then what derives from its rows: every index and child list observes its table, so
    // it follows every write of a row and every undo of one.
    public final Table<Account> accounts = new Table<>(Account::id, undo);
    public final Table<User> users = new Table<>(User::id, undo);
    public final Index<String> userByToken = Index.derived(users, RowKey.text(User::accessToken));
    public final Table<Inbox> inboxes = new Table<>(Inbox::id, undo);
    public final Index<String> inboxByIdentifier = Index.derived(inboxes, RowKey.text(i -> i.channel().identifier()));
    public final RowSet<InboxMember> inboxMembers = new RowSet<>(InboxMember.ORDER, undo);
    public final Children membersOfInbox = Children.derived(inboxMembers, InboxMember::inboxId, InboxMember::userId);
    public final Table<Contact> contacts = new Table<>(Contact::id, undo);
    // Chatwoot's contact validations: email (case-insensitively), phone number and identifier each
    // unique within the account when present (app/models/contact.rb).
    public final Index<AccountKey> contactByEmail = Index.derived(contacts, RowKey.textWithin(Contact::accountId,
            c -> present(c.email()), (account, email) -> new AccountKey(account, email.toLowerCase(Locale.ROOT))));
    public final Index<AccountKey> contactByPhone = Index.derived(contacts, RowKey.textWithin(Contact::accountId,
            c -> present(c.phoneNumber()), AccountKey::new));
    public final Index<AccountKey> contactByIdentifier = Index.derived(contacts, RowKey.textWithin(Contact::accountId,
            c -> present(c.identifier()), AccountKey::new));
    public final Table<ContactInbox> contactInboxes = new Table<>(ContactInbox::id, undo);
    public final Index<SourceKey> contactInboxBySource = Index.derived(contactInboxes,
            RowKey.textWithin(ContactInbox::inboxId, ContactInbox::sourceId, SourceKey::new));
    public final Children contactInboxesOfContact = Children.derived(contactInboxes, ContactInbox::contactId);
    public final Table<Conversation> conversations = new Table<>(Conversation::id, undo);
    public final Index<DisplayKey> conversationByDisplayId = Index.derived(conversations,
            RowKey.numberWithin(Conversation::accountId, Conversation::displayId, DisplayKey::new));
    public final Children conversationsOfContactInbox = Children.derived(conversations, Conversation::contactInboxId);
    public final Children conversationsOfAccount = Children.derived(conversations, Conversation::accountId);
    public final Table<Message> messages = new Table<>(Message::id, undo);
    public final Children messagesOfConversation = Children.derived(messages, Message::conversationId);
    /** Members taking part in a conversation besides its assignee, in the order added. */
    public final Table<ConversationParticipant> conversationParticipants = new Table<>(ConversationParticipant::id, undo);
    public final Children participantsOfConversation = Children.derived(conversationParticipants,
            ConversationParticipant::conversationId);
    /** Transcripts asked for by email: Chatwoot mails them, the simulator records them. */
    public final Table<TranscriptRequest> transcriptRequests = new Table<>(TranscriptRequest::id, undo);
    public final Children transcriptRequestsOfConversation = Children.derived(transcriptRequests,
            TranscriptRequest::conversationId);
    public final Table<Webhook> webhooks = new Table<>(Webhook::id, undo);

    // Agents, teams and bots; labels and canned responses; attachments (roles, assignments, labels, message uploads).
    public final Table<AgentBot> agentBots = new Table<>(AgentBot::id, undo);
    public final Index<String> agentBotByToken = Index.derived(agentBots, RowKey.text(AgentBot::accessToken));
    /** The bot serving each inbox, keyed by inbox id (one per inbox). */
    public final Table<AgentBotInbox> agentBotInboxes = new Table<>(AgentBotInbox::inboxId, undo);
    public final Children inboxesOfAgentBot = Children.derived(agentBotInboxes, AgentBotInbox::agentBotId);
    public final Table<Team> teams = new Table<>(Team::id, undo);
    // Team names, label titles and canned responses' short codes are unique within the account
    // (app/models/team.rb, label.rb, canned_response.rb).
    public final Index<AccountKey> teamByName = Index.derived(teams, RowKey.textWithin(Team::accountId, Team::name,
            AccountKey::new));
    public final RowSet<TeamMember> teamMembers = new RowSet<>(TeamMember.ORDER, undo);
    public final Children membersOfTeam = Children.derived(teamMembers, TeamMember::teamId, TeamMember::userId);
    public final Table<ContactLabels> contactLabels = new Table<>(ContactLabels::contactId, undo);
    public final Table<Label> labels = new Table<>(Label::id, undo);
    public final Index<AccountKey> labelByTitle = Index.derived(labels, RowKey.textWithin(Label::accountId,
            Label::title, AccountKey::new));
    public final Table<CannedResponse> cannedResponses = new Table<>(CannedResponse::id, undo);
    public final Index<AccountKey> cannedResponseByShortCode = Index.derived(cannedResponses,
            RowKey.textWithin(CannedResponse::accountId, CannedResponse::shortCode, AccountKey::new));
    public final Table<Attachment> attachments = new Table<>(Attachment::id, undo);
    public final Index<String> attachmentByBlobKey = Index.derived(attachments, RowKey.text(Attachment::blobKey));
    public final Children attachmentsOfMessage = Children.derived(attachments, Attachment::messageId);
    /** Notes on contacts (app/models/note.rb), listed per contact. */
    public final Table<Note> notes = new Table<>(Note::id, undo);
    public final Children notesOfContact = Children.derived(notes, Note::contactId);

    // The account's vocabulary: custom attribute definitions, one per key and model in an account.
    public final Table<CustomAttributeDefinition> customAttributeDefinitions =
            new Table<>(CustomAttributeDefinition::id, undo);
    public final Index<AccountKey> definitionByKey = Index.derived(customAttributeDefinitions,
            RowKey.textWithin(CustomAttributeDefinition::accountId, State::definitionText, AccountKey::new));

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

    /**
     * Throws, naming each index and key, when anything derived from the rows does not match them (see
     * {@link Invariants}). Reads every row: for tests, under the store's lock ({@code store.read}).
     */
    public void checkInvariants() {
        List<String> problems = Invariants.problems(this);
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 20);
            throw new IllegalStateException("what derives from the rows does not match them (" + problems.size() + "):\n  "
                    + String.join("\n  ", problems.subList(0, shown)) + (shown < problems.size() ? "\n  …" : ""));
        }
    }

    /**
     * The key {@link #definitionByKey} finds a definition under: its model's name, a space, its
     * attribute key (a model's name has no space, so no two pairs share a text).
     */
    public static AccountKey definitionKey(long accountId, AttributeModel model, String attributeKey) {
        return new AccountKey(accountId, WireEnum.name(model) + " " + attributeKey);
    }

    private static String definitionText(CustomAttributeDefinition d) {
        return d.attributeModel() == null || d.attributeKey() == null ? null
                : WireEnum.name(d.attributeModel()) + " " + d.attributeKey();
    }

    /** A contact attribute is indexed when it is neither null nor empty. */
    private static String present(String value) {
        return value == null || value.isEmpty() ? null : value;
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
