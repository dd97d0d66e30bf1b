package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.InboxMember;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The members of an inbox, as {@code /inbox_members} changes them
 * (app/controllers/api/v1/accounts/inbox_members_controller.rb, app/models/inbox_member.rb,
 * {@code add_members}/{@code remove_members} of app/models/inbox.rb). Membership is what lets an
 * agent see an inbox and its conversations ({@link Permissions}). No webhook is sent, and conversations
 * assigned to a member who leaves stay assigned.
 */
@API(status = INTERNAL)
public final class InboxMembers {
    private InboxMembers() {
    }

    /**
     * One element of {@code user_ids} as Rails sees it: {@code value} cast to an integer (null: blank),
     * {@code exact} when it came as a JSON integer, the only form Ruby's {@code Array#-} finds equal to
     * a member's id (so "2" for member 2 is added again, and refused as taken).
     */
    public record UserId(Long value, boolean exact) {
    }

    /** The members as {@code Current.account.users.where(id: members)} lists them: by id. */
    public static List<User> of(State state, Inbox inbox) {
        return state.membersOfInbox.of(inbox.id()).stream().sorted()
                .map(id -> Users.findInAccount(state, inbox.accountId(), id)).flatMap(java.util.Optional::stream).toList();
    }

    /** {@code create}: adds {@code user_ids - current members}; the first invalid one fails them all. */
    public static void add(Transaction tx, Inbox inbox, List<UserId> userIds) {
        List<Long> current = List.copyOf(tx.state().membersOfInbox.of(inbox.id()));
        for (UserId id : userIds) {
            if (!(id.exact() && current.contains(id.value()))) {
                addOne(tx, inbox, id.value());
            }
        }
    }

    /** {@code update}: adds the new ones as {@link #add}, then removes the members not listed (exactly). */
    public static void replace(Transaction tx, Inbox inbox, List<UserId> userIds) {
        List<Long> current = List.copyOf(tx.state().membersOfInbox.of(inbox.id()));
        add(tx, inbox, userIds);
        Set<Long> kept = new HashSet<>();
        userIds.stream().filter(UserId::exact).forEach(id -> kept.add(id.value()));
        for (Long member : current) {
            if (!kept.contains(member)) {
                tx.state().inboxMembers.remove(new InboxMember(inbox.id(), member));
            }
        }
    }

    /** {@code destroy}: {@code inbox_members.where(user_id: user_ids).destroy_all}; ids of no member are ignored. */
    public static void remove(Transaction tx, Inbox inbox, List<UserId> userIds) {
        for (UserId id : userIds) {
            if (id.value() != null) {
                tx.state().inboxMembers.remove(new InboxMember(inbox.id(), id.value()));
            }
        }
    }

    /** {@code inbox_members.create!(user_id:)}: InboxMember's validations, in its order. */
    private static void addOne(Transaction tx, Inbox inbox, Long userId) {
        State state = tx.state();
        List<Errors.Violation> v = new ArrayList<>();
        if (userId == null) {
            v.add(new Errors.Violation("user_id", "User can't be blank"));
        } else if (state.membersOfInbox.of(inbox.id()).contains(userId)) {
            v.add(new Errors.Violation("user_id", "User has already been taken"));
        }
        // belongs_to :user. Chatwoot would take a user of another account; a simulated one is never a member elsewhere.
        if (Users.findInAccount(state, inbox.accountId(), userId).isEmpty()) {
            v.add(new Errors.Violation("user", "User must exist"));
        }
        if (!v.isEmpty()) {
            throw Errors.validation(v);
        }
        state.inboxMembers.put(new InboxMember(inbox.id(), userId));
    }
}
