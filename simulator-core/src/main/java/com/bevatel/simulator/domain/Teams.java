package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.TeamMember;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Teams of agents (assignments by team, team access to conversations). */
@API(status = INTERNAL)
public final class Teams {
    private Teams() {
    }

    /** Chatwoot's {@code name.gsub(/[[:cntrl:]]/, '').strip.downcase}. */
    public static String normalizeName(String name) {
        return name.replaceAll("\\p{Cntrl}", "").strip().toLowerCase(Locale.ROOT);
    }

    public static Team create(Transaction tx, long accountId, String name) {
        String normalized = normalizeName(name);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("a team needs a name");
        }
        if (byName(tx.state(), accountId, normalized).isPresent()) {
            throw new IllegalArgumentException("team name already used: " + normalized);
        }
        Team team = new Team(tx.nextId(Sequence.TEAM), accountId, normalized, null, true, tx.now(), tx.now());
        tx.state().teams.put(team);
        return team;
    }

    public static void addMember(Transaction tx, Team team, User user) {
        tx.state().teamMembers.put(new TeamMember(team.id(), user.id()));
    }

    public static boolean isMember(State state, long teamId, long userId) {
        return state.membersOfTeam.of(teamId).contains(userId);
    }

    /** A team of the account by id: 404 otherwise (Chatwoot's {@code Current.account.teams.find}). */
    public static Team find(State state, long accountId, long teamId) {
        return state.teams.find(teamId).filter(t -> t.accountId() == accountId).orElseThrow(Errors::notFound);
    }

    /** What to tell a Java caller who named a team that does not exist: the teams there are. */
    public static String unknown(State state, long accountId, String name) {
        List<String> teams = state.teams.all().stream().filter(t -> t.accountId() == accountId).map(Team::name).toList();
        return "no team named " + name + " in account " + accountId
                + (teams.isEmpty() ? "; it has no teams (add them with the builder's team(…))" : "; its teams: " + String.join(", ", teams));
    }

    public static Optional<Team> byName(State state, long accountId, String name) {
        String normalized = normalizeName(name);
        return state.teams.all().stream().filter(t -> t.accountId() == accountId && t.name().equals(normalized))
                .findFirst();
    }
}
