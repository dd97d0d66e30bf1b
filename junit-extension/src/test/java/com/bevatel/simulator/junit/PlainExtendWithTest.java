package com.bevatel.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.webhook.WebhookJournal;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Plain {@code @ExtendWith} works with the defaults: seed 42, a token derived from it, a free port. */
@ExtendWith(BevatelSimulatorExtension.class)
class PlainExtendWithTest {
    @Test
    void startsWithDefaults(BevatelSimulator sim, WebhookJournal journal, URI baseUrl) {
        assertThat(sim.seed()).isEqualTo(BevatelSimulator.DEFAULT_SEED);
        assertThat(sim.accessToken()).hasSize(24);
        assertThat(baseUrl.getHost()).isEqualTo("127.0.0.1");
        assertThat(baseUrl.getPort()).isPositive();
        assertThat(journal.all()).isEmpty();
        assertThat(Api.get(sim, "/inboxes")).contains("\"inbox_identifier\":\"" + sim.apiInbox().identifier() + "\"");
    }
}
