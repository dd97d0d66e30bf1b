package com.bevatel.simulator.standalone.admin;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.HttpExtension;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.standalone.files.StateFile;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;

/**
 * The admin API under {@code /_simulator/}, described in {@code openapi.json} (served at
 * {@code /_simulator/openapi.json}): health and readiness, reset, the delivery journal, state
 * export/import/save, fault injection and the built-in sinks. The simulated clock
 * ({@code /_simulator/clock}) and the agent actions ({@code /_simulator/agent/…}) are the core's.
 * With an admin token, every {@code /_simulator/} route needs it (except the sinks' receiving end).
 * There is one listener, so these routes are reachable exactly where the API is: the bind address;
 * {@link RequestGuard} keeps other web pages from using them through a browser.
 */
public final class AdminApi implements HttpExtension {
    public static final String PREFIX = "/_simulator/";

    /**
     * @param adminToken   required on every admin route when not null
     * @param stateFile    the {@code --state} file, for {@code POST /_simulator/state/save}; null when none
     * @param fixturesFile the {@code --fixtures} file shown by readiness; null when none
     */
    public record Settings(String version, String adminToken, StateFile stateFile, String fixturesFile) {
    }

    private final Settings settings;
    /** Known once registered (the port may be chosen at start), for {@link #wrap}. */
    private RequestGuard.Settings guard;
    private DeliveryWait waits;

    public AdminApi(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void register(Router router, BevatelSimulator simulator) {
        guard = RequestGuard.Settings.of(simulator);
        AdminRoutes.register(router, simulator, settings);
        waits = JournalRoutes.register(router, simulator.webhooks());
        StateRoutes.register(router, simulator, settings.stateFile());
        FaultRoutes.register(router, simulator.faults());
        SinkRoutes.register(router, simulator);
    }

    /**
     * What {@code GET /_simulator/ready} answers: where the simulator listens, its token, account and
     * API inbox, the files in use; the jar announces the same document when it is ready.
     *
     * @param simulator the simulator this extension is registered with
     */
    public ObjectNode ready(BevatelSimulator simulator) {
        return AdminRoutes.ready(simulator, settings);
    }

    /** Requests to {@code /_simulator/deliveries/wait} parked now. */
    int waitingForDeliveries() {
        return waits.waiting();
    }

    /** The guard first (a request from another web page is refused before anything else), then the token. */
    @Override
    public HttpHandler wrap(HttpHandler next) {
        HttpHandler checked = settings.adminToken() == null ? next : new AdminToken(settings.adminToken(), guard.port(), next);
        return RequestGuard.wrap(guard, checked);
    }
}
