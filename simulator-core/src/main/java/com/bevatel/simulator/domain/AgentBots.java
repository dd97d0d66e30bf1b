package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.Optional;
import org.apiguardian.api.API;

/** Agent bots of an account: each is known by its access token. */
@API(status = INTERNAL)
public final class AgentBots {
    private AgentBots() {
    }

    public static AgentBot create(Transaction tx, long accountId, String name, String accessToken) {
        State state = tx.state();
        if (state.userByToken.find(accessToken).isPresent() || state.agentBotByToken.find(accessToken).isPresent()) {
            throw new IllegalArgumentException("access token already used: " + name);
        }
        AgentBot bot = new AgentBot(tx.nextId(Sequence.AGENT_BOT), accountId, name, null, null, accessToken,
                tx.now(), tx.now());
        state.agentBots.put(bot);
        return bot;
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
