package com.bevatel.simulator.standalone.cli;

import com.bevatel.simulator.BevatelSimulator;
import java.util.Arrays;
import java.util.List;

/**
 * The builder's members and teams as flag values: {@code --agent 'Sam Agent:sam@acme.test[:TOKEN]'},
 * {@code --administrator 'Ana Admin:ana@acme.test[:TOKEN]'}, {@code --team 'Support:Sam Agent,kim@acme.test'}.
 * A missing token is drawn from the seed. The bots are {@link AgentBotFlags}.
 */
public final class Members {
    private Members() {
    }

    public static void agent(BevatelSimulator.Builder builder, String spec, boolean administrator) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("--" + (administrator ? "administrator" : "agent")
                    + " takes NAME:EMAIL[:TOKEN], not '" + spec + "'");
        }
        String token = parts.length == 3 && !parts[2].isBlank() ? parts[2] : null;
        if (administrator) {
            builder.administrator(parts[0].trim(), parts[1].trim(), token);
        } else {
            builder.agent(parts[0].trim(), parts[1].trim(), token);
        }
    }

    public static void team(BevatelSimulator.Builder builder, String spec) {
        String[] parts = spec.split(":", 2);
        List<String> members = parts.length < 2 || parts[1].isBlank() ? List.of()
                : Arrays.stream(parts[1].split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
        builder.team(parts[0].trim(), members.toArray(String[]::new));
    }
}
