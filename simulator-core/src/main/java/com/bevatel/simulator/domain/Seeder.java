package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.InboxMember;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.Transaction;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The world every simulator starts from: account 1, administrator user 1 holding the access token,
 * and API inbox 1. Tokens are drawn from the seeded generator in a fixed order, so an explicit
 * access token changes nothing else.
 */
@API(status = INTERNAL)
public final class Seeder implements Consumer<Transaction> {
    public static final String ACCOUNT_NAME = "Bevatel Simulator";
    public static final String ADMIN_NAME = "Bevatel Admin";
    public static final String ADMIN_EMAIL = "admin@bevatel.test";
    public static final String API_INBOX_NAME = "Bevatel API";

    private final String accessToken;
    private final String apiInboxWebhookUrl;
    private final SeedWorld world;

    /**
     * @param accessToken        the administrator's token, or null to derive it from the seed
     * @param apiInboxWebhookUrl the seeded API inbox's callback URL, or null for none
     */
    public Seeder(String accessToken, String apiInboxWebhookUrl) {
        this(accessToken, apiInboxWebhookUrl, SeedWorld.empty());
    }

    /** As above, plus the members, teams and bots of {@code world}, seeded after (so they change no other id or token). */
    public Seeder(String accessToken, String apiInboxWebhookUrl, SeedWorld world) {
        this.accessToken = accessToken;
        this.apiInboxWebhookUrl = apiInboxWebhookUrl;
        this.world = world;
    }

    @Override
    public void accept(Transaction tx) {
        Account account = new Account(tx.nextId(Sequence.ACCOUNT), ACCOUNT_NAME, tx.now());
        tx.state().accounts.put(account);
        String derivedToken = tx.token();
        Users.add(tx, new User(tx.nextId(Sequence.USER), account.id(), ADMIN_NAME, null, ADMIN_EMAIL,
                Role.ADMINISTRATOR, accessToken != null ? accessToken : derivedToken, tx.token(), tx.now()));
        Inbox inbox = Inboxes.create(tx, account.id(), new Inboxes.NewApiInbox(API_INBOX_NAME, apiInboxWebhookUrl));
        seedWorld(tx, account, inbox);
    }

    private void seedWorld(Transaction tx, Account account, Inbox apiInbox) {
        for (SeedWorld.Member member : world.members()) {
            String token = tx.token();
            User user = Users.add(tx, new User(tx.nextId(Sequence.USER), account.id(), member.name(), null,
                    member.email(), member.role(), member.accessToken() != null ? member.accessToken() : token,
                    tx.token(), tx.now()));
            if (user.role() == Role.AGENT) {
                tx.state().inboxMembers.put(new InboxMember(apiInbox.id(), user.id()));
            }
        }
        for (SeedWorld.TeamSpec spec : world.teams()) {
            Team team = Teams.create(tx, account.id(), spec.name());
            for (String member : spec.members()) {
                Teams.addMember(tx, team, Users.byNameOrEmail(tx.state(), account.id(), member)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "team " + spec.name() + ": no user named " + member)));
            }
        }
        for (SeedWorld.BotSpec spec : world.bots()) {
            AgentBot bot = AgentBots.create(tx, account.id(), new AgentBots.BotFields(Change.of(spec.name()), null,
                    spec.outgoingUrl() == null ? null : Change.of(spec.outgoingUrl()), null, spec.accessToken(), null));
            if (spec.servesApiInbox()) {
                AgentBots.serve(tx, apiInbox, bot);
            }
        }
    }
}
