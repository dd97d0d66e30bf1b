package com.bevatel.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults answer, hold or drop exactly the requests they match, as often as asked, and log each one. */
class FaultInjectionTest {
    private static final String MESSAGES = Http.account("/conversations/1/messages");
    private BevatelSimulator sim;
    private Http http;

    @BeforeEach
    void start() {
        sim = BevatelSimulator.builder().start();
        http = new Http(sim);
        http.post(Http.account("/contacts"), "{\"inbox_id\":1,\"name\":\"Alice\"}");
        http.post(Http.account("/conversations"), "{\"inbox_id\":1,\"contact_id\":1}");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theNextNMatchingRequestsGet429WithRetryAfterThenTheApiAnswers() throws Exception {
        FaultRule rule = sim.faults().inject(Fault.respond(429).retryAfter(Duration.ofSeconds(2))
                .on("POST", "/api/v1/accounts/*/conversations/*/messages").times(3));

        assertThat(http.get(MESSAGES).status()).as("GET does not match").isEqualTo(200);
        HttpClient client = HttpClient.newHttpClient();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(sim.baseUrl().resolve(MESSAGES))
                    .header("api_access_token", sim.accessToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"try " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
                assertThat(response.body()).isEqualTo("{\"error\":\"Too Many Requests\",\"injected_fault\":" + rule.id() + "}");
            }
        }
        assertThat(statuses).containsExactly(429, 429, 429, 200, 200);
        assertThat(rule.applied()).isEqualTo(3);
        assertThat(rule.remaining()).isZero();
        assertThat(http.get(MESSAGES).json().get("payload")).as("rejected writes changed nothing").hasSize(2);

        List<InjectedFault> log = sim.faults().log();
        assertThat(log).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.ruleId()).isEqualTo(rule.id());
            assertThat(entry.method()).isEqualTo("POST");
            assertThat(entry.path()).isEqualTo("/api/v1/accounts/1/conversations/1/messages");
            assertThat(entry.status()).isEqualTo(429);
            assertThat(entry.kind()).isEqualTo(Fault.Kind.RESPOND);
        });
        assertThat(log).extracting(InjectedFault::id).containsExactly(1L, 2L, 3L);
        assertThat(sim.faults().log(2)).extracting(InjectedFault::id).containsExactly(3L);
    }

    @Test
    void aGivenBodyAndStatusAnswerAfterTheDelay() {
        sim.faults().inject(Fault.respond(503).body("{\"error\":\"maintenance\"}").after(Duration.ofMillis(300))
                .on("GET", "/api/**").times(1));
        long started = System.nanoTime();
        Http.Result result = http.get(MESSAGES);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(result.status()).isEqualTo(503);
        assertThat(result.body()).isEqualTo("{\"error\":\"maintenance\"}");
        assertThat(http.get(MESSAGES).status()).isEqualTo(200);
    }

    @Test
    void aDelayHoldsTheRequestThenTheApiAnswersIt() {
        sim.faults().inject(Fault.delay(Duration.ofMillis(300)).on("POST", "/api/v1/accounts/1/contacts").times(1));
        long started = System.nanoTime();
        Http.Result created = http.post(Http.account("/contacts"), "{\"name\":\"Slow\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().at("/payload/contact/name").asText()).isEqualTo("Slow");
        assertThat(sim.faults().log()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(Fault.Kind.DELAY);
            assertThat(entry.status()).isNull();
            assertThat(entry.delayMillis()).isEqualTo(300);
        });
    }

    @Test
    void aDroppedConnectionGetsNoAnswerAndTheWriteDoesNotHappen() {
        sim.faults().inject(Fault.drop().on("POST", "/api/v1/accounts/1/contacts").times(1));
        assertThatThrownBy(() -> http.post(Http.account("/contacts"), "{\"name\":\"Lost\"}"))
                .hasCauseInstanceOf(IOException.class);
        assertThat(http.get(Http.account("/contacts/2")).status()).isEqualTo(404);
        assertThat(http.post(Http.account("/contacts"), "{\"name\":\"Kept\"}").status()).isEqualTo(200);
        assertThat(sim.faults().log()).singleElement().extracting(InjectedFault::kind).isEqualTo(Fault.Kind.DROP);
    }

    @Test
    void theSimulatorsOwnRoutesAreNeverAffected() {
        sim.faults().inject(Fault.respond(500));
        assertThat(http.get("/_simulator/clock").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/profile").status()).isEqualTo(500);
        sim.faults().clear();
        assertThat(http.get("/api/v1/profile").status()).isEqualTo(200);
    }

    @Test
    void seededProbabilitiesAffectTheSameRequestsOnEveryRun() {
        List<Integer> first = soak(sim, 11);
        List<Integer> again;
        try (BevatelSimulator other = BevatelSimulator.builder().start()) {
            again = soak(other, 11);
        }
        assertThat(again).isEqualTo(first);
        long failed = first.stream().filter(status -> status == 500).count();
        assertThat(failed).as("about a quarter of 200").isBetween(25L, 75L);
        assertThat(soak(sim, 12)).as("another seed draws differently").isNotEqualTo(first);
    }

    private static List<Integer> soak(BevatelSimulator target, long seed) {
        target.faults().clear();
        target.faults().inject(Fault.respond(500).on("GET", "/api/v1/profile").probability(0.25, seed));
        Http client = new Http(target);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(client.get("/api/v1/profile").status());
        }
        return statuses;
    }

    @Test
    void rulesAreTriedInOrderAndRemovable() {
        FaultRule first = sim.faults().inject(Fault.respond(418).on("GET", "/api/v1/profile").times(1));
        FaultRule second = sim.faults().inject(Fault.respond(502).on("*", "/api/**"));
        assertThat(http.get("/api/v1/profile").status()).isEqualTo(418);
        assertThat(http.get("/api/v1/profile").status()).isEqualTo(502);
        assertThat(sim.faults().rules()).containsExactly(first, second);
        assertThat(sim.faults().remove(second.id())).isTrue();
        assertThat(http.get("/api/v1/profile").status()).isEqualTo(200);
        assertThat(sim.faults().log()).hasSize(2);
        sim.reset(BevatelSimulator.Keep.FAULTS);
        assertThat(sim.faults().rules()).as("kept when asked").containsExactly(first);
        assertThat(sim.faults().log()).hasSize(2);
        sim.reset();
        assertThat(sim.faults().rules()).as("a reset returns to the configured start: none").isEmpty();
        assertThat(sim.faults().log()).isEmpty();
        assertThat(sim.faults().inject(Fault.drop()).id()).as("rule ids start over").isEqualTo(1);
    }

    @Test
    void patternsMatchWithinAndAcrossSegments() {
        assertThat(PathGlob.compile("/api/v1/accounts/*/contacts").matches("/api/v1/accounts/1/contacts")).isTrue();
        assertThat(PathGlob.compile("/api/v1/accounts/*/contacts").matches("/api/v1/accounts/1/x/contacts")).isFalse();
        assertThat(PathGlob.compile("/api/v1/accounts/*/contacts").matches("/api/v1/accounts//contacts")).isTrue();
        assertThat(PathGlob.compile("/api/**").matches("/api/v1/accounts/1/contacts")).isTrue();
        assertThat(PathGlob.compile("/api/**").matches("/public/api")).isFalse();
        assertThat(PathGlob.compile("/**/messages").matches("/api/v1/accounts/1/conversations/2/messages")).isTrue();
        assertThat(PathGlob.compile("/**/messages").matches("/api/v1/messages/2")).isFalse();
        assertThat(PathGlob.compile("/*/*").matches("/a/b")).isTrue();
        assertThat(PathGlob.compile("/*/*").matches("/a/b/c")).isFalse();
        assertThat(PathGlob.compile("/a*b*c").matches("/aXXbYYc")).isTrue();
        assertThat(PathGlob.compile("/a*b*c").matches("/aXXbYY/c")).isFalse();
        assertThat(PathGlob.compile("/***").matches("/x/y")).as("*** is **").isTrue();
        assertThat(PathGlob.compile("/api/v1.0/x").matches("/api/v1a0/x")).as("dots are literal").isFalse();
        assertThat(PathGlob.compile("/a(b)?[c]+").matches("/a(b)?[c]+")).as("regex characters are literal").isTrue();
        assertThatThrownBy(() -> Fault.respond(99)).hasMessageContaining("100..599");
        assertThatThrownBy(() -> Fault.respond(500).probability(0)).hasMessageContaining("probability");
        assertThatThrownBy(() -> Fault.respond(500).on("GET", "api")).hasMessageContaining("starts with /");
    }

    @Test
    void configuredFaultsAndSinksComeBackAsConfiguredAfterAReset() {
        try (BevatelSimulator configured = BevatelSimulator.builder()
                .fault(Fault.respond(503).on("GET", "/api/v1/profile").times(2)).start()) {
            Http client = new Http(configured);
            configured.sink("crm").respondWith(500).delay(Duration.ofMillis(5));
            assertThat(client.get("/api/v1/profile").status()).isEqualTo(503);
            configured.faults().inject(Fault.drop().on("GET", "/api/v1/accounts/**"));
            configured.reset();
            assertThat(configured.faults().rules()).as("only the configured rule, as new").singleElement()
                    .satisfies(rule -> assertThat(rule.applied()).isZero()).satisfies(rule -> assertThat(rule.id()).isEqualTo(1));
            assertThat(configured.faults().log()).isEmpty();
            assertThat(configured.sink("crm").status()).isEqualTo(200);
            assertThat(configured.sink("crm").delay()).isZero();
            assertThat(client.get("/api/v1/profile").status()).isEqualTo(503);
            assertThat(client.get("/api/v1/profile").status()).isEqualTo(503);
            assertThat(client.get("/api/v1/profile").status()).as("times(2) used up again").isEqualTo(200);
        }
    }

    /** Issue 14 §6: a pattern that made the old regex backtrack for seconds per request. */
    @Test
    void aPathologicalPatternCostsNoMoreThanAnyOther() throws Exception {
        sim.faults().inject(Fault.respond(500).on("*", "/" + "**/".repeat(12) + "**!"));
        String longPath = "/api/v1/accounts/1/conversations/" + "a/".repeat(200) + "messages";
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/api/v1/profile").status()).isEqualTo(200);
            assertThat(http.get(longPath).status()).isEqualTo(404);
        }
        // The old regex took about 10 s for each of these requests; 40 of them now take milliseconds.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThatThrownBy(() -> Fault.respond(500).on("*", "/" + "*".repeat(PathGlob.MAX_LENGTH)))
                .hasMessageContaining("at most 1024 characters");
    }
}
