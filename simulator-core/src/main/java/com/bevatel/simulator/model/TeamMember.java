package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Comparator;
import org.apiguardian.api.API;

/** A user who is a member of a team (Chatwoot's {@code team_members}); the pair is the row. */
@API(status = INTERNAL)
public record TeamMember(long teamId, long userId) {
    /** By team, then user: the order the state document lists a team's members in. */
    public static final Comparator<TeamMember> ORDER =
            Comparator.comparingLong(TeamMember::teamId).thenComparingLong(TeamMember::userId);
}
