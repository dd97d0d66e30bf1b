package com.bevatel.simulator.standalone;

import com.bevatel.simulator.ApiInbox;
import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.http.CannotListenException;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.standalone.dashboard.Dashboard;
import com.bevatel.simulator.standalone.admin.AdminApi;
import com.bevatel.simulator.standalone.cli.AgentBotFlags;
import com.bevatel.simulator.standalone.cli.DurationConverter;
import com.bevatel.simulator.standalone.cli.Members;
import com.bevatel.simulator.standalone.files.FileProblem;
import com.bevatel.simulator.standalone.files.FixturesFile;
import com.bevatel.simulator.standalone.files.StateFile;
import com.bevatel.simulator.state.InvalidEntryException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar bevatel-simulator.jar}: the simulator as a local server for development. */
@Command(name = "bevatel-simulator", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs an in-memory Bevatel (Chatwoot) API-channel simulator until Ctrl-C.",
        footer = {"", "Admin API: <base>/_simulator/ (described at /_simulator/openapi.json)."})
public final class Main implements Callable<Integer> {
    @Option(names = "--port", description = "Port to listen on; 0 takes a free one (default: ${DEFAULT-VALUE}).")
    int port = 3000;

    @Option(names = "--host", description = "Address to bind, API and admin API alike (default: ${DEFAULT-VALUE}: this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--seed", description = "Seed for every generated id, uuid and token (default: ${DEFAULT-VALUE}).")
    long seed = BevatelSimulator.DEFAULT_SEED;

    @Option(names = "--start-time", description = "Start of the simulated clock, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Instant startTime = BevatelSimulator.DEFAULT_START_TIME;

    @Option(names = "--clock-step", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How far each write moves the simulated clock: 1s, 250ms, PT1S; 0s freezes it (default: 1s).")
    Duration clockStep = BevatelSimulator.DEFAULT_CLOCK_STEP;

    @Option(names = "--access-token", description = "The administrator's api_access_token (default: derived from the seed).")
    String accessToken;

    @Option(names = "--webhook-url", description = "The API inbox's webhook_url, where its callbacks are POSTed.")
    URI webhookUrl;

    @Option(names = "--webhook-sink", paramLabel = "NAME",
            description = "Point the API inbox's webhook_url at the built-in sink NAME (/_simulator/sink/NAME).")
    String webhookSink;

    @Option(names = "--agent", paramLabel = "NAME:EMAIL[:TOKEN]", description = "Add an agent (member of the API inbox); repeatable.")
    List<String> agents = new ArrayList<>();

    @Option(names = "--administrator", paramLabel = "NAME:EMAIL[:TOKEN]", description = "Add an administrator; repeatable.")
    List<String> administrators = new ArrayList<>();

    @Option(names = "--team", paramLabel = "NAME:MEMBER,…", description = "Add a team of members (names or emails); repeatable.")
    List<String> teams = new ArrayList<>();

    @Option(names = "--agent-bot", paramLabel = "NAME[:TOKEN]", description = "Add an agent bot; repeatable.")
    List<String> agentBots = new ArrayList<>();

    @Option(names = "--agent-bot-url", paramLabel = "NAME=URL",
            description = "Post the events of the bot NAME to URL (its outgoing_url); repeatable, one per bot.")
    List<String> agentBotUrls = new ArrayList<>();

    @Option(names = "--agent-bot-sink", paramLabel = "NAME=SINK",
            description = "Post the events of the bot NAME to the built-in sink SINK (/_simulator/sink/SINK); repeatable, one per bot.")
    List<String> agentBotSinks = new ArrayList<>();

    @Option(names = "--agent-bot-inbox", paramLabel = "NAME",
            description = "The bot NAME serves the API inbox: the inbox's new conversations start pending, assigned to the bot.")
    String agentBotInbox;

    @Option(names = "--agent-bot-retry-wait", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Wait before a bot's delivery is tried again (after a 429 or 500; 3 attempts in all) (default: 3s).")
    Duration agentBotRetryWait;

    @Option(names = "--keep-pending-on-bot-failure",
            description = "A message a bot could not be sent leaves its pending conversation pending (Chatwoot's account setting).")
    boolean keepPendingOnBotFailure;

    @Option(names = "--fixtures", paramLabel = "FILE",
            description = "Seed more from a JSON or YAML file (accounts, agents, inboxes, teams, webhooks, agent bots, contacts, conversations, messages); reset returns to it.")
    Path fixtures;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Load the state from FILE (a regular file of at most 1 GiB) at start when it exists; save it there on shutdown and on POST /_simulator/state/save.")
    Path state;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Require this token (header X-Simulator-Admin-Token) on every /_simulator/ route.")
    String adminToken;

    @Option(names = "--webhook-timeout", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Connect and response timeout of webhook deliveries (default: 5s).")
    Duration webhookTimeout;

    @Option(names = "--webhook-attempts", description = "Attempts per webhook delivery; Chatwoot makes 1 (default: ${DEFAULT-VALUE}).")
    int webhookAttempts = 1;

    @Option(names = "--webhook-backoff", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Wait before the first retry, doubled after each (default: 1s).")
    Duration webhookBackoff = Duration.ofSeconds(1);

    @Option(names = "--webhook-queue-capacity", paramLabel = "N", description = "Deliveries waiting to be sent before more are dropped.")
    Integer webhookQueueCapacity;

    @Option(names = "--journal-capacity", paramLabel = "N", description = "Deliveries the journal keeps (oldest evicted).")
    Integer journalCapacity;

    @Option(names = "--inbox-events", description = "Send inbox_created/inbox_updated to subscribed webhooks (Chatwoot's ENABLE_INBOX_EVENTS).")
    boolean inboxEvents;

    @Option(names = "--messages-per-minute", paramLabel = "N", description = "Per-conversation message limit per minute; 0 = off (default).")
    int messagesPerMinute;

    @Option(names = "--max-request-body-bytes", paramLabel = "BYTES", description = "Largest request body; larger get 413 (default: 50 MiB).")
    long maxRequestBodyBytes = BevatelSimulator.DEFAULT_MAX_BODY_BYTES;

    @Option(names = "--max-attachment-storage-bytes", paramLabel = "BYTES", description = "Attachment bytes kept in memory (default: 256 MiB).")
    Long maxAttachmentStorageBytes;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final CountDownLatch stop;

    Main(PrintStream out, CountDownLatch stop) {
        this.out = out;
        this.stop = stop;
    }

    /**
     * Starts the simulator from the command line ({@code java -jar bevatel-simulator.jar --help} lists the flags)
     * and runs it until Ctrl-C or SIGTERM.
     *
     * @param args the flags
     */
    public static void main(String[] args) {
        // The I/O threads start on the second core while picocli reads the command line.
        BevatelSimulator.prepare();
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
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("bevatel-simulator: --port " + port + " is out of range; pass --port 0 for a free one or --port N"
                    + " with N from 1 to 65535");
            return 2;
        }
        BevatelSimulator.Builder builder;
        FixturesFile fixturesFile = null;
        StateFile stateFile = state == null ? null : new StateFile(state);
        try {
            builder = builder();
            if (fixtures != null) {
                fixturesFile = FixturesFile.read(fixtures);
                builder.fixtures(fixturesFile.fixtures());
            }
            if (stateFile != null) {
                stateFile.load().ifPresent(builder::initialState);
            }
        } catch (FileProblem e) {
            return refuse(err, e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("bevatel-simulator: " + e.getMessage());
            return 2;
        }
        builder.extension(new Dashboard());
        builder.extension(new AdminApi(new AdminApi.Settings(Version.text(), adminToken, stateFile,
                fixtures == null ? null : fixtures.toAbsolutePath().toString())));
        BevatelSimulator sim;
        try {
            sim = builder.start();
        } catch (InvalidEntryException e) {
            FileProblem located = InvalidEntryException.FIXTURES.equals(e.document()) && fixturesFile != null
                    ? fixturesFile.locate(e) : stateFile != null ? stateFile.locate(e) : null;
            return refuse(err, located != null ? located.getMessage() : e.getMessage());
        } catch (CannotListenException e) {
            return refuse(err, e.problem() + "; " + whatToPass(e));
        } catch (RuntimeException e) {
            return refuse(err, e.getMessage() != null ? e.getMessage() : e.toString());
        }
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable shutdown = () -> {
            if (stopped.compareAndSet(false, true)) {
                saveOnShutdown(sim, stateFile);
                sim.close();
            }
        };
        // Ctrl-C / SIGTERM run shutdown hooks: save and close there, then let main return.
        Thread hook = new Thread(() -> {
            shutdown.run();
            stop.countDown();
        }, "bevatel-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.print(banner(sim, fixtures, stateFile, adminToken != null, botFlags()));
        out.flush();
        stop.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and does the rest.
            return 0;
        }
        shutdown.run();
        return 0;
    }

    private BevatelSimulator.Builder builder() {
        BevatelSimulator.Builder builder = BevatelSimulator.builder().port(port).host(host).seed(seed).startTime(startTime)
                .clockStep(clockStep).accessToken(accessToken).apiInboxWebhookUrl(webhookUrl)
                .maxRequestBodyBytes(maxRequestBodyBytes).webhookRetries(webhookAttempts, webhookBackoff)
                .inboxEvents(inboxEvents).messagesPerMinuteLimit(messagesPerMinute)
                .keepPendingOnBotFailure(keepPendingOnBotFailure);
        if (webhookSink != null) {
            builder.apiInboxWebhookSink(webhookSink);
        }
        if (webhookTimeout != null) {
            builder.webhookTimeout(webhookTimeout);
        }
        if (agentBotRetryWait != null) {
            builder.agentBotRetryWait(agentBotRetryWait);
        }
        if (webhookQueueCapacity != null) {
            builder.webhookQueueCapacity(webhookQueueCapacity);
        }
        if (journalCapacity != null) {
            builder.journalCapacity(journalCapacity);
        }
        if (maxAttachmentStorageBytes != null) {
            builder.maxAttachmentStorageBytes(maxAttachmentStorageBytes);
        }
        agents.forEach(agent -> Members.agent(builder, agent, false));
        administrators.forEach(admin -> Members.agent(builder, admin, true));
        teams.forEach(team -> Members.team(builder, team));
        botFlags().addTo(builder);
        return builder.validate();
    }

    private AgentBotFlags botFlags() {
        return new AgentBotFlags(agentBots, agentBotUrls, agentBotSinks, agentBotInbox);
    }

    /** The advice of {@link CannotListenException}'s message, in flags. */
    private static String whatToPass(CannotListenException e) {
        return switch (e.reason()) {
            case PORT_IN_USE -> "pass --port 0 for a free one or --port N";
            case PERMISSION_DENIED -> e.port() < 1024 ? "pass --port 0 for a free one or --port N with N from 1024 up"
                    : "pass --port 0 for a free one or another --port N";
            case NOT_A_LOCAL_ADDRESS, UNKNOWN_HOST ->
                    "pass --host 127.0.0.1 (this machine only), --host 0.0.0.0 (every interface) or an address of this machine";
            case OTHER -> "pass --port 0 for a free one or another --port N";
        };
    }

    private static int refuse(PrintWriter err, String message) {
        err.println("bevatel-simulator: cannot start: " + message);
        err.flush();
        return 1;
    }

    private void saveOnShutdown(BevatelSimulator sim, StateFile stateFile) {
        if (stateFile == null) {
            return;
        }
        try {
            // Writes stop before the snapshot: one acknowledged after it would be lost with the process,
            // so from here on they answer 503 instead.
            stateFile.save(sim.stopWritesAndExport());
            out.println("State saved to " + stateFile.path());
        } catch (RuntimeException e) {
            System.err.println("bevatel-simulator: could not save the state: " + e.getMessage());
        }
        out.flush();
    }

    static String banner(BevatelSimulator sim, Path fixtures, StateFile state, boolean adminTokenRequired, AgentBotFlags bots) {
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

    /** The version from the jar manifest (set by the build). */
    static final class Version implements CommandLine.IVersionProvider {
        static String text() {
            String version = Main.class.getPackage().getImplementationVersion();
            return version == null ? "development build" : version;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"bevatel-simulator " + text()};
        }
    }
}
