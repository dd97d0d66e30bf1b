package com.bevatel.simulator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.LogCapture;
import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.ContactFields;
import com.bevatel.simulator.domain.Contacts;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A response that cannot be rendered (issue #14: a stored 1,500-level attribute; here a body with a
 * value JSON has no form for, from an extension route) must answer a JSON 500, and a write whose
 * answer could not be rendered must not stay committed: it is rolled back and publishes no event.
 */
class RenderFailureTest {
    private static final String TOKEN = "render-token";

    /** A body Jackson cannot write: a plain Object has no properties, and empty beans fail. */
    private static ObjectNode unrenderable() {
        ObjectNode body = Json.object();
        body.set("payload", Json.NODES.pojoNode(new Object()));
        return body;
    }

    @Test
    void aWriteWhoseAnswerCannotBeRenderedIsRolledBackAndAnswersJson500() {
        // The two failures are on purpose: taken from the log and counted, not printed into the build's.
        try (LogCapture log = LogCapture.of("com.bevatel.simulator.http.EndpointHandler");
             BevatelSimulator sim = BevatelSimulator.builder().accessToken(TOKEN)
                .extension((router, s) -> {
                    router.post("/_simulator/unrenderable-write", request -> router.store().write(tx -> {
                        Contacts.create(tx, 1, new ContactFields(Change.of("Rolled Back"), null, null, null, null, null, null),
                                null, null);
                        return Response.ok(unrenderable());
                    }));
                    router.get("/_simulator/unrenderable-read", request -> Response.ok(unrenderable()));
                })
                .start()) {
            Http http = new Http(sim);
            assertThat(http.post(Http.account("/webhooks"), "{\"webhook\":{\"url\":\"" + sim.sinkUrl("render-hook")
                    + "\",\"subscriptions\":[\"contact_created\"]}}").status()).isEqualTo(200);
            String before = StateFingerprint.of(sim);

            RawHttp.Reply write = RawHttp.send(sim.port(), new RawHttp.Request("POST", "/_simulator/unrenderable-write")
                    .header("Content-Type", "application/json").body("{}"));
            assertThat(write.status()).isEqualTo(500);
            assertThat(write.header("content-type")).isEqualTo(ErrorShapes.JSON_UTF8);
            assertThat(write.jsonOrNull().get("error").asText()).isEqualTo("Internal Server Error");
            assertThat(StateFingerprint.of(sim)).as("the write was rolled back").isEqualTo(before);

            RawHttp.Reply read = RawHttp.send(sim.port(), new RawHttp.Request("GET", "/_simulator/unrenderable-read"));
            assertThat(read.status()).isEqualTo(500);
            assertThat(read.header("content-type")).isEqualTo(ErrorShapes.JSON_UTF8);
            assertThat(read.jsonOrNull().get("error").asText()).isEqualTo("Internal Server Error");

            // A later contact's event arrives; the rolled-back one never does.
            assertThat(http.post(Http.account("/contacts"), "{\"name\":\"Kept\"}").status()).isEqualTo(200);
            sim.webhooks().await(1, d -> d.payload().path("name").asText().equals("Kept"), Duration.ofSeconds(20));
            assertThat(sim.webhooks().all()).noneMatch(d -> d.payload().path("name").asText().equals("Rolled Back"));
            assertThat(log.records()).as("each failure logged once, as a simulator bug").hasSize(2)
                    .allMatch(r -> r.getLevel() == java.util.logging.Level.SEVERE);
        }
    }
}
