package com.bevatel.simulator.http;

import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;

/** The authenticated user and the account the request is scoped to. */
public record Caller(User user, Account account) {
    public long accountId() {
        return account.id();
    }

    public boolean administrator() {
        return user.role() == Role.ADMINISTRATOR;
    }
}
