package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/** Account members: seeded ones now, more through the builder later. */
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
}
