package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.Priority;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.Transaction;
import com.bevatel.simulator.json.Json;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a member does in the Bevatel dashboard (issue 5 §3), as the Application API call the
 * dashboard makes on their behalf: the same domain operations, so the same messages, activity
 * lines and events. The member must be able to see the conversation (else 401).
 */
@API(status = INTERNAL)
public final class DashboardActions {
    private DashboardActions() {
    }

    public static Conversation conversation(Transaction tx, User member, long displayId) {
        Conversation conversation = Conversations.find(tx.state(), member.accountId(), displayId);
        Permissions.requireConversation(tx.state(), member, conversation);
        return conversation;
    }

    /** A public outgoing message from the member; a private note when {@code isPrivate}. */
    public static Message reply(Transaction tx, User member, long displayId, String content, boolean isPrivate) {
        Conversation conversation = conversation(tx, member, displayId);
        NewMessage spec = new NewMessage(content, Json.text(WireEnum.name(MessageType.OUTGOING)), isPrivate, null, null,
                null, null, null, null);
        return Messages.create(tx, conversation, spec, actor(member));
    }

    /** Resolve, reopen, mark pending, snooze ({@code snoozedUntil} null = until the next reply). */
    public static Conversation changeStatus(Transaction tx, User member, long displayId, ConversationStatus status,
                                            Instant snoozedUntil) {
        return Conversations.changeStatus(tx, conversation(tx, member, displayId), status, snoozedUntil, actor(member));
    }

    /** Assigns {@code assignee}, or unassigns when null. */
    public static Conversation assign(Transaction tx, User member, long displayId, User assignee) {
        Conversation current = conversation(tx, member, displayId);
        Assignments.assignUser(tx, current, assignee == null ? null : assignee.id(), actor(member));
        return tx.state().conversations.get(current.id());
    }

    /** Assigns {@code team}, or removes the team when null. */
    public static Conversation assignTeam(Transaction tx, User member, long displayId, Team team) {
        Conversation current = conversation(tx, member, displayId);
        Assignments.assignTeam(tx, current, team == null ? null : team.id(), actor(member));
        return tx.state().conversations.get(current.id());
    }

    public static Conversation setPriority(Transaction tx, User member, long displayId, Priority priority) {
        return ConversationActions.setPriority(tx, conversation(tx, member, displayId), priority, actor(member));
    }

    public static Conversation setLabels(Transaction tx, User member, long displayId, List<String> labels) {
        return Labels.setConversationLabels(tx, conversation(tx, member, displayId), labels, actor(member));
    }

    /** The typing indicator of the reply box ({@code isPrivate}: typing a private note). */
    public static Conversation typing(Transaction tx, User member, long displayId, boolean on, boolean isPrivate) {
        Conversation conversation = conversation(tx, member, displayId);
        ConversationActions.typing(tx, conversation, on ? "on" : "off", isPrivate, actor(member));
        return conversation;
    }

    /** Sets a message's delivery status as {@code PATCH …/messages/{id}} does. */
    public static Message markMessage(Transaction tx, User member, long displayId, long messageId, String status,
                                      String externalError) {
        Conversation conversation = conversation(tx, member, displayId);
        Message current = Messages.find(tx.state(), conversation, messageId);
        return Messages.updateStatus(tx, current, status, externalError);
    }

    private static Actor actor(User member) {
        return new Actor(SenderType.USER, member.id());
    }
}
