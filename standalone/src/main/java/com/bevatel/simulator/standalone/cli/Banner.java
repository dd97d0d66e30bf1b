package com.bevatel.simulator.standalone.cli;

import com.bevatel.simulator.ApiInbox;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.standalone.admin.AdminApi;
import com.bevatel.simulator.standalone.dashboard.Dashboard;
import com.bevatel.simulator.standalone.files.StateFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the jar prints for people once it is ready: where it listens, its token and ids, its bots and files. */
public final class Banner {
    private Banner() {
    }

    public static String of(BevatelSimulator sim, Path fixtures, StateFile state, boolean adminTokenRequired, AgentBotFlags bots) {
        ApiInbox inbox = sim.apiInbox();
        List<String> lines = new ArrayList<>(List.of(
                "Bevatel API channel simulator listening on " + sim.baseUrl(),
                "  account id        " + sim.accountId(),
                "  api_access_token  " + sim.accessToken(),
                "  API inbox id      " + inbox.id(),
                "  inbox identifier  " + inbox.identifier(),
                "  seed              " + sim.seed(),
                "  admin API         " + sim.baseUrl() + AdminApi.PREFIX + (adminTokenRequired ? " (admin token required)" : ""),
                "  dashboard         " + sim.baseUrl() + Dashboard.PATH));
        for (String name : bots.names()) {
            AgentBot bot = sim.agentBot(name);
            lines.add(String.format("  %-18s%s, token %s%s%s", "agent bot " + bot.id(), name, bot.accessToken(),
                    bot.receivesEvents() ? ", events to " + bot.outgoingUrl() : "",
                    bots.servesApiInbox(name) ? ", serves the API inbox" : ""));
        }
        if (fixtures != null) {
            lines.add("  fixtures          " + fixtures.toAbsolutePath());
        }
        if (state != null) {
            lines.add("  state file        " + state.path() + (Files.exists(state.path()) ? " (loaded)" : " (new)"));
        }
        lines.add("Try: curl -H 'api_access_token: " + sim.accessToken() + "' " + sim.baseUrl() + "/api/v1/profile");
        lines.add("Press Ctrl-C to stop.");
        lines.add("");
        return String.join(System.lineSeparator(), lines);
    }

}
