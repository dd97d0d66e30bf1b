package com.bevatel.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.domain.ApiException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 14 §1: the last snapshot of a stopping simulator holds every acknowledged write, and later writes fail visibly. */
class StopWritesTest {
    @Test
    void afterTheFinalSnapshotWritesAnswer503AndReadsStillWork() {
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            Http http = new Http(sim);
            assertThat(http.post(Http.account("/contacts"), "{\"name\":\"Before\"}").status()).isEqualTo(200);

            ObjectNode last = sim.stopWritesAndExport();
            assertThat(last.toString()).contains("\"name\":\"Before\"");

            Http.Result refused = http.post(Http.account("/contacts"), "{\"name\":\"After\"}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).isEqualTo("{\"error\":\"the simulator is stopping; nothing was changed\"}");
            assertThat(http.get(Http.account("/contacts/1")).body()).contains("Before");
            assertThat(http.get(Http.account("/contacts/2")).status()).isEqualTo(404);
            assertThat(http.post("/_simulator/clock", "{\"advance_seconds\":60}").status()).isEqualTo(503);
            assertThatThrownBy(sim::reset).isInstanceOf(ApiException.class);
            assertThatThrownBy(() -> sim.clock().advance(Duration.ofMinutes(1))).isInstanceOf(ApiException.class);
            assertThat(sim.exportState()).as("nothing changed after the snapshot").isEqualTo(last);
        }
    }
}
