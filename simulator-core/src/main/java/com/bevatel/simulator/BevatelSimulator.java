package com.bevatel.simulator;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.SeedWorld;
import com.bevatel.simulator.domain.Seeder;
import com.bevatel.simulator.domain.Teams;
import com.bevatel.simulator.domain.Users;
import com.bevatel.simulator.domain.WebhookUrls;
import com.bevatel.simulator.fault.Fault;
import com.bevatel.simulator.fault.Faults;
import com.bevatel.simulator.fixture.FixtureSeeder;
import com.bevatel.simulator.fixture.Fixtures;
import com.bevatel.simulator.http.FaultInjectingHandler;
import com.bevatel.simulator.http.HttpServer;
import com.bevatel.simulator.http.LateBoundHandler;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.route.Routes;
import com.bevatel.simulator.seed.SeededRandom;
import com.bevatel.simulator.state.InvalidEntryException;
import com.bevatel.simulator.state.Settings;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.StateCodec;
import com.bevatel.simulator.state.Store;
import com.bevatel.simulator.state.Transaction;
import com.bevatel.simulator.time.SimulatedClock;
import com.bevatel.simulator.webhook.Sink;
import com.bevatel.simulator.webhook.Sinks;
import com.bevatel.simulator.webhook.WebhookDispatcher;
import com.bevatel.simulator.webhook.WebhookJournal;
import com.bevatel.simulator.webhook.WebhookSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * An in-memory Bevatel (Chatwoot) API-channel simulator on a real HTTP port.
 *
 * <pre>{@code
 * try (BevatelSimulator sim = BevatelSimulator.builder().seed(42).start()) {
 *     URI base = sim.baseUrl();  String token = sim.accessToken();  long inbox = sim.apiInbox().id();
 * }
 * }</pre>
 *
 * Same seed, same start time and the same calls give byte-identical responses on every run.
 * Webhooks are delivered for real over HTTP and every attempt is recorded in {@link #webhooks()};
 * {@link #sinkUrl(String)} is a built-in receiver for tests without their own server.
 *
 * <p>This class is the entry point of the simulator's public API; members marked
 * {@code @API(status = INTERNAL)} are for the simulator's own modules.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class BevatelSimulator implements AutoCloseable {
    /** The seed of {@link Builder#seed(long)} when none is given. */
    public static final long DEFAULT_SEED = 42L;
    /** Where the simulated clock starts when {@link Builder#startTime(Instant)} is not given. */
    public static final Instant DEFAULT_START_TIME = Instant.parse("2026-01-01T00:00:00Z");
    /** How far each write advances the clock when {@link Builder#clockStep(Duration)} is not given. */
    public static final Duration DEFAULT_CLOCK_STEP = Duration.ofSeconds(1);
    /** The largest request body accepted when {@link Builder#maxRequestBodyBytes(long)} is not given (50 MiB). */
    public static final long DEFAULT_MAX_BODY_BYTES = 50L * 1024 * 1024;
    /** How long a connection may stay silent when {@link Builder#readTimeout(Duration)} is not given. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private final SimulatorOptions config;
    private final Store store;
    private final HttpServer server;
    private final URI baseUrl;
    private final WebhookJournal webhooks;
    private WebhookDispatcher dispatcher;
    private final Sinks sinks = new Sinks();
    private final Faults faults;

    private BevatelSimulator(SimulatorOptions config) {
        this.config = config;
        this.faults = new Faults(config.seed(), config.faults());
        LateBoundHandler root = new LateBoundHandler(config.readTimeout());
        // Starting the server (XNIO's threads and JMX registration, the socket) is the largest part of
        // a first start and needs nothing from the store, so it runs beside the seeding and the route
        // registration; requests arriving before the routes are bound are held until then.
        FutureTask<HttpServer> serverStart = new FutureTask<>(() -> {
            HttpServer started = new HttpServer(config.host(), config.port(), root, config.maxRequestBodyBytes(), config.readTimeout());
            started.start();
            return started;
        });
        Thread starter = new Thread(serverStart, "bevatel-simulator-start");
        starter.setDaemon(true);
        starter.start();
        try {
            HttpServer startedServer = null;
            String webhookUrl = config.apiInboxWebhookUrl() == null ? null : config.apiInboxWebhookUrl().toString();
            SeedWorld world = config.world();
            if (config.apiInboxWebhookSink() != null || world.usesSinks()) {
                // The seeded inbox or a bot calls back to this simulator's own sink, whose URL needs the port.
                startedServer = started(serverStart);
                String sinkBase = baseUrl(startedServer) + Sinks.PREFIX;
                if (config.apiInboxWebhookSink() != null) {
                    sinks.sink(config.apiInboxWebhookSink());
                    webhookUrl = sinkBase + config.apiInboxWebhookSink();
                }
                world = world.withSinkUrls(name -> {
                    sinks.sink(name);
                    return sinkBase + name;
                });
            }
            Settings settings = new Settings(config.messagesPerMinute(), config.maxAttachmentBytes());
            Consumer<Transaction> seeder = new Seeder(config.accessToken(), webhookUrl, world);
            this.store = new Store(
                    () -> new State(new SeededRandom(config.seed()), new SimulatedClock(config.startTime(), config.clockStep()),
                            settings),
                    config.fixtures().isEmpty() ? seeder : seeder.andThen(new FixtureSeeder(config.fixtures())));
            if (config.initialState() != null) {
                store.replace(state -> StateCodec.read(config.initialState(), state));
            }
            this.webhooks = new WebhookJournal(config.journalCapacity());
            this.dispatcher = new WebhookDispatcher(store, new WebhookSettings(config.webhookTimeout(),
                    config.webhookAttempts(), config.webhookBackoff(), config.webhookQueueCapacity(), config.inboxEvents(),
                    config.seed(), config.agentBotRetryWait(), config.keepPendingOnBotFailure()), webhooks);
            store.addListener(dispatcher);
            Router router = new Router(store, config.maxRequestBodyBytes());
            Routes.registerAll(router);
            this.server = startedServer != null ? startedServer : started(serverStart);
            this.baseUrl = baseUrl(server);
            settings.baseUrl(baseUrl.toString());
            dispatcher.ownAddress(server.boundAddress(), server.port());
            // Extensions' endpoints may wait on something: a worker thread, unless they ask for the I/O thread.
            router.endpointsOnIoThread(false);
            config.extensions().forEach(extension -> extension.register(router, this));
            HttpHandler api = new FaultInjectingHandler(faults, router.handler());
            HttpHandler handler = exchange -> (Sinks.handles(exchange) ? sinks : api).handleRequest(exchange);
            for (HttpExtension extension : config.extensions()) {
                handler = extension.wrap(handler);
            }
            // Nothing is served before this line: a failed seed, fixture or state load never shows.
            root.bind(handler);
        } catch (RuntimeException | Error e) {
            root.fail(e);
            closeQuietly(serverStart);
            if (dispatcher != null) {
                dispatcher.close();
            }
            throw e;
        }
    }

    /** The started server, or what stopped it from starting (as thrown by Undertow). */
    private static HttpServer started(FutureTask<HttpServer> serverStart) {
        try {
            return serverStart.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the simulator's server did not start", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the simulator's server was starting", e);
        }
    }

    private static void closeQuietly(FutureTask<HttpServer> serverStart) {
        try {
            started(serverStart).close();
        } catch (RuntimeException | Error ignored) {
            // It did not start, or is being stopped by what failed: nothing more to close.
        }
    }

    private URI baseUrl(HttpServer started) {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + started.port());
    }

    /**
     * A builder with every option at its default; {@link Builder#start()} starts the simulator.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Optional: begins, on a daemon thread, the one-time work of the JVM's first start (the shared
     * I/O threads, then loading the JSON classes), for a caller that has something else to do before
     * {@link Builder#start()}, such as parsing a command line. Returns at once; starting without it
     * gives the same result. Experimental: a hint whose worth depends on how the simulator starts.
     */
    @API(status = EXPERIMENTAL, since = "0.1.0")
    public static void prepare() {
        Thread preparing = new Thread(() -> {
            HttpServer.prepareWorker();
            try {
                Json.bytes(Json.parse("{\"prepare\":[1,2.5,true,null,\"\\u00e9\"]}", true));
            } catch (IOException | RuntimeException ignored) {
                // Only a warm-up: the real use reports any problem.
            }
        }, "bevatel-simulator-prepare");
        preparing.setDaemon(true);
        preparing.start();
    }

    /**
     * Where the simulator serves.
     *
     * @return {@code http://127.0.0.1:<port>} — no trailing slash; append {@code /api/v1/...}
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * The port the server listens on (the free one taken when the builder's port was 0).
     *
     * @return the bound port
     */
    public int port() {
        return server.port();
    }

    /**
     * The seeded administrator's token, for the {@code api_access_token} header (the new one after
     * {@code POST /api/v1/profile/reset_access_token}).
     *
     * @return the administrator's {@code api_access_token}
     * @throws IllegalStateException when the administrator was deleted ({@code DELETE /agents/1}; a {@link #reset()} restores it)
     */
    public String accessToken() {
        return administrator().accessToken();
    }

    /**
     * The seeded account, which every Application API path names.
     *
     * @return the seeded account's id (1)
     */
    public long accountId() {
        return store.read(state -> state.accounts.all().iterator().next().id());
    }

    /**
     * The seeded administrator as stored now.
     *
     * @return user 1
     * @throws IllegalStateException when the administrator was deleted ({@code DELETE /agents/1}; a {@link #reset()} restores it)
     */
    public User administrator() {
        return store.read(state -> state.users.find(1L)).orElseThrow(() ->
                new IllegalStateException("the seeded administrator was deleted (reset() restores it)"));
    }

    /**
     * The seeded API inbox as it is now: its id, identifier and secrets.
     *
     * @return inbox 1
     * @throws IllegalStateException when the inbox was deleted (a {@link #reset()} restores it)
     */
    public ApiInbox apiInbox() {
        return store.read(state -> {
            Inbox inbox = state.inboxes.find(1L)
                    .orElseThrow(() -> new IllegalStateException("the seeded API inbox was deleted (reset() restores it)"));
            return new ApiInbox(inbox.id(), inbox.channel().identifier(), inbox.channel().hmacToken(),
                    inbox.channel().secret());
        });
    }

    /**
     * The seed every uuid and token is drawn from.
     *
     * @return the builder's {@link Builder#seed(long)}, or {@link #DEFAULT_SEED}
     */
    public long seed() {
        return config.seed();
    }

    /**
     * A member of the account (by name or email) acting in the simulated Bevatel dashboard: replies,
     * notes, status changes, assignments … each with the messages, activities and events the real
     * dashboard produces.
     *
     * @param nameOrEmail the member's name or email, as given to the builder
     * @return the member, ready to act
     * @throws IllegalArgumentException when no member has that name or email (the message lists those that exist)
     */
    public DashboardAgent agent(String nameOrEmail) {
        return new DashboardAgent(store, user(nameOrEmail));
    }

    /**
     * A member of the account by name or email, as stored now (id, token, role).
     *
     * @param nameOrEmail the member's name or email
     * @return the member
     * @throws IllegalArgumentException when no member has that name or email (the message lists those that exist)
     */
    public User user(String nameOrEmail) {
        Objects.requireNonNull(nameOrEmail, "nameOrEmail");
        return store.read(state -> Users.byNameOrEmail(state, accountId(), nameOrEmail))
                .orElseThrow(() -> new IllegalArgumentException(store.<String>read(state -> Users.unknown(state, accountId(), nameOrEmail))));
    }

    /**
     * An agent bot defined with {@link Builder#agentBot}, by name (its id and access token).
     *
     * @param name the bot's name
     * @return the bot as stored now
     * @throws IllegalArgumentException when no bot has that name (the message lists the bots)
     */
    public AgentBot agentBot(String name) {
        // A bot made through the API may have no name (Chatwoot requires none).
        return store.read(state -> state.agentBots.all().stream().filter(b -> Objects.equals(b.name(), name)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no agent bot named " + name + "; the bots: "
                        + store.read(state -> state.agentBots.all().stream().map(AgentBot::name).toList())));
    }

    /**
     * A team defined with {@link Builder#team}, by name (case-insensitive, as Chatwoot stores it).
     *
     * @param name the team's name
     * @return the team as stored now
     * @throws IllegalArgumentException when no team has that name (the message lists the teams)
     */
    public Team team(String name) {
        Objects.requireNonNull(name, "name");
        return store.read(state -> Teams.byName(state, accountId(), name))
                .orElseThrow(() -> new IllegalArgumentException(store.<String>read(state -> Teams.unknown(state, accountId(), name))));
    }

    /**
     * Back to the configured start, as if just started: the seeded world (and fixtures) with ids, tokens
     * and the clock starting again from the same values; the webhook journal emptied and deliveries not
     * yet sent dropped; the fault rules back to those of {@link Builder#fault} (counts and draws anew)
     * with an empty fault log; every built-in sink answering 200 at once with nothing received.
     * Nothing a test changes survives it, so the JUnit extension calls it before each test.
     */
    public void reset() {
        reset(new Keep[0]);
    }

    /**
     * {@link #reset()}, but leaving what {@code keep} names as it is (the jar's {@code POST /_simulator/reset?keep=…}).
     *
     * @param keep what to leave untouched; none: a full {@link #reset()}
     */
    public void reset(Keep... keep) {
        Set<Keep> kept = keep.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(keep));
        store.reset();
        if (!kept.contains(Keep.FAULTS)) {
            faults.reset();
        }
        if (!kept.contains(Keep.SINKS)) {
            sinks.resetAll();
        }
    }

    /**
     * What {@link #reset(Keep...)} may leave untouched; the state and the journal are always reset.
     *
     * @since 0.1.0
     */
    @API(status = STABLE, since = "0.1.0")
    public enum Keep {
        /** The fault rules, their counts and the fault log. */
        FAULTS,
        /** The built-in sinks' answers (status, delay) and received counts. */
        SINKS
    }

    /**
     * The simulated clock, to read, advance or set.
     *
     * @return a view of this simulator's clock
     */
    public SimulatorClock clock() {
        return new SimulatorClock() {
            @Override
            public Instant now() {
                return store.read(state -> state.clock().now());
            }

            @Override
            public Instant advance(Duration duration) {
                return store.exclusive(state -> state.clock().advance(duration));
            }

            @Override
            public void set(Instant instant) {
                store.exclusive(state -> {
                    state.clock().set(instant);
                    return null;
                });
            }
        };
    }

    /**
     * Every webhook delivery attempt, for assertions and waits. Cleared by {@link #reset()}.
     *
     * @return this simulator's journal
     */
    public WebhookJournal webhooks() {
        return webhooks;
    }

    /**
     * The URL of the built-in receiver {@code name} ({@code /_simulator/sink/{name}}), to use as a
     * webhook or inbox callback URL; it answers 200 unless {@link #sink(String)} says otherwise.
     *
     * @param name the sink's name: 1 to 100 of {@code A-Z a-z 0-9 . _ ~ -}
     * @return the sink's absolute URL on this simulator
     * @throws IllegalArgumentException when the name has other characters
     * @throws IllegalStateException when it would be the simulator's 1001st sink
     */
    public URI sinkUrl(String name) {
        sinks.sink(name);
        return URI.create(baseUrl + Sinks.PREFIX + name);
    }

    /**
     * The built-in receiver {@code name}, to set its answer ({@code respondWith}, {@code delay});
     * {@link #reset()} puts it back to 200.
     *
     * @param name the sink's name, as in {@link #sinkUrl(String)}
     * @return the sink, created on first use
     * @throws IllegalArgumentException when the name has characters a sink name may not have
     * @throws IllegalStateException when it would be the simulator's 1001st sink
     */
    public Sink sink(String name) {
        return sinks.sink(name);
    }

    /**
     * Every built-in receiver created so far (by {@link #sink}, {@link #sinkUrl} or a request).
     *
     * @return the sinks, sorted by name
     */
    public List<Sink> sinks() {
        return sinks.all();
    }

    /**
     * Faults injected into this simulator's API (not into {@code /_simulator/…}): statuses, delays,
     * dropped connections for matching requests, with a log of every request affected. {@link #reset()}
     * returns them to the rules of {@link Builder#fault} and an empty log.
     *
     * @return this simulator's faults
     */
    public Faults faults() {
        return faults;
    }

    /**
     * The whole state as one JSON document: every row, the id sequences, the seeded generator and the
     * clock. {@link #importState} of it — here or in another simulator — gives back byte-identical
     * API answers, and the same ids, tokens and times from then on. Experimental: the document
     * follows the simulator's internal rows, so its shape may change.
     *
     * @return a new document, the caller's to keep
     */
    @API(status = EXPERIMENTAL, since = "0.1.0")
    public ObjectNode exportState() {
        return store.read(StateCodec::write);
    }

    /**
     * Replaces the state with a document from {@link #exportState()}. Like {@link #reset()}, the
     * journal is emptied and deliveries not yet sent are dropped; {@code reset()} still returns to
     * the seeded world. A document that cannot be loaded changes nothing. Experimental, as
     * {@link #exportState()} is.
     *
     * @param document a document from {@link #exportState()}
     * @throws InvalidEntryException naming the offending entry
     */
    @API(status = EXPERIMENTAL, since = "0.1.0")
    public void importState(JsonNode document) {
        store.replace(state -> StateCodec.read(document, state));
    }

    /**
     * Stops accepting changes and returns the state as it then stands ({@link #exportState()}'s
     * document), holding every write acknowledged before the call. From then on every write over the
     * API answers 503 {@code {"error":"the simulator is stopping; nothing was changed"}}, and a reset,
     * import or clock change here throws that error: a write that comes too late fails where it can be
     * seen, instead of being answered and then lost. The jar calls it on shutdown, before its last save.
     * Experimental, as {@link #exportState()} is.
     *
     * @return the state as {@link #exportState()} renders it
     */
    @API(status = EXPERIMENTAL, since = "0.1.0")
    public ObjectNode stopWritesAndExport() {
        return store.seal(() -> Errors.error(503, "the simulator is stopping; nothing was changed"), StateCodec::write);
    }

    /** The store behind the HTTP API: not API; the simulator's own modules reach it through {@link SimulatorAccess}. */
    Store store() {
        return store;
    }

    /**
     * Stops webhook delivery, then the server. Deliveries under way or waiting are recorded in the
     * journal as failed ("abandoned: …"), so the journal accounts for every one.
     */
    @Override
    public void close() {
        dispatcher.close();
        server.close();
    }

    /**
     * Configuration; every option has a default, {@link #start()} binds the port.
     *
     * @since 0.1.0
     */
    @API(status = STABLE, since = "0.1.0")
    public static final class Builder {
        private int port = 0;
        private String host = "127.0.0.1";
        private long seed = DEFAULT_SEED;
        private Instant startTime = DEFAULT_START_TIME;
        private Duration clockStep = DEFAULT_CLOCK_STEP;
        private String accessToken;
        private URI apiInboxWebhookUrl;
        private String apiInboxWebhookSink;
        private final List<HttpExtension> extensions = new ArrayList<>();
        private long maxRequestBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration webhookTimeout = WebhookSettings.DEFAULT_TIMEOUT;
        private int webhookAttempts = 1;
        private Duration webhookBackoff = Duration.ofSeconds(1);
        private int webhookQueueCapacity = WebhookSettings.DEFAULT_QUEUE_CAPACITY;
        private int journalCapacity = WebhookJournal.DEFAULT_CAPACITY;
        private boolean inboxEvents;
        private Duration agentBotRetryWait = WebhookSettings.DEFAULT_AGENT_BOT_RETRY_WAIT;
        private boolean keepPendingOnBotFailure;
        private final List<SeedWorld.Member> members = new ArrayList<>();
        private final List<SeedWorld.TeamSpec> teams = new ArrayList<>();
        private final List<SeedWorld.BotSpec> bots = new ArrayList<>();
        private int messagesPerMinute;
        private long maxAttachmentBytes = Settings.DEFAULT_MAX_ATTACHMENT_BYTES;
        private Fixtures fixtures = Fixtures.none();
        private JsonNode initialState;
        private final List<Fault> faults = new ArrayList<>();

        private Builder() {
        }

        /**
         * The port to listen on.
         *
         * @param port 0 (the default) for a free port, else 1 to 65535
         * @return this builder
         * @throws IllegalArgumentException when the port is outside 0 to 65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The address to bind; 127.0.0.1 by default, so nothing outside the machine can reach it.
         *
         * @param host a host name or IP address of this machine
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Drives every generated uuid and token: the same seed gives the same ones on every run.
         *
         * @param seed any value; {@link #DEFAULT_SEED} by default
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Where the simulated clock starts (and returns to on reset).
         *
         * @param startTime the first instant; {@link #DEFAULT_START_TIME} by default
         * @return this builder
         */
        public Builder startTime(Instant startTime) {
            this.startTime = Objects.requireNonNull(startTime, "startTime");
            return this;
        }

        /**
         * How far each write advances the simulated clock.
         *
         * @param clockStep one second by default; zero freezes the clock
         * @return this builder
         * @throws IllegalArgumentException when null or negative
         */
        public Builder clockStep(Duration clockStep) {
            if (clockStep == null || clockStep.isNegative()) {
                throw new IllegalArgumentException("clockStep must be zero or positive: " + clockStep);
            }
            this.clockStep = clockStep;
            return this;
        }

        /**
         * The seeded administrator's token.
         *
         * @param accessToken the token; null (the default): drawn from the seed
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder accessToken(String accessToken) {
            if (accessToken != null && accessToken.isBlank()) {
                throw new IllegalArgumentException("accessToken must not be blank");
            }
            this.accessToken = accessToken;
            return this;
        }

        /**
         * Adds an agent (role {@code agent}, member of the seeded API inbox). Agents see only their
         * inboxes' and teams' conversations.
         *
         * @param name the agent's name, unique among the members
         * @param email the agent's email, unique among the members (ignoring case)
         * @param accessToken the agent's token; null: drawn from the seed
         * @return this builder
         * @throws IllegalArgumentException when a name or email is blank or taken, or the token is blank
         */
        public Builder agent(String name, String email, String accessToken) {
            return member(name, email, Role.AGENT, accessToken);
        }

        /**
         * Adds another administrator (sees everything, may delete, manages inboxes).
         *
         * @param name the administrator's name, unique among the members
         * @param email the administrator's email, unique among the members (ignoring case)
         * @param accessToken the administrator's token; null: drawn from the seed
         * @return this builder
         * @throws IllegalArgumentException when a name or email is blank or taken, or the token is blank
         */
        public Builder administrator(String name, String email, String accessToken) {
            return member(name, email, Role.ADMINISTRATOR, accessToken);
        }

        private Builder member(String name, String email, Role role, String accessToken) {
            requireText(name, "name");
            requireText(email, "email");
            if (accessToken != null && accessToken.isBlank()) {
                throw new IllegalArgumentException("accessToken must not be blank");
            }
            for (SeedWorld.Member m : members) {
                if (m.name().equals(name) || m.email().equalsIgnoreCase(email)) {
                    throw new IllegalArgumentException("a member named " + name + " or " + email + " exists already");
                }
            }
            members.add(new SeedWorld.Member(name, email, role, accessToken));
            return this;
        }

        /**
         * Adds a team (its name lower-cased, as Chatwoot stores it).
         *
         * @param name the team's name
         * @param memberNamesOrEmails its members, each by name or email
         * @return this builder
         * @throws IllegalArgumentException when the name is blank
         */
        public Builder team(String name, String... memberNamesOrEmails) {
            requireText(name, "team name");
            teams.add(new SeedWorld.TeamSpec(name, List.of(memberNamesOrEmails)));
            return this;
        }

        /**
         * Adds an agent bot; it may call the endpoints Chatwoot opens to bots.
         *
         * @param name the bot's name
         * @param accessToken the bot's token; null: drawn from the seed
         * @return this builder
         * @throws IllegalArgumentException when the name or token is blank
         */
        public Builder agentBot(String name, String accessToken) {
            requireText(name, "bot name");
            if (accessToken != null && accessToken.isBlank()) {
                throw new IllegalArgumentException("accessToken must not be blank");
            }
            bots.add(new SeedWorld.BotSpec(name, accessToken));
            return this;
        }

        /**
         * Adds an agent bot with an outgoing URL (or one of the simulator's sinks) and, if asked, the
         * seeded API inbox to serve: the events of that inbox's conversations are posted to it, signed
         * with its secret ({@link BevatelSimulator#agentBot(String)} gives its token and secret).
         *
         * @param bot the bot
         * @return this builder
         */
        public Builder agentBot(AgentBotSetup bot) {
            Objects.requireNonNull(bot, "bot");
            bots.add(new SeedWorld.BotSpec(bot.name(), bot.accessToken(),
                    bot.outgoingUrl() == null ? null : bot.outgoingUrl().toString(), bot.outgoingSink(),
                    bot.servesApiInbox()));
            return this;
        }

        /**
         * Opt-in flood limit: a conversation then accepts at most this many messages per rolling
         * minute of simulated time (Chatwoot's default is 200); beyond it message create answers 422
         * "Validation failed: Too many messages".
         *
         * @param limit messages per minute; 0 (the default): no limit
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder messagesPerMinuteLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("messagesPerMinuteLimit must be 0 (off) or positive: " + limit);
            }
            this.messagesPerMinute = limit;
            return this;
        }

        /**
         * Total attachment bytes kept in memory; an upload beyond it is refused with 422.
         *
         * @param bytes the bound; 256 MiB by default
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxAttachmentStorageBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxAttachmentStorageBytes must be positive: " + bytes);
            }
            this.maxAttachmentBytes = bytes;
            return this;
        }

        private static void requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
        }

        private SeedWorld world() {
            Set<String> tokens = new HashSet<>();
            if (accessToken != null) {
                tokens.add(accessToken);
            }
            for (SeedWorld.Member m : members) {
                if (m.accessToken() != null && !tokens.add(m.accessToken())) {
                    throw new IllegalArgumentException("access token used twice: " + m.name());
                }
            }
            String servesApiInbox = null;
            for (SeedWorld.BotSpec b : bots) {
                if (b.accessToken() != null && !tokens.add(b.accessToken())) {
                    throw new IllegalArgumentException("access token used twice: " + b.name());
                }
                if (b.servesApiInbox()) {
                    if (servesApiInbox != null) {
                        throw new IllegalArgumentException("the API inbox is served by one bot, not two: "
                                + servesApiInbox + " and " + b.name() + " (servingApiInbox; the jar's --agent-bot-inbox)");
                    }
                    servesApiInbox = b.name();
                }
            }
            return new SeedWorld(members, teams, bots);
        }

        /**
         * More of the world to seed, with ids as given, after the seeded account, administrator and
         * inbox; {@link BevatelSimulator#reset()} returns to it too. A fixture that cannot be applied
         * fails {@link #start()} with an {@link InvalidEntryException} naming the entry. Experimental, as
         * {@link Fixtures} is.
         *
         * @param fixtures the world to add; {@link Fixtures#none()} by default
         * @return this builder
         */
        @API(status = EXPERIMENTAL, since = "0.1.0")
        public Builder fixtures(Fixtures fixtures) {
            this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
            return this;
        }

        /**
         * Starts from a saved state ({@link BevatelSimulator#exportState()}) instead of the seeded
         * world; {@code reset()} still returns to the seeded world (and its fixtures). A document that
         * cannot be loaded fails {@link #start()} with an {@link InvalidEntryException}; nothing is served.
         * Experimental, as {@link BevatelSimulator#exportState()} is.
         *
         * @param document the saved state; null (the default): the seeded world
         * @return this builder
         */
        @API(status = EXPERIMENTAL, since = "0.1.0")
        public Builder initialState(JsonNode document) {
            this.initialState = document;
            return this;
        }

        /**
         * A fault in place from the start, and again after every {@link BevatelSimulator#reset()} (with its
         * {@code times} and draws anew), for a suite whose every test meets it; a test's own faults go
         * through {@link BevatelSimulator#faults()} and last until the next reset.
         *
         * @param fault the fault; several are tried in the order they were added
         * @return this builder
         */
        public Builder fault(Fault fault) {
            this.faults.add(Objects.requireNonNull(fault, "fault"));
            return this;
        }

        /**
         * More routes on the simulator's server (the standalone jar's admin API and dashboard use this).
         * Experimental, as {@link HttpExtension} is.
         *
         * @param extension registered when the simulator starts, after the API's own routes
         * @return this builder
         */
        @API(status = EXPERIMENTAL, since = "0.1.0")
        public Builder extension(HttpExtension extension) {
            this.extensions.add(Objects.requireNonNull(extension, "extension"));
            return this;
        }

        /**
         * Points the seeded API inbox's {@code webhook_url} at this simulator's own sink {@code name}
         * ({@link BevatelSimulator#sinkUrl(String)}), so a test without a server of its own still gets real
         * deliveries. Not together with {@link #apiInboxWebhookUrl(URI)}.
         *
         * @param name the sink's name; null (the default): no sink
         * @return this builder
         */
        public Builder apiInboxWebhookSink(String name) {
            this.apiInboxWebhookSink = name;
            return this;
        }

        /**
         * The seeded API inbox's {@code webhook_url} (where the inbox callback is delivered). Not
         * together with {@link #apiInboxWebhookSink(String)}.
         *
         * @param url an absolute http(s) URL; null (the default): none
         * @return this builder
         * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
         */
        public Builder apiInboxWebhookUrl(URI url) {
            if (url != null && !WebhookUrls.deliverable(url.toString())) {
                throw new IllegalArgumentException("the API inbox's webhook URL must be an absolute http(s) URL: " + url);
            }
            this.apiInboxWebhookUrl = url;
            return this;
        }

        /**
         * Largest accepted request body; larger ones get 413.
         *
         * @param bytes the bound; {@link #DEFAULT_MAX_BODY_BYTES} by default
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxRequestBodyBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxRequestBodyBytes must be positive: " + bytes);
            }
            this.maxRequestBodyBytes = bytes;
            return this;
        }

        /**
         * How long a client connection may send nothing — stopped in the middle of its headers or
         * body, or idle between requests — before the server closes it.
         *
         * @param timeout {@link #DEFAULT_READ_TIMEOUT} by default
         * @return this builder
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder readTimeout(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("readTimeout must be positive: " + timeout);
            }
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Connect timeout, and how long to wait for a receiver's response.
         *
         * @param timeout 5 s by default, as in Chatwoot
         * @return this builder
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder webhookTimeout(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("webhookTimeout must be positive: " + timeout);
            }
            this.webhookTimeout = timeout;
            return this;
        }

        /**
         * Beyond Chatwoot (which tries once): up to {@code maxAttempts} attempts per delivery, waiting
         * {@code backoff} before the first retry and twice as long before each further one.
         *
         * @param maxAttempts attempts per delivery; 1 by default
         * @param backoff the wait before the first retry; 1 s by default
         * @return this builder
         * @throws IllegalArgumentException when {@code maxAttempts} is below 1 or {@code backoff} null or negative
         */
        public Builder webhookRetries(int maxAttempts, Duration backoff) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
            if (backoff == null || backoff.isNegative()) {
                throw new IllegalArgumentException("backoff must be zero or positive: " + backoff);
            }
            this.webhookAttempts = maxAttempts;
            this.webhookBackoff = backoff;
            return this;
        }

        /**
         * Deliveries waiting to be sent (all receivers); more are dropped and recorded as failed.
         *
         * @param capacity the bound; 10,000 by default
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder webhookQueueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("webhookQueueCapacity must be positive: " + capacity);
            }
            this.webhookQueueCapacity = capacity;
            return this;
        }

        /**
         * How many deliveries the journal keeps; older ones are evicted and counted.
         *
         * @param capacity the bound; {@link WebhookJournal#DEFAULT_CAPACITY} by default
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder journalCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("journalCapacity must be positive: " + capacity);
            }
            this.journalCapacity = capacity;
            return this;
        }

        /**
         * Chatwoot's {@code ENABLE_INBOX_EVENTS}: send inbox_created/inbox_updated to subscribed account webhooks.
         *
         * @param enabled false by default, as in Chatwoot
         * @return this builder
         */
        public Builder inboxEvents(boolean enabled) {
            this.inboxEvents = enabled;
            return this;
        }

        /**
         * How long an agent bot's delivery waits before it is tried again. A bot's delivery is retried
         * as in Chatwoot (app/jobs/agent_bots/webhook_job.rb): only when the bot answered 429 or 500, 3
         * attempts in all; {@link #webhookRetries(int, Duration)} does not apply to bots.
         *
         * @param wait 3 s by default, as in Chatwoot (without its random extra); shorter for tests
         * @return this builder
         * @throws IllegalArgumentException when null or negative
         */
        public Builder agentBotRetryWait(Duration wait) {
            if (wait == null || wait.isNegative()) {
                throw new IllegalArgumentException("agentBotRetryWait must be zero or positive: " + wait);
            }
            this.agentBotRetryWait = wait;
            return this;
        }

        /**
         * Chatwoot's account setting {@code keep_pending_on_bot_failure}: when a message cannot be
         * delivered to an agent bot (after its retries), its pending conversation stays pending. By
         * default it is opened, with the activity line "Conversation was marked open by system due to
         * an error with the agent bot." (lib/webhooks/trigger.rb).
         *
         * @param keep false by default, as in Chatwoot
         * @return this builder
         */
        public Builder keepPendingOnBotFailure(boolean keep) {
            this.keepPendingOnBotFailure = keep;
            return this;
        }

        /**
         * Binds the port and serves; the options are frozen here, so later changes to this builder change nothing.
         *
         * @return the running simulator; close it when done
         * @throws IllegalArgumentException naming options that disagree
         * @throws InvalidEntryException when fixtures or an initial state cannot be loaded
         */
        public BevatelSimulator start() {
            return new BevatelSimulator(options());
        }

        /**
         * The options as they stand, checked as a whole: the one place where options that must agree are
         * checked (a webhook URL and a sink for the same inbox, one token for two members).
         *
         * @throws IllegalArgumentException naming the options that disagree
         */
        SimulatorOptions options() {
            if (apiInboxWebhookUrl != null && apiInboxWebhookSink != null) {
                throw new IllegalArgumentException("the API inbox gets a webhook URL or a built-in sink, not both"
                        + " (apiInboxWebhookUrl / apiInboxWebhookSink; the jar's --webhook-url / --webhook-sink)");
            }
            return new SimulatorOptions(port, host, seed, startTime, clockStep, accessToken, apiInboxWebhookUrl,
                    apiInboxWebhookSink, extensions, maxRequestBodyBytes, readTimeout, webhookTimeout, webhookAttempts,
                    webhookBackoff, webhookQueueCapacity, journalCapacity, inboxEvents, agentBotRetryWait,
                    keepPendingOnBotFailure, world(), messagesPerMinute, maxAttachmentBytes, fixtures, initialState, faults);
        }

        /**
         * Checks the options as {@link #start()} would, without starting anything: for a caller that
         * gathers options early (an annotation, command-line flags) and wants a mistake reported there.
         *
         * @return this builder
         * @throws IllegalArgumentException naming the options that disagree
         */
        public Builder validate() {
            options();
            return this;
        }
    }
}
