package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Conversation assignment (Chatwoot's app/services/conversations/assignment_service.rb and
 * AssignmentHandler): to an agent, to an agent bot, to a team, or nobody.
 */
@API(status = INTERNAL)
public final class Assignments {
    private Assignments() {
    }

    /**
     * Assigns the member {@code assigneeId}; an id that is null or not a member of the account
     * unassigns. A bot assignee is dropped; a pending bot conversation handed to a person opens.
     * Returns the new assignee, or null when the conversation ended up unassigned.
     */
    public static User assignUser(Transaction tx, Conversation current, Long assigneeId, Actor actor) {
        User assignee = Users.findInAccount(tx.state(), current.accountId(), assigneeId).orElse(null);
        Conversation.Builder b = current.toBuilder();
        if (assignee != null && current.assigneeBotId() != null && current.status() == ConversationStatus.PENDING) {
            b.status = ConversationStatus.OPEN;
            if (current.waitingSince() == null) {
                b.waitingSince = tx.now();
            }
        }
        b.assigneeId = assignee == null ? null : assignee.id();
        b.assigneeBotId = null;
        Conversations.save(tx, current, b, actor);
        return assignee;
    }

    /**
     * Hands the conversation to the account's bot {@code botId}: no human assignee, status pending.
     * An unknown bot changes nothing and returns null.
     */
    public static AgentBot assignBot(Transaction tx, Conversation current, Long botId, Actor actor) {
        AgentBot bot = AgentBots.findInAccount(tx.state(), current.accountId(), botId).orElse(null);
        if (bot == null) {
            return null;
        }
        Conversation.Builder b = current.toBuilder();
        b.assigneeId = null;
        b.assigneeBotId = bot.id();
        b.status = ConversationStatus.PENDING;
        Conversations.save(tx, current, b, actor);
        return bot;
    }

    /**
     * Sets the team ({@code teamId} ≤ 0 or null clears it; an unknown team is 404). A human assignee
     * who is not a member of the new team is unassigned, as Chatwoot's {@code ensure_assignee_is_from_team}
     * does; it would then auto-assign an online team member, and simulated agents are never online.
     */
    public static Team assignTeam(Transaction tx, Conversation current, Long teamId, Actor actor) {
        State state = tx.state();
        Team team = teamId == null || teamId <= 0 ? null : Teams.find(state, current.accountId(), teamId);
        Conversation.Builder b = current.toBuilder();
        b.teamId = team == null ? null : team.id();
        boolean teamChanged = !Objects.equals(current.teamId(), b.teamId);
        if (teamChanged && team != null && current.assigneeBotId() == null && current.assigneeId() != null
                && !Teams.isMember(state, team.id(), current.assigneeId())) {
            b.assigneeId = null;
        }
        Conversations.save(tx, current, b, actor);
        return team;
    }

    /**
     * An agent bot moving its pending conversation to open ("bot handoff", app/models/conversation.rb#bot_handoff!):
     * waiting_since starts if unset (its own save), then the bot lets go and the conversation opens.
     */
    public static Conversation botHandoff(Transaction tx, Conversation current, Actor actor) {
        Conversation saved = current;
        if (saved.waitingSince() == null) {
            Conversation.Builder waiting = saved.toBuilder();
            waiting.waitingSince = tx.now();
            saved = Conversations.save(tx, saved, waiting, actor);
        }
        Conversation.Builder b = saved.toBuilder();
        b.assigneeBotId = null;
        b.status = ConversationStatus.OPEN;
        return Conversations.save(tx, saved, b, actor);
    }
}
