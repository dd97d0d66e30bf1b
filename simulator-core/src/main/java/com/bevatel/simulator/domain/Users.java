package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.InboxMember;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.model.TeamMember;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Account members, however they came (the builder, fixtures, {@code POST /agents}): one kind of row,
 * a {@link User} holding Chatwoot's User and its AccountUser in the account.
 */
@API(status = INTERNAL)
public final class Users {
    private Users() {
    }

    public static User add(Transaction tx, User user) {
        if (tx.state().userByToken.find(user.accessToken()).isPresent()) {
            throw new IllegalArgumentException("access token already used by another user: " + user.name());
        }
        tx.state().users.put(user);
        return user;
    }

    /** A member of the account by exact name or (case-insensitive) email. */
    public static Optional<User> byNameOrEmail(State state, long accountId, String nameOrEmail) {
        return state.users.all().stream()
                .filter(u -> u.accountId() == accountId && (u.name().equals(nameOrEmail)
                        || u.email().toLowerCase(Locale.ROOT).equals(nameOrEmail.toLowerCase(Locale.ROOT))))
                .findFirst();
    }

    /** What to tell a Java caller who named a member that does not exist: the members there are. */
    public static String unknown(State state, long accountId, String nameOrEmail) {
        List<String> members = state.users.all().stream().filter(u -> u.accountId() == accountId)
                .map(u -> u.name() + " <" + u.email() + ">").toList();
        return "no member named " + nameOrEmail + " in account " + accountId + "; its members: "
                + String.join(", ", members);
    }

    /** A member of the account by id, or empty (never another account's user). */
    public static Optional<User> findInAccount(State state, long accountId, Long userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return state.users.find(userId).filter(u -> u.accountId() == accountId);
    }

    /** The account's members as Chatwoot lists them ({@code order_by_full_name}: {@code lower(name)}), then by id. */
    public static List<User> ofAccount(State state, long accountId) {
        return state.users.all().stream().filter(u -> u.accountId() == accountId)
                .sorted(Comparator.comparing((User u) -> u.name().toLowerCase(Locale.ROOT)).thenComparingLong(User::id))
                .toList();
    }

    /** The user of any account with this email, compared lower-cased as Chatwoot stores emails ({@code User.from_email}). */
    public static Optional<User> byEmail(State state, String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return state.users.all().stream().filter(u -> u.email().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /**
     * The member leaves the account (app/jobs/agents/destroy_job.rb), and the user goes with it, as
     * DeleteObjectJob deletes a user left without accounts (here a user has one): their team and inbox
     * memberships go, their conversations are unassigned, their messages lose their sender and the
     * members they invited their inviter ({@code update_all} and {@code dependent: :nullify}: no
     * callbacks, so no events and no activity messages). Their token stops working at once.
     */
    public static void remove(Transaction tx, User user) {
        State state = tx.state();
        for (TeamMember row : List.copyOf(state.teamMembers.all())) {
            if (row.userId() == user.id()) {
                state.teamMembers.remove(row);
            }
        }
        for (InboxMember row : List.copyOf(state.inboxMembers.all())) {
            if (row.userId() == user.id()) {
                state.inboxMembers.remove(row);
            }
        }
        for (Long id : List.copyOf(state.conversationsOfAccount.of(user.accountId()))) {
            Conversation c = state.conversations.get(id);
            if (Long.valueOf(user.id()).equals(c.assigneeId())) {
                Conversation.Builder b = c.toBuilder();
                b.assigneeId = null;
                state.conversations.put(b.build());
            }
        }
        Messages.forgetSender(tx, SenderType.USER, user.id());
        for (User invitee : List.copyOf(state.users.all())) {
            if (Long.valueOf(user.id()).equals(invitee.inviterId())) {
                User.Builder b = invitee.toBuilder();
                b.inviterId = null;
                state.users.put(b.build());
            }
        }
        state.users.remove(user.id());
    }
}
