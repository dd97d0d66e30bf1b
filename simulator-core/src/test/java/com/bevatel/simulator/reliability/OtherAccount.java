package com.bevatel.simulator.reliability;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.domain.Inboxes;
import com.bevatel.simulator.domain.Users;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;

/**
 * A second tenant beside the seeded account, made through the store (the builder makes only one
 * account): an account, its administrator with {@code token}, and an API inbox.
 */
record OtherAccount(long accountId, long adminId, String token, long inboxId, String inboxIdentifier) {
    static OtherAccount add(BevatelSimulator sim, String token) {
        return SimulatorAccess.store(sim).write(tx -> {
            Account account = new Account(tx.nextId(Sequence.ACCOUNT), "Other Account", tx.now());
            tx.state().accounts.put(account);
            User admin = Users.add(tx, new User(tx.nextId(Sequence.USER), account.id(), "Olga Other", null,
                    "olga@other.test", Role.ADMINISTRATOR, token, tx.token(), tx.now()));
            Inbox inbox = Inboxes.create(tx, account.id(), new Inboxes.NewApiInbox("Other API", null));
            return new OtherAccount(account.id(), admin.id(), token, inbox.id(), inbox.channel().identifier());
        });
    }

    String path(String subPath) {
        return "/api/v1/accounts/" + accountId + subPath;
    }
}
