package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;

/** The contract through {@link BevatelSimulatorTest}. */
@BevatelSimulatorTest(seed = 7, accessToken = "contract-token", apiInboxWebhookSink = "hooks")
class DeclarativeExtensionTest extends ExtensionContract {
    DeclarativeExtensionTest(BevatelSimulator sim) {
        super(sim);
    }
}
