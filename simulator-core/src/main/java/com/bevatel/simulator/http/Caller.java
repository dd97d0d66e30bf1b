package com.bevatel.simulator.http;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.model.User;

/**
 * Who is calling, in which account: a user (agent or administrator) or, on the endpoints open to
 * bots, an agent bot — then {@code user} is null and {@code bot} is set.
 */
public record Caller(User user, AgentBot bot, Account account) {
    public Caller(User user, Account account) {
        this(user, null, account);
    }

    public long accountId() {
        return account.id();
    }

    public boolean isBot() {
        return bot != null;
    }

    public boolean administrator() {
        return user != null && user.role() == Role.ADMINISTRATOR;
    }

    /** The actor the domain names in activity messages and events (Chatwoot's {@code Current.user}). */
    public Actor actor() {
        return isBot() ? new Actor(SenderType.AGENT_BOT, bot.id()) : new Actor(SenderType.USER, user.id());
    }
}
