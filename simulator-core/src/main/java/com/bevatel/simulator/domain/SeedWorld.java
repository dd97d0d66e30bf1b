package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Role;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The people and bots a simulator starts with besides the seeded administrator: more members
 * (agents, administrators), teams of them, and agent bots — each with its own token (null = drawn
 * from the seed). Agents are members of the seeded API inbox, so they see its conversations.
 */
@API(status = INTERNAL)
public record SeedWorld(List<Member> members, List<TeamSpec> teams, List<BotSpec> bots) {

    public SeedWorld {
        members = List.copyOf(members);
        teams = List.copyOf(teams);
        bots = List.copyOf(bots);
    }

    public static SeedWorld empty() {
        return new SeedWorld(List.of(), List.of(), List.of());
    }

    public record Member(String name, String email, Role role, String accessToken) {
    }

    /** A team; {@code members} are names or emails of seeded users. */
    public record TeamSpec(String name, List<String> members) {
        public TeamSpec {
            members = List.copyOf(members);
        }
    }

    public record BotSpec(String name, String accessToken) {
    }
}
