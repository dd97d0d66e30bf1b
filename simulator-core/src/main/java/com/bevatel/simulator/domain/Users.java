package com.bevatel.simulator.domain;

import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.Locale;
import java.util.Optional;

/** Account members: seeded ones now, more through the builder later. */
public final class Users {
    private Users() {
    }

    public static User add(Transaction tx, User user) {
        if (tx.state().userByToken.find(user.accessToken()).isPresent()) {
            throw new IllegalArgumentException("access token already used by another user: " + user.name());
        }
        tx.state().users.put(user);
        tx.state().userByToken.put(user.accessToken(), user.id());
        return user;
    }

    /** A member of the account by exact name or (case-insensitive) email. */
    public static Optional<User> byNameOrEmail(State state, long accountId, String nameOrEmail) {
        return state.users.all().stream()
                .filter(u -> u.accountId() == accountId && (u.name().equals(nameOrEmail)
                        || u.email().toLowerCase(Locale.ROOT).equals(nameOrEmail.toLowerCase(Locale.ROOT))))
                .findFirst();
    }

    /** A member of the account by id, or empty (never another account's user). */
    public static Optional<User> findInAccount(State state, long accountId, Long userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return state.users.find(userId).filter(u -> u.accountId() == accountId);
    }
}
