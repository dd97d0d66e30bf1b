package com.bevatel.simulator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.benchmarks.ceiling.CeilingServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ceiling must do the JSON work and answer as much as the simulator does, or the ratio lies. */
class CeilingServerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(CeilingServer.Mode.class)
    void answersTheWorkloadWithAResponseTheSizeOfTheSimulators(CeilingServer.Mode mode) throws Exception {
        RawHttp.Response simulated;
        try (BevatelSimulator sim = Workload.startSimulator(); RawHttp http = new RawHttp("127.0.0.1", sim.port())) {
            Workload.openConversation(http);
            simulated = http.postJson(Workload.MESSAGES_PATH, Workload.AUTH, Workload.MESSAGE_BODY);
        }
        assertThat(simulated.status()).as(simulated.text()).isEqualTo(200);

        try (CeilingServer ceiling = CeilingServer.start("127.0.0.1", 0, CeilingServer.defaultTemplate(), mode);
             RawHttp http = new RawHttp("127.0.0.1", ceiling.port())) {
            for (int i = 0; i < 3; i++) { // keep-alive: several requests on one connection
                RawHttp.Response response = http.postJson(Workload.MESSAGES_PATH, Workload.AUTH, Workload.MESSAGE_BODY);
                assertThat(response.status()).isEqualTo(200);
                assertThat(MAPPER.readTree(response.body()).get("content").asText()).isEqualTo(Workload.CONTENT);
                // The template is a captured simulator response: refresh it when the message view changes.
                assertThat((double) response.body().length).isCloseTo(simulated.body().length,
                        org.assertj.core.data.Percentage.withPercentage(10));
            }
            assertThat(http.postJson("/any", Workload.AUTH, "{not json").status()).isEqualTo(400);
        }
    }
}
