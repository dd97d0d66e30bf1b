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

    /**
     * A bot; its events go to {@code outgoingUrl}, or to the simulator's own sink {@code outgoingSink}
     * (whose URL is known once the server listens), and it serves the seeded API inbox when asked to.
     */
    public record BotSpec(String name, String accessToken, String outgoingUrl, String outgoingSink,
                          boolean servesApiInbox) {
        public BotSpec(String name, String accessToken) {
            this(name, accessToken, null, null, false);
        }
    }

    /** Whether a bot's outgoing URL is a sink of the simulator, so the server must listen before seeding. */
    public boolean usesSinks() {
        return bots.stream().anyMatch(b -> b.outgoingSink() != null);
    }

    /** This world with each sink bot's URL resolved by {@code sinkUrl}. */
    public SeedWorld withSinkUrls(java.util.function.UnaryOperator<String> sinkUrl) {
        return new SeedWorld(members, teams, bots.stream().map(b -> b.outgoingSink() == null ? b
                : new BotSpec(b.name(), b.accessToken(), sinkUrl.apply(b.outgoingSink()), null, b.servesApiInbox()))
                .toList());
    }
}
