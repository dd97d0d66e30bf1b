package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.TeamMember;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Teams of agents (app/models/team.rb, app/controllers/api/v1/accounts/teams_controller.rb and
 * team_members_controller.rb): assignments by team, team access to conversations. Teams made at
 * start (builder, fixtures) and through the API are the same rows.
 */
@API(status = INTERNAL)
public final class Teams {
    private Teams() {
    }

    /**
     * What a create or update sets; a null field is "not given" ({@code params.require(:team).permit(:name,
     * :description, :allow_auto_assign, :icon, :icon_color)}).
     */
    public record TeamFields(Change<String> name, Change<String> description, Change<Boolean> allowAutoAssign,
                             Change<String> icon, Change<String> iconColor) {
    }

    /**
     * Chatwoot's {@code name.gsub(/[[:cntrl:]]/, '').strip.downcase}: control characters go, then
     * the spaces around (all Ruby's {@code strip} finds once they are gone), then it is lower-cased.
     */
    public static String normalizeName(String name) {
        String clean = name.replaceAll("\\p{Cc}", "");
        int start = 0;
        int end = clean.length();
        while (start < end && clean.charAt(start) == ' ') {
            start++;
        }
        while (end > start && clean.charAt(end - 1) == ' ') {
            end--;
        }
        return clean.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** A team defined at start (builder, fixtures): a name nobody else in the account has, or IllegalArgumentException. */
    public static Team create(Transaction tx, long accountId, String name) {
        String normalized = normalizeName(name);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("a team needs a name");
        }
        if (byName(tx.state(), accountId, normalized).isPresent()) {
            throw new IllegalArgumentException("team name already used: " + normalized);
        }
        return create(tx, accountId, new TeamFields(Change.of(name), null, null, null, null));
    }

    /** {@code POST /teams}: Rails' validations (422) before anything is stored. */
    public static Team create(Transaction tx, long accountId, TeamFields fields) {
        Team blank = new Team(0, accountId, null, null, true, "", "", tx.now(), tx.now());
        Team team = validated(tx.state(), blank, fields);
        team = new Team(tx.nextId(Sequence.TEAM), accountId, team.name(), team.description(), team.allowAutoAssign(),
                team.icon(), team.iconColor(), team.createdAt(), team.updatedAt());
        tx.state().teams.put(team);
        return team;
    }

    /** {@code PATCH|PUT /teams/{id}}: what is given; {@code updated_at} moves only when something changed. */
    public static Team update(Transaction tx, Team current, TeamFields fields) {
        Team updated = validated(tx.state(), current, fields);
        if (updated.equals(current)) {
            return current;
        }
        Team saved = new Team(current.id(), current.accountId(), updated.name(), updated.description(),
                updated.allowAutoAssign(), updated.icon(), updated.iconColor(), current.createdAt(), tx.now());
        tx.state().teams.put(saved);
        return saved;
    }

    /**
     * The fields applied, checked as Rails does: the length of each string column (in column order,
     * on the value as sent), then the normalised name's presence and uniqueness in the account.
     */
    private static Team validated(State state, Team current, TeamFields f) {
        String rawName = Change.apply(f.name(), current.name());
        String description = Change.apply(f.description(), current.description());
        // allow_auto_assign has no NOT NULL: nil behaves as false (no auto-assignment), and is kept as false.
        Boolean allow = Change.apply(f.allowAutoAssign(), current.allowAutoAssign());
        String icon = Change.apply(f.icon(), current.icon());
        String iconColor = Change.apply(f.iconColor(), current.iconColor());
        List<Errors.Violation> v = new ArrayList<>();
        Errors.tooLong(v, "name", "Name", rawName, Errors.MAX_STRING);
        Errors.tooLong(v, "description", "Description", description, Errors.MAX_TEXT);
        Errors.tooLong(v, "icon", "Icon", icon, Errors.MAX_STRING);
        Errors.tooLong(v, "icon_color", "Icon color", iconColor, Errors.MAX_STRING);
        String name = rawName == null ? null : normalizeName(rawName);
        if (name == null || name.isBlank()) {
            v.add(new Errors.Violation("name", "Name must not be blank"));
        } else if (byName(state, current.accountId(), name).filter(t -> t.id() != current.id()).isPresent()) {
            v.add(new Errors.Violation("name", "Name has already been taken"));
        }
        if (!v.isEmpty()) {
            throw Errors.validation(v);
        }
        return new Team(current.id(), current.accountId(), name, description, Boolean.TRUE.equals(allow), icon,
                iconColor, current.createdAt(), current.updatedAt());
    }

    /**
     * {@code destroy!}: its members go ({@code dependent: :destroy_async}, here at once) and its
     * conversations lose it ({@code dependent: :nullify}: one UPDATE without callbacks, so no event,
     * no activity line, {@code updated_at} unchanged); their assignees stay.
     */
    public static void destroy(Transaction tx, Team team) {
        State state = tx.state();
        for (Long userId : List.copyOf(state.membersOfTeam.of(team.id()))) {
            state.teamMembers.remove(new TeamMember(team.id(), userId));
        }
        for (Long id : List.copyOf(state.conversationsOfAccount.of(team.accountId()))) {
            Conversation c = state.conversations.get(id);
            if (Long.valueOf(team.id()).equals(c.teamId())) {
                Conversation.Builder b = c.toBuilder();
                b.teamId = null;
                state.conversations.put(b.build());
            }
        }
        state.teams.remove(team.id());
    }

    public static void addMember(Transaction tx, Team team, User user) {
        tx.state().teamMembers.put(new TeamMember(team.id(), user.id()));
    }

    /** The team's members, by user id. */
    public static List<User> members(State state, long teamId) {
        return state.membersOfTeam.of(teamId).stream().map(state.users::get).toList();
    }

    /**
     * {@code POST …/team_members} ({@code Team#add_members(user_ids - current)}): each id not yet a member
     * is added, and its user listed — once per time it is named, as Chatwoot's {@code filter_map(&:user)}
     * lists a repeated id whose second row failed its uniqueness check.
     */
    public static List<User> addMembers(Transaction tx, Team team, List<Long> userIds) {
        State state = tx.state();
        List<Long> current = List.copyOf(state.membersOfTeam.of(team.id()));
        List<User> added = new ArrayList<>();
        for (Long userId : userIds) {
            if (!current.contains(userId)) {
                User user = state.users.get(userId);
                addMember(tx, team, user);
                added.add(user);
            }
        }
        return added;
    }

    /** {@code PATCH …/team_members}: the members become exactly {@code userIds}. */
    public static void replaceMembers(Transaction tx, Team team, List<Long> userIds) {
        addMembers(tx, team, userIds);
        for (Long userId : List.copyOf(tx.state().membersOfTeam.of(team.id()))) {
            if (!userIds.contains(userId)) {
                tx.state().teamMembers.remove(new TeamMember(team.id(), userId));
            }
        }
    }

    /** {@code DELETE …/team_members}: the named members leave; other ids are ignored. */
    public static void removeMembers(Transaction tx, Team team, List<Long> userIds) {
        for (Long userId : userIds) {
            if (isMember(tx.state(), team.id(), userId)) {
                tx.state().teamMembers.remove(new TeamMember(team.id(), userId));
            }
        }
    }

    /**
     * TeamMembersController#validate_member_id_params: every id must be a user of the team's account,
     * else 401 {@code {"error":"Invalid User IDs"}}.
     */
    public static void requireAccountUsers(State state, Team team, List<Long> userIds) {
        for (Long userId : userIds) {
            if (Users.findInAccount(state, team.accountId(), userId).isEmpty()) {
                throw Errors.error(401, "Invalid User IDs");
            }
        }
    }

    public static boolean isMember(State state, long teamId, long userId) {
        return state.membersOfTeam.of(teamId).contains(userId);
    }

    /** A team of the account by id: 404 otherwise (Chatwoot's {@code Current.account.teams.find}). */
    public static Team find(State state, long accountId, long teamId) {
        return findInAccount(state, accountId, teamId).orElseThrow(Errors::notFound);
    }

    public static Optional<Team> findInAccount(State state, long accountId, Long teamId) {
        return teamId == null ? Optional.empty() : state.teams.find(teamId).filter(t -> t.accountId() == accountId);
    }

    /** The account's teams by id ({@code Current.account.teams}, no ORDER BY). */
    public static List<Team> ofAccount(State state, long accountId) {
        return state.teams.all().stream().filter(t -> t.accountId() == accountId).toList();
    }

    /** What to tell a Java caller who named a team that does not exist: the teams there are. */
    public static String unknown(State state, long accountId, String name) {
        List<String> teams = ofAccount(state, accountId).stream().map(Team::name).toList();
        return "no team named " + name + " in account " + accountId
                + (teams.isEmpty() ? "; it has no teams (add them with the builder's team(…))" : "; its teams: " + String.join(", ", teams));
    }

    public static Optional<Team> byName(State state, long accountId, String name) {
        return state.teamByName.find(new State.AccountKey(accountId, normalizeName(name))).map(state.teams::get);
    }
}
