package com.bevatel.simulator.domain;

import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Transaction;

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
}
