package com.bevatel.simulator.standalone;

import com.bevatel.simulator.ApiInbox;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.standalone.dashboard.Dashboard;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar bevatel-simulator.jar}: the simulator as a local server for development. */
@Command(name = "bevatel-simulator", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs an in-memory Bevatel (Chatwoot) API-channel simulator until Ctrl-C.")
public final class Main implements Callable<Integer> {
    @Option(names = "--port", description = "Port to listen on; 0 takes a free one (default: ${DEFAULT-VALUE}).")
    int port = 3000;

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}: this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--seed", description = "Seed for every generated id, uuid and token (default: ${DEFAULT-VALUE}).")
    long seed = BevatelSimulator.DEFAULT_SEED;

    @Option(names = "--access-token", description = "The administrator's api_access_token (default: derived from the seed).")
    String accessToken;

    @Option(names = "--webhook-url", description = "The API inbox's webhook_url, where its callbacks are POSTed.")
    URI webhookUrl;

    @Option(names = "--start-time", description = "Start of the simulated clock, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Instant startTime = BevatelSimulator.DEFAULT_START_TIME;

    private final PrintStream out;
    private final CountDownLatch stop;

    Main(PrintStream out, CountDownLatch stop) {
        this.out = out;
        this.stop = stop;
    }

    public static void main(String[] args) {
        int exit = commandLine(System.out, new CountDownLatch(1)).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    static CommandLine commandLine(PrintStream out, CountDownLatch stop) {
        return new CommandLine(new Main(out, stop));
    }

    @Override
    public Integer call() throws InterruptedException {
        BevatelSimulator sim = BevatelSimulator.builder().port(port).host(host).seed(seed).startTime(startTime)
                .accessToken(accessToken).apiInboxWebhookUrl(webhookUrl).extension(new Dashboard()).start();
        // Ctrl-C / SIGTERM run shutdown hooks: close the server there, then let main return.
        Thread hook = new Thread(() -> {
            sim.close();
            stop.countDown();
        }, "bevatel-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.print(banner(sim));
        out.flush();
        stop.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            sim.close();
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and closes the simulator itself.
        }
        return 0;
    }

    static String banner(BevatelSimulator sim) {
        ApiInbox inbox = sim.apiInbox();
        return String.join(System.lineSeparator(),
                "Bevatel API channel simulator listening on " + sim.baseUrl(),
                "  account id        " + sim.accountId(),
                "  api_access_token  " + sim.accessToken(),
                "  API inbox id      " + inbox.id(),
                "  inbox identifier  " + inbox.identifier(),
                "  seed              " + sim.seed(),
                "  dashboard         " + sim.baseUrl() + Dashboard.PATH,
                "Try: curl -H 'api_access_token: " + sim.accessToken() + "' " + sim.baseUrl() + "/api/v1/profile",
                "Press Ctrl-C to stop.", "");
    }

    /** The version from the jar manifest (set by the build). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"bevatel-simulator " + (version == null ? "development build" : version)};
        }
    }
}
