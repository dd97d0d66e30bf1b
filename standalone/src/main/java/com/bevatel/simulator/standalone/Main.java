package com.bevatel.simulator.standalone;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.http.CannotListenException;
import com.bevatel.simulator.standalone.dashboard.Dashboard;
import com.bevatel.simulator.standalone.admin.AdminApi;
import com.bevatel.simulator.standalone.cli.AgentBotFlags;
import com.bevatel.simulator.standalone.cli.Banner;
import com.bevatel.simulator.standalone.cli.DurationConverter;
import com.bevatel.simulator.standalone.cli.Members;
import com.bevatel.simulator.standalone.cli.ReadyFile;
import com.bevatel.simulator.standalone.cli.StopSignals;
import com.bevatel.simulator.standalone.files.FileProblem;
import com.bevatel.simulator.standalone.files.FixturesFile;
import com.bevatel.simulator.standalone.files.StateFile;
import com.bevatel.simulator.state.InvalidEntryException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
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
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly (SIGTERM, Ctrl-C, or standard input closed with --exit-on-stdin-close)",
                "1:could not start (a fixtures or state file, the port, the --ready-file)",
                "2:usage error (a flag or its value)",
                "3:stopped, but the state could not be saved to the --state file"},
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

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "Once the simulator answers, write where it is to FILE as one line of JSON (base_url, port, access_token,"
                    + " account_id, api_inbox, pid, …; the GET /_simulator/ready document), atomically; deleted on start and stop.")
    Path readyFile;

    @Option(names = "--ready-json",
            description = "Print that JSON document as the first line of standard output (the banner goes to standard error).")
    boolean readyJson;

    @Option(names = "--exit-on-stdin-close",
            description = "Stop cleanly when standard input reaches its end: a test runner holding the pipe leaves no simulator behind.")
    boolean exitOnStdinClose;

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

    /** Exit code of a clean stop. */
    static final int STOPPED = 0;
    /** Exit code of a start that failed: a file that cannot be used, a port that cannot be listened on. */
    static final int CANNOT_START = 1;
    /** Exit code of a usage error: picocli's, and a flag's value the simulator refuses. */
    static final int USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code of a stop whose state could not be saved to the {@code --state} file. */
    static final int STATE_NOT_SAVED = 3;

    private final PrintStream out;
    private final InputStream in;
    private final CountDownLatch stop;
    /** Set by {@link #main}: SIGTERM and SIGINT are this process's to handle (never in a test's JVM). */
    private boolean ownProcess;

    Main(PrintStream out, InputStream in, CountDownLatch stop) {
        this.out = out;
        this.in = in;
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
        Main main = new Main(System.out, System.in, new CountDownLatch(1));
        main.ownProcess = true;
        System.exit(new CommandLine(main).execute(args));
    }

    static CommandLine commandLine(PrintStream out, CountDownLatch stop) {
        return commandLine(out, InputStream.nullInputStream(), stop);
    }

    static CommandLine commandLine(PrintStream out, InputStream in, CountDownLatch stop) {
        return new CommandLine(new Main(out, in, stop));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("bevatel-simulator: --port " + port + " is out of range; pass --port 0 for a free one or --port N"
                    + " with N from 1 to 65535");
            return USAGE;
        }
        ReadyFile ready = readyFile == null ? null : new ReadyFile(readyFile);
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
            if (ready != null) {
                ready.clear();
            }
        } catch (FileProblem e) {
            return refuse(err, e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("bevatel-simulator: " + e.getMessage());
            return USAGE;
        } catch (UncheckedIOException e) {
            return refuse(err, e.getMessage());
        }
        builder.extension(new Dashboard());
        AdminApi admin = new AdminApi(new AdminApi.Settings(Version.text(), adminToken, stateFile,
                fixtures == null ? null : fixtures.toAbsolutePath().toString()));
        builder.extension(admin);
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
        // With --ready-json, standard output is for machines: its first line is the document, people read standard error.
        PrintWriter human = readyJson ? err : new PrintWriter(out, true);
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicBoolean saved = new AtomicBoolean(true);
        Runnable shutdown = () -> {
            if (stopped.compareAndSet(false, true)) {
                if (ready != null) {
                    ready.delete();
                }
                saved.set(saveOnShutdown(sim, stateFile, human, err));
                sim.close();
            }
        };
        // Whatever else ends the JVM (SIGHUP; SIGTERM where it cannot be handled) runs shutdown hooks: save and close there.
        Thread hook = new Thread(() -> {
            shutdown.run();
            stop.countDown();
        }, "bevatel-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (ownProcess) {
            StopSignals.onTerminate(stop::countDown);
        }
        if (exitOnStdinClose) {
            StopSignals.onEndOf(in, stop::countDown);
        }
        // Announced only once every way to stop it is in place: a runner may stop it as soon as it reads this.
        ObjectNode whereabouts = whereabouts(admin.ready(sim));
        if (ready != null) {
            try {
                ready.write(whereabouts);
            } catch (UncheckedIOException e) {
                Runtime.getRuntime().removeShutdownHook(hook);
                sim.close();
                return refuse(err, e.getMessage());
            }
        }
        if (readyJson) {
            out.println(ReadyFile.line(whereabouts));
            out.flush();
        }
        human.print(Banner.of(sim, fixtures, stateFile, adminToken != null, botFlags()));
        human.flush();
        stop.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and does the rest.
            return STOPPED;
        }
        shutdown.run();
        return saved.get() ? STOPPED : STATE_NOT_SAVED;
    }

    /** The readiness document, and what only this process knows: its pid, and the admin token it was given. */
    private ObjectNode whereabouts(ObjectNode ready) {
        ready.put("pid", ProcessHandle.current().pid());
        if (adminToken != null) {
            ready.put("admin_token", adminToken);
        }
        return ready;
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
        return CANNOT_START;
    }

    /** Saves the state when there is a state file; false when that failed. */
    private static boolean saveOnShutdown(BevatelSimulator sim, StateFile stateFile, PrintWriter human, PrintWriter err) {
        if (stateFile == null) {
            return true;
        }
        try {
            // Writes stop before the snapshot: one acknowledged after it would be lost with the process,
            // so from here on they answer 503 instead.
            stateFile.save(sim.stopWritesAndExport());
            human.println("State saved to " + stateFile.path());
            human.flush();
            return true;
        } catch (RuntimeException e) {
            err.println("bevatel-simulator: could not save the state: " + e.getMessage());
            err.flush();
            return false;
        }
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
