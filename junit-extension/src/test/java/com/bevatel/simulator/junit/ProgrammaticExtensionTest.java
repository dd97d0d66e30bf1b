package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract through {@code @RegisterExtension} on a static field. */
class ProgrammaticExtensionTest extends ExtensionContract {
    @RegisterExtension
    static final BevatelSimulatorExtension SIMULATOR = BevatelSimulatorExtension.builder()
            .seed(7).accessToken("contract-token").apiInboxWebhookSink("hooks").build();

    ProgrammaticExtensionTest(BevatelSimulator sim) {
        super(sim);
    }
}
