package com.bevatel.simulator.reliability;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random requests against every route of the Application API, the Client API and the simulator's
 * own {@code /_simulator/} and attachment routes, and against paths that are no route at all.
 * For each: never a 5xx, never a dropped connection; every answer with a body is JSON (attachment
 * downloads aside); a rejected request (4xx) answers JSON in a documented shape and leaves the whole
 * state as it was; after every request, accepted or not, every index still matches the rows
 * ({@code State.checkInvariants}). Query strings, form bodies and multipart bodies include parameters nested 150–3,000
 * deep and 990–1,010 of them, around the limits every source shares (200 levels, 1,000 parameters).
 *
 * <p>Tries per property: {@code jqwik.tries.default} ({@code src/test/resources/junit-platform.properties};
 * {@code -Psoak} raises it). Seeds are random; a failure prints the seed to replay it with
 * {@code @Property(seed = "…")}.
 */
class FuzzTest {
    private static FuzzWorld world;
    private static FuzzRequests requests;

    @BeforeContainer
    static void start() {
        world = new FuzzWorld();
        requests = new FuzzRequests(world);
    }

    @AfterContainer
    static void stop() {
        System.out.println("fuzz: " + world.requests() + " requests, by status " + world.statuses
                + "; rejected requests overlapped by a webhook write (state not compared): " + world.inconclusive);
        world.close();
    }

    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void applicationApi(@ForAll("applicationApiRequests") RawHttp.Request request) {
        check("applicationApi", request);
    }

    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void clientApi(@ForAll("clientApiRequests") RawHttp.Request request) {
        check("clientApi", request);
    }

    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void simulatorRoutes(@ForAll("simulatorRequests") RawHttp.Request request) {
        check("simulatorRoutes", request);
    }

    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void unknownPaths(@ForAll("unknownPathRequests") RawHttp.Request request) {
        check("unknownPaths", request);
    }

    @Provide
    Arbitrary<RawHttp.Request> applicationApiRequests() {
        return requests.onRoutes(route -> route.contains(" /api/"));
    }

    @Provide
    Arbitrary<RawHttp.Request> clientApiRequests() {
        return requests.onRoutes(route -> route.contains(" /public/"));
    }

    @Provide
    Arbitrary<RawHttp.Request> simulatorRequests() {
        return requests.onRoutes(route -> route.contains(" /_simulator/") || route.contains(" /rails/"));
    }

    @Provide
    Arbitrary<RawHttp.Request> unknownPathRequests() {
        return requests.anywhere();
    }

    private static void check(String property, RawHttp.Request request) {
        world.beforeRequest();
        long backgroundWrites = world.backgroundCommits();
        String before = StateFingerprint.of(world.sim);
        RawHttp.Reply reply = RawHttp.send(world.port, request);
        world.record(property, reply.status());
        if (reply.dropped() || reply.status() >= 500) {
            fail((reply.dropped() ? "connection closed without an answer: " : "server error: ") + context(request, reply));
        }
        String broken = world.brokenInvariants();
        if (broken != null) {
            fail("the indexes no longer match the rows: " + context(request, reply) + "\n" + broken);
        }
        if (reply.status() < 400) {
            // Every answer with a body is JSON, but the attachment bytes the blob routes serve.
            if (reply.body().length > 0 && !request.target().startsWith("/rails/")
                    && !ErrorShapes.JSON_UTF8.equals(reply.header("content-type"))) {
                fail("a body that is not JSON: " + reply.header("content-type") + ": " + context(request, reply));
            }
            return;
        }
        String shape = ErrorShapes.problem(request.method(), reply);
        if (shape != null) {
            fail(shape + ": " + context(request, reply));
        }
        String after = StateFingerprint.of(world.sim);
        if (!after.equals(before)) {
            if (world.backgroundCommits() != backgroundWrites) {
                world.inconclusive++;
                return;
            }
            fail("a rejected request changed the state: " + context(request, reply) + "\n" + Diff.lines(before, after));
        }
    }

    /** The request (its exact bytes saved under target/fuzz-failures/ to replay it) and the answer. */
    private static String context(RawHttp.Request request, RawHttp.Reply reply) {
        Path saved = Path.of("target", "fuzz-failures", System.nanoTime() + ".http");
        try {
            Files.createDirectories(saved.getParent());
            Files.write(saved, request.bytes(world.port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return request + "\n→ " + reply + "\n(request bytes in " + saved.toAbsolutePath() + ")";
    }
}
