package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.AgentBotInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Agent bots of an account (app/models/agent_bot.rb, app/controllers/api/v1/accounts/agent_bots_controller.rb)
 * and the inbox each serves (app/models/agent_bot_inbox.rb, {@code set_agent_bot} of
 * app/controllers/api/v1/accounts/inboxes_controller.rb). A bot is known by its access token and
 * signs what it receives with its secret.
 */
@API(status = INTERNAL)
public final class AgentBots {
    /** The generic check of app/models/application_record.rb for string columns without a length rule. */
    private static final int MAX_STRING = 255;
    /** {@code validates :outgoing_url, length: { maximum: Limits::URL_LENGTH_LIMIT }} (lib/limits.rb). */
    private static final int MAX_URL = 2048;

    private AgentBots() {
    }

    /**
     * What a create or update sets; a null field is "not given". {@code accessToken} and
     * {@code secret} are for bots defined at start (the API draws both).
     */
    public record BotFields(Change<String> name, Change<String> description, Change<String> outgoingUrl,
                            ObjectNode botConfig, String accessToken, String secret) {
        public static BotFields of(String name, String outgoingUrl) {
            return new BotFields(Change.of(name), null, outgoingUrl == null ? null : Change.of(outgoingUrl), null,
                    null, null);
        }
    }

    /** A bot with a name and a given token, no outgoing URL: a bot defined at start or in a test's world. */
    public static AgentBot create(Transaction tx, long accountId, String name, String accessToken) {
        return create(tx, accountId, new BotFields(Change.of(name), null, null, null, accessToken, null));
    }

    /** {@code POST /agent_bots}: the bot, with an access token and a secret of its own. */
    public static AgentBot create(Transaction tx, long accountId, BotFields fields) {
        State state = tx.state();
        // Drawn in this order whether given or not, so a given token leaves the next draws where they were.
        String drawnToken = tx.token();
        String drawnSecret = tx.token();
        String accessToken = fields.accessToken() != null ? fields.accessToken() : drawnToken;
        if (state.userByToken.find(accessToken).isPresent() || state.agentBotByToken.find(accessToken).isPresent()) {
            throw new IllegalArgumentException("access token already used: " + fields.name());
        }
        AgentBot blank = new AgentBot(tx.nextId(Sequence.AGENT_BOT), accountId, null, null, null, JsonBag.EMPTY,
                accessToken, fields.secret() != null ? fields.secret() : drawnSecret, tx.now(), tx.now());
        AgentBot bot = apply(blank, fields);
        validate(bot);
        state.agentBots.put(bot);
        return bot;
    }

    /** {@code PATCH /agent_bots/{id}}: what is given; {@code updated_at} moves only when something changed. */
    public static AgentBot update(Transaction tx, AgentBot current, BotFields fields) {
        AgentBot updated = apply(current, fields);
        validate(updated);
        if (updated.equals(current)) {
            return current;
        }
        AgentBot.Builder b = updated.toBuilder();
        b.updatedAt = tx.now();
        AgentBot saved = b.build();
        tx.state().agentBots.put(saved);
        return saved;
    }

    private static AgentBot apply(AgentBot current, BotFields f) {
        AgentBot.Builder b = current.toBuilder();
        b.name = Change.apply(f.name(), b.name);
        b.description = Change.apply(f.description(), b.description);
        b.outgoingUrl = Change.apply(f.outgoingUrl(), b.outgoingUrl);
        if (f.botConfig() != null) {
            b.botConfig = JsonBag.of(f.botConfig());
        }
        return b.build();
    }

    /** The generic column-length check (a before_validation, in column order), then the URL's own limit. */
    private static void validate(AgentBot bot) {
        List<Errors.Violation> v = new ArrayList<>();
        if (bot.name() != null && bot.name().length() > MAX_STRING) {
            v.add(new Errors.Violation("name", "Name is too long (maximum is 255 characters)"));
        }
        if (bot.description() != null && bot.description().length() > MAX_STRING) {
            v.add(new Errors.Violation("description", "Description is too long (maximum is 255 characters)"));
        }
        if (bot.outgoingUrl() != null && bot.outgoingUrl().length() > MAX_URL) {
            v.add(new Errors.Violation("outgoing_url", "Outgoing url is too long (maximum is 2048 characters)"));
        }
        if (!v.isEmpty()) {
            throw Errors.validation(v);
        }
    }

    /** {@code access_token.regenerate_token}: the old token stops working at once. */
    public static AgentBot resetAccessToken(Transaction tx, AgentBot current) {
        AgentBot.Builder b = current.toBuilder();
        b.accessToken = tx.token();
        AgentBot saved = b.build();
        tx.state().agentBots.put(saved);
        return saved;
    }

    /** {@code reset_secret!} (app/models/concerns/webhook_secretable.rb): later deliveries are signed with the new one. */
    public static AgentBot resetSecret(Transaction tx, AgentBot current) {
        AgentBot.Builder b = current.toBuilder();
        b.secret = tx.token();
        b.updatedAt = tx.now();
        AgentBot saved = b.build();
        tx.state().agentBots.put(saved);
        return saved;
    }

    /**
     * {@code destroy!}: its token and inbox attachments go; its messages keep their content without a
     * sender and its conversations lose it as assignee ({@code dependent: :nullify}, a plain update
     * without callbacks, so without events).
     */
    public static void destroy(Transaction tx, AgentBot bot) {
        State state = tx.state();
        for (Long inboxId : List.copyOf(state.inboxesOfAgentBot.of(bot.id()))) {
            state.agentBotInboxes.remove(inboxId);
        }
        for (Conversation c : List.copyOf(state.conversations.all())) {
            if (c.accountId() == bot.accountId() && Long.valueOf(bot.id()).equals(c.assigneeBotId())) {
                Conversation.Builder b = c.toBuilder();
                b.assigneeBotId = null;
                state.conversations.put(b.build());
            }
        }
        Messages.forgetSender(tx, SenderType.AGENT_BOT, bot.id());
        state.agentBots.remove(bot.id());
    }

    /** The bot of the account with this id, or 404 (Chatwoot's {@code Current.account.agent_bots.find}). */
    public static AgentBot find(State state, long accountId, long botId) {
        return findInAccount(state, accountId, botId).orElseThrow(Errors::notFound);
    }

    /**
     * {@code set_agent_bot}: the inbox's one attachment now points at {@code bot}; null detaches it.
     * Conversations already assigned to a bot keep it, as in Chatwoot.
     */
    public static void serve(Transaction tx, Inbox inbox, AgentBot bot) {
        if (bot == null) {
            tx.state().agentBotInboxes.find(inbox.id()).ifPresent(row -> tx.state().agentBotInboxes.remove(inbox.id()));
        } else {
            tx.state().agentBotInboxes.put(new AgentBotInbox(inbox.id(), bot.id()));
        }
    }

    /**
     * lib/webhooks/trigger.rb#update_conversation_status: a pending conversation whose bot could not be
     * sent a message is opened ({@code open!}, with its usual events; the bot stays the assignee),
     * and says so in an activity line.
     */
    public static void openAfterDeliveryFailure(Transaction tx, Conversation pending) {
        Conversation.Builder open = pending.toBuilder();
        open.status = ConversationStatus.OPEN;
        Conversation opened = Conversations.save(tx, pending, open, null);
        Activities.agentBotError(tx, opened);
    }

    /** The bot serving the inbox ({@code inbox.agent_bot}), if any. */
    public static Optional<AgentBot> ofInbox(State state, long inboxId) {
        return state.agentBotInboxes.find(inboxId).flatMap(row -> state.agentBots.find(row.agentBotId()));
    }

    /**
     * Who an outgoing message is from: the bot named by {@code sender_type: "AgentBot"} and
     * {@code sender_id} when it belongs to the account, else the caller (Chatwoot's MessageBuilder).
     */
    public static Actor messageAuthor(State state, long accountId, Actor caller, String senderType, Long senderId) {
        if ("AgentBot".equals(senderType)) {
            Optional<AgentBot> bot = findInAccount(state, accountId, senderId);
            if (bot.isPresent()) {
                return new Actor(SenderType.AGENT_BOT, bot.get().id());
            }
        }
        return caller;
    }

    /** Bots a conversation of the account may be assigned to or sent as (Chatwoot: own or system bots). */
    public static Optional<AgentBot> findInAccount(State state, long accountId, Long botId) {
        if (botId == null) {
            return Optional.empty();
        }
        return state.agentBots.find(botId).filter(b -> b.accountId() == accountId);
    }
}
