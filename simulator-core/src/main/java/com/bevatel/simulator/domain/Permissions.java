package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Chatwoot's Pundit policies for what a member may see (app/policies/{inbox,conversation}_policy.rb): administrators see the whole
 * account; an agent sees the inboxes they are a member of, and conversations in those inboxes or
 * assigned to one of their teams.
 */
@API(status = INTERNAL)
public final class Permissions {
    private Permissions() {
    }

    public static boolean administrator(User user) {
        return user.role() == Role.ADMINISTRATOR;
    }

    /**
     * A policy that allows administrators only, asked after the record was found (a controller whose
     * {@code fetch_*} before_action comes before {@code check_authorization}): 401 for an agent.
     */
    public static void requireAdministrator(User user) {
        if (user == null || !administrator(user)) {
            throw Errors.unauthorizedAction();
        }
    }

    public static boolean isInboxMember(State state, long inboxId, long userId) {
        return state.membersOfInbox.of(inboxId).contains(userId);
    }

    /** InboxPolicy#show?. */
    public static boolean canViewInbox(State state, User user, Inbox inbox) {
        return administrator(user) || isInboxMember(state, inbox.id(), user.id());
    }

    /** ConversationPolicy#show?: inbox access or team access. */
    public static boolean canViewConversation(State state, User user, Conversation conversation) {
        return administrator(user) || isInboxMember(state, conversation.inboxId(), user.id())
                || (conversation.teamId() != null && Teams.isMember(state, conversation.teamId(), user.id()));
    }

    /** The conversations lists and filters show an agent (PermissionFilterService: inbox membership only). */
    public static Predicate<Conversation> listable(State state, User user) {
        if (administrator(user)) {
            return c -> true;
        }
        return c -> isInboxMember(state, c.inboxId(), user.id());
    }

    /**
     * {@code authorize @inbox, :show?} before anything is created in an inbox (conversation and
     * contact-inbox create): 401 for an agent who is not a member. A null user is an agent bot, which
     * InboxPolicy#show? lets through.
     */
    public static void requireInbox(State state, User user, Inbox inbox) {
        if (user != null && !canViewInbox(state, user, inbox)) {
            throw Errors.unauthorizedAction();
        }
    }

    public static void requireConversation(State state, User user, Conversation conversation) {
        if (!canViewConversation(state, user, conversation)) {
            throw Errors.unauthorizedAction();
        }
    }
}
