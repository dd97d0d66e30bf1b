package com.bevatel.simulator.state;

import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.AgentBotInbox;
import com.bevatel.simulator.model.ApiChannel;
import com.bevatel.simulator.model.Attachment;
import com.bevatel.simulator.model.CannedResponse;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.ContactLabels;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationParticipant;
import com.bevatel.simulator.model.CustomAttributeDefinition;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Label;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.Note;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.TranscriptRequest;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.Webhook;
import com.bevatel.simulator.model.WorkingHours;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * What each row of a state document must hold beyond its JSON shape (which {@link SnapshotJson}
 * checks: every field present, of its type, enums by name, instants within the clock's range), so
 * that a loaded state serves every read and write the way one the simulator built does:
 * <ul>
 *   <li>no null where the simulator always stores a value (names, enums, tokens, attribute bags,
 *       label lists, timestamps); the fields left nullable are those its own writes leave null;</li>
 *   <li>every reference resolves, to a row of the same account (Chatwoot scopes every record by
 *       {@code account_id}: a conversation of one account never shows another account's contact) —
 *       except a webhook's {@code inbox_id}, which the API itself takes unchecked;</li>
 *   <li>what the domain computes with is in range: a time zone Java knows, a working week of seven
 *       days with hours and minutes of a clock.</li>
 * </ul>
 * Rows are checked as {@link SnapshotReader} loads them, tables in an order where a reference
 * always points at a table already loaded; a failed check is a {@link Problem} naming the field.
 */
final class SnapshotValidator {
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final State state;

    SnapshotValidator(State state) {
        this.state = state;
    }

    void account(Account a) {
        required("name", a.name());
        required("created_at", a.createdAt());
    }

    void user(User u) {
        accountExists(u.accountId());
        required("name", u.name());
        required("email", u.email());
        required("role", u.role());
        required("pubsub_token", u.pubsubToken());
        required("created_at", u.createdAt());
        required("availability", u.availability());
        if (u.inviterId() != null) {
            // Users are read by id, and an inviter was there before the user it invited.
            sameAccount(state.users, u.inviterId(), "inviter_id", User::accountId, u.accountId());
        }
    }

    void agentBot(AgentBot b) {
        accountExists(b.accountId());
        required("access_token", b.accessToken());
        stamped(b.createdAt(), b.updatedAt());
    }

    /** The inbox and the bot exist and belong to one account. */
    void agentBotInbox(AgentBotInbox row) {
        Inbox inbox = state.inboxes.find(row.inboxId())
                .orElseThrow(() -> new Problem("inbox_id", "inbox_id " + row.inboxId() + " does not exist"));
        sameAccount(state.agentBots, row.agentBotId(), "agent_bot_id", AgentBot::accountId, inbox.accountId());
    }

    /** What the filters and views read: a display name, type, key and model, and the values' list. */
    void customAttributeDefinition(CustomAttributeDefinition d) {
        accountExists(d.accountId());
        required("attribute_display_name", d.attributeDisplayName());
        required("attribute_display_type", d.attributeDisplayType());
        required("attribute_key", d.attributeKey());
        required("attribute_values", d.attributeValues());
        required("attribute_model", d.attributeModel());
        stamped(d.createdAt(), d.updatedAt());
    }

    void team(Team t) {
        accountExists(t.accountId());
        required("name", t.name());
        required("icon", t.icon());
        required("icon_color", t.iconColor());
        stamped(t.createdAt(), t.updatedAt());
    }

    void label(Label l) {
        accountExists(l.accountId());
        required("title", l.title());
        required("color", l.color());
        stamped(l.createdAt(), l.updatedAt());
    }

    void cannedResponse(CannedResponse r) {
        accountExists(r.accountId());
        required("short_code", r.shortCode());
        required("content", r.content());
        stamped(r.createdAt(), r.updatedAt());
    }

    void inbox(Inbox i) {
        accountExists(i.accountId());
        required("name", i.name());
        ApiChannel channel = required("channel", i.channel());
        required("channel.identifier", channel.identifier());
        required("channel.hmac_token", channel.hmacToken());
        required("channel.secret", channel.secret());
        required("channel.additional_attributes", channel.additionalAttributes());
        required("channel.created_at", channel.createdAt());
        required("channel.updated_at", channel.updatedAt());
        week(required("working_hours", i.workingHours()));
        if (!ZONES.contains(required("timezone", i.timezone()))) {
            throw new Problem("timezone", "timezone " + i.timezone() + " is not a time zone Java knows");
        }
        required("csat_config", i.csatConfig());
        required("auto_assignment_config", i.autoAssignmentConfig());
        required("sender_name_type", i.senderNameType());
        stamped(i.createdAt(), i.updatedAt());
    }

    /** Inbox updates replace a day by its index ({@code working_hours[day_of_week]}): seven days, in order. */
    private static void week(List<WorkingHours> week) {
        if (week.size() != 7) {
            throw new Problem("working_hours", "working_hours must list the 7 days of the week, Sunday (0) first");
        }
        for (int day = 0; day < 7; day++) {
            WorkingHours hours = week.get(day);
            String field = "working_hours." + day;
            if (hours == null || hours.dayOfWeek() != day) {
                throw new Problem(field, field + " must be the day_of_week " + day);
            }
            within(field + ".open_hour", hours.openHour(), 23);
            within(field + ".open_minutes", hours.openMinutes(), 59);
            within(field + ".close_hour", hours.closeHour(), 23);
            within(field + ".close_minutes", hours.closeMinutes(), 59);
        }
    }

    /**
     * {@code inbox_id} is kept as given: the API stores any (Chatwoot's {@code app/models/webhook.rb}
     * has {@code belongs_to :inbox, optional: true} and no check), and the views skip one that does not resolve.
     */
    void webhook(Webhook w) {
        accountExists(w.accountId());
        required("url", w.url());
        required("secret", w.secret());
        stamped(w.createdAt(), w.updatedAt());
    }

    void contact(Contact c) {
        accountExists(c.accountId());
        required("additional_attributes", c.additionalAttributes());
        required("custom_attributes", c.customAttributes());
        required("contact_type", c.contactType());
        stamped(c.createdAt(), c.updatedAt());
    }

    void contactLabels(ContactLabels l) {
        refer(state.contacts, l.contactId(), "contact_id");
        labels(l.labels());
    }

    /** A note's contact is of its account; its author, when it has one, a user of that account. */
    void note(Note n) {
        sameAccount(state.contacts, n.contactId(), "contact_id", Contact::accountId, n.accountId());
        if (n.userId() != null) {
            sameAccount(state.users, n.userId(), "user_id", User::accountId, n.accountId());
        }
        required("content", n.content());
        stamped(n.createdAt(), n.updatedAt());
    }

    void contactInbox(ContactInbox ci) {
        long account = refer(state.contacts, ci.contactId(), "contact_id").accountId();
        sameAccount(state.inboxes, ci.inboxId(), "inbox_id", Inbox::accountId, account);
        required("source_id", ci.sourceId());
        required("pubsub_token", ci.pubsubToken());
        stamped(ci.createdAt(), ci.updatedAt());
    }

    void conversation(Conversation c) {
        long account = c.accountId();
        accountExists(account);
        sameAccount(state.inboxes, c.inboxId(), "inbox_id", Inbox::accountId, account);
        sameAccount(state.contacts, c.contactId(), "contact_id", Contact::accountId, account);
        ContactInbox session = refer(state.contactInboxes, c.contactInboxId(), "contact_inbox_id");
        if (session.contactId() != c.contactId() || session.inboxId() != c.inboxId()) {
            throw new Problem("contact_inbox_id", "contact_inbox_id " + c.contactInboxId() + " is contact "
                    + session.contactId() + " in inbox " + session.inboxId() + ", not this conversation's contact "
                    + c.contactId() + " in inbox " + c.inboxId());
        }
        if (c.assigneeId() != null) {
            sameAccount(state.users, c.assigneeId(), "assignee_id", User::accountId, account);
        }
        if (c.assigneeBotId() != null) {
            sameAccount(state.agentBots, c.assigneeBotId(), "assignee_bot_id", AgentBot::accountId, account);
        }
        if (c.teamId() != null) {
            sameAccount(state.teams, c.teamId(), "team_id", Team::accountId, account);
        }
        required("uuid", c.uuid());
        required("status", c.status());
        required("additional_attributes", c.additionalAttributes());
        required("custom_attributes", c.customAttributes());
        labels(c.labels());
        required("last_activity_at", c.lastActivityAt());
        required("status_changed_at", c.statusChangedAt());
        stamped(c.createdAt(), c.updatedAt());
    }

    void message(Message m) {
        Conversation conversation = refer(state.conversations, m.conversationId(), "conversation_id");
        if (m.accountId() != conversation.accountId()) {
            throw new Problem("account_id", "account_id " + m.accountId() + " is not its conversation's account "
                    + conversation.accountId());
        }
        if (m.inboxId() != conversation.inboxId()) {
            throw new Problem("inbox_id", "inbox_id " + m.inboxId() + " is not its conversation's inbox "
                    + conversation.inboxId());
        }
        required("message_type", m.messageType());
        required("content_type", m.contentType());
        required("status", m.status());
        stamped(m.createdAt(), m.updatedAt());
        sender(m);
    }

    /** {@code sender_type} and {@code sender_id} name a contact, user or bot of the account, or neither is set. */
    private void sender(Message m) {
        if (m.senderType() == null || m.senderId() == null) {
            if (m.senderType() != null || m.senderId() != null) {
                throw new Problem(m.senderId() == null ? "sender_id" : "sender_type",
                        "sender_type and sender_id are both set or both null");
            }
            return;
        }
        switch (m.senderType()) {
            case CONTACT -> sameAccount(state.contacts, m.senderId(), "sender_id", Contact::accountId, m.accountId());
            case USER -> sameAccount(state.users, m.senderId(), "sender_id", User::accountId, m.accountId());
            case AGENT_BOT -> sameAccount(state.agentBots, m.senderId(), "sender_id", AgentBot::accountId, m.accountId());
        }
    }

    void attachment(Attachment a) {
        Message message = refer(state.messages, a.messageId(), "message_id");
        if (a.accountId() != message.accountId()) {
            throw new Problem("account_id", "account_id " + a.accountId() + " is not its message's account "
                    + message.accountId());
        }
        required("file_type", a.fileType());
        required("content_type", a.contentType());
        required("data", a.data());
        required("blob_key", a.blobKey());
        required("created_at", a.createdAt());
    }

    /** A conversation's participant: a user of the conversation's account (inbox access is not checked: it may change). */
    void participant(ConversationParticipant p) {
        ofConversation(p.conversationId(), p.accountId());
        sameAccount(state.users, p.userId(), "user_id", User::accountId, p.accountId());
        stamped(p.createdAt(), p.updatedAt());
    }

    void transcriptRequest(TranscriptRequest t) {
        ofConversation(t.conversationId(), t.accountId());
        required("email", t.email());
        required("created_at", t.createdAt());
    }

    /** The row's conversation exists and its account is the row's. */
    private void ofConversation(long conversationId, long accountId) {
        Conversation conversation = refer(state.conversations, conversationId, "conversation_id");
        if (accountId != conversation.accountId()) {
            throw new Problem("account_id", "account_id " + accountId + " is not its conversation's account "
                    + conversation.accountId());
        }
    }

    /** An inbox's or team's member: a user of the same account. */
    void member(long userId, long accountId, String field) {
        sameAccount(state.users, userId, field, User::accountId, accountId);
    }

    private void accountExists(long accountId) {
        refer(state.accounts, accountId, "account_id");
    }

    private static void labels(List<String> labels) {
        required("labels", labels);
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) == null) {
                throw new Problem("labels." + i, "labels." + i + " must be a label, not null");
            }
        }
    }

    private static <R> R refer(Table<R> table, long id, String field) {
        return table.find(id).orElseThrow(() -> new Problem(field, field + " " + id + " does not exist"));
    }

    private static <R> void sameAccount(Table<R> table, long id, String field, ToLongFunction<R> accountOf, long accountId) {
        long account = accountOf.applyAsLong(refer(table, id, field));
        if (account != accountId) {
            throw new Problem(field, field + " " + id + " belongs to account " + account + ", not to account " + accountId);
        }
    }

    private static void stamped(Object createdAt, Object updatedAt) {
        required("created_at", createdAt);
        required("updated_at", updatedAt);
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new Problem(field, field + " must not be null");
        }
        return value;
    }

    private static void within(String field, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            throw new Problem(field, field + " must be 0 to " + max + ": " + value);
        }
    }

    /** A failed check on one row, naming its field (dotted: {@code channel.identifier}); the reader adds which row. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Problem(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        /** The offending field, or null when it is the row as a whole. */
        String field() {
            return field;
        }
    }
}
