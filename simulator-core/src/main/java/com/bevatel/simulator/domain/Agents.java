package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Availability;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The account's agents as {@code /agents} manages them (app/controllers/api/v1/accounts/agents_controller.rb,
 * app/builders/agent_builder.rb): a member added by email, changed (name, role, availability,
 * auto-offline), removed. Members seeded at start are the same rows.
 */
@API(status = INTERNAL)
public final class Agents {
    /** The generic check of app/models/application_record.rb for string columns. */
    static final int MAX_STRING = 255;
    /** Devise's {@code config.email_regexp} (config/initializers/devise.rb). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private Agents() {
    }

    /**
     * What the AccountUser of a new or changed member gets; null: not given (a new member then has
     * the table's defaults: agent, online, auto-offline).
     */
    public record AccountUserFields(Role role, Availability availability, Boolean autoOffline) {
    }

    /**
     * {@code AgentBuilder#perform}: a new user with that email and name (the email's local part when
     * no name is given), added to the account by {@code inviter}. It is unconfirmed: Chatwoot mails
     * an invitation to confirm, which the simulator does not send.
     */
    public static User create(Transaction tx, User inviter, String email, String name, AccountUserFields fields) {
        State state = tx.state();
        String address = email == null ? null : email.toLowerCase(Locale.ROOT);
        if (address != null) {
            Optional<User> existing = Users.byEmail(state, address);
            if (existing.isPresent()) {
                // AccountUser's uniqueness (app/models/account_user.rb); a user of another account would be
                // linked to this one in Chatwoot, but a simulated user belongs to one account.
                throw existing.get().accountId() == inviter.accountId()
                        ? Errors.validation("user_id", "User has already been taken")
                        : Errors.error(422, "Email " + address + " belongs to a user of another account: the simulator"
                        + " keeps each user in one account");
            }
        }
        String given = name == null || name.isBlank() ? localPart(address) : name;
        validateNew(given, address);
        String accessToken = tx.token();
        User user = new User(tx.nextId(Sequence.USER), inviter.accountId(), given, null, address,
                fields.role() == null ? Role.AGENT : fields.role(), accessToken, tx.token(), tx.now(), false,
                fields.availability() == null ? Availability.ONLINE : fields.availability(),
                fields.autoOffline() == null || fields.autoOffline(), inviter.id(), null, null, null);
        tx.state().users.put(user);
        return user;
    }

    /**
     * {@code bulk_create}: each email as {@link #create} with its local part as name; an email that
     * cannot be added (already a member, invalid) is skipped, as Chatwoot logs and ignores it.
     */
    public static void bulkCreate(Transaction tx, User inviter, List<String> emails) {
        for (String email : emails) {
            try {
                create(tx, inviter, email, null, new AccountUserFields(null, null, null));
            } catch (ApiException e) {
                if (e.status() != 422) {
                    throw e;
                }
            }
        }
    }

    /** {@code update}: the user's name, then the account user's role, availability and auto-offline. */
    public static User update(Transaction tx, User current, Change<String> name, AccountUserFields fields) {
        User.Builder b = current.toBuilder();
        b.name = Change.apply(name, b.name);
        if (b.name != null && b.name.length() > MAX_STRING) {
            throw Errors.validation("name", "Name is too long (maximum is 255 characters)");
        }
        if (b.name == null || b.name.isBlank()) {
            throw Errors.validation("name", "Name can't be blank");
        }
        b.role = fields.role() == null ? b.role : fields.role();
        b.availability = fields.availability() == null ? b.availability : fields.availability();
        b.autoOffline = fields.autoOffline() == null ? b.autoOffline : fields.autoOffline();
        User saved = b.build();
        tx.state().users.put(saved);
        return saved;
    }

    /** The member of the account with this id, or 404 ({@code Current.account.users.find}). */
    public static User find(State state, long accountId, long userId) {
        return Users.findInAccount(state, accountId, userId).orElseThrow(Errors::notFound);
    }

    /**
     * Who conversations of the inboxes may be assigned to (app/models/inbox.rb#assignable_agents,
     * app/controllers/api/v1/accounts/assignable_agents_controller.rb): the members common to every
     * inbox, then the administrators not among them; by id, as the database returns them.
     */
    public static List<User> assignable(State state, long accountId, Collection<? extends Collection<Long>> membersOfEachInbox) {
        Set<Long> common = null;
        for (Collection<Long> members : membersOfEachInbox) {
            if (common == null) {
                common = new LinkedHashSet<>(members);
            } else {
                common.retainAll(members);
            }
        }
        Set<Long> chosen = common == null ? Set.of() : common;
        List<User> out = new ArrayList<>();
        state.users.all().stream().filter(u -> u.accountId() == accountId && chosen.contains(u.id())).forEach(out::add);
        state.users.all().stream().filter(u -> u.accountId() == accountId && Permissions.administrator(u)
                && !chosen.contains(u.id())).forEach(out::add);
        return out;
    }

    /** Ruby's {@code email.split('@').first}: null for null or an empty string. */
    private static String localPart(String email) {
        if (email == null || email.isEmpty()) {
            return null;
        }
        int at = email.indexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }

    /**
     * The new User's validations in Chatwoot's order: the column lengths (a before_validation), then
     * Devise's email format, then the presence of name and email (app/models/user.rb).
     */
    private static void validateNew(String name, String email) {
        List<Errors.Violation> v = new ArrayList<>();
        if (name != null && name.length() > MAX_STRING) {
            v.add(new Errors.Violation("name", "Name is too long (maximum is 255 characters)"));
        }
        if (email != null && email.length() > MAX_STRING) {
            v.add(new Errors.Violation("email", "Email is too long (maximum is 255 characters)"));
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
            v.add(new Errors.Violation("email", "Email is invalid"));
        }
        if (name == null || name.isBlank()) {
            v.add(new Errors.Violation("name", "Name can't be blank"));
        }
        if (email == null || email.isBlank()) {
            v.add(new Errors.Violation("email", "Email can't be blank"));
        }
        if (!v.isEmpty()) {
            throw Errors.validation(v);
        }
    }
}
