package com.bevatel.simulator.domain;

import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.Transaction;
import java.util.function.Consumer;

/**
 * The world every simulator starts from: account 1, administrator user 1 holding the access token,
 * and API inbox 1. Tokens are drawn from the seeded generator in a fixed order, so an explicit
 * access token changes nothing else.
 */
public final class Seeder implements Consumer<Transaction> {
    public static final String ACCOUNT_NAME = "Bevatel Simulator";
    public static final String ADMIN_NAME = "Bevatel Admin";
    public static final String ADMIN_EMAIL = "admin@bevatel.test";
    public static final String API_INBOX_NAME = "Bevatel API";

    private final String accessToken;
    private final String apiInboxWebhookUrl;

    /**
     * @param accessToken        the administrator's token, or null to derive it from the seed
     * @param apiInboxWebhookUrl the seeded API inbox's callback URL, or null for none
     */
    public Seeder(String accessToken, String apiInboxWebhookUrl) {
        this.accessToken = accessToken;
        this.apiInboxWebhookUrl = apiInboxWebhookUrl;
    }

    @Override
    public void accept(Transaction tx) {
        Account account = new Account(tx.nextId(Sequence.ACCOUNT), ACCOUNT_NAME, tx.now());
        tx.state().accounts.put(account);
        String derivedToken = tx.token();
        Users.add(tx, new User(tx.nextId(Sequence.USER), account.id(), ADMIN_NAME, null, ADMIN_EMAIL,
                Role.ADMINISTRATOR, accessToken != null ? accessToken : derivedToken, tx.token(), tx.now()));
        Inboxes.create(tx, account.id(), new Inboxes.NewApiInbox(API_INBOX_NAME, apiInboxWebhookUrl));
    }
}
