package com.bevatel.simulator.reliability;

import com.bevatel.simulator.BevatelSimulator;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void explore() throws Exception {
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken("t").start()) {
            int port = sim.port();
            for (int round = 0; round < 3; round++) {
                long t = System.nanoTime();
                for (int i = 0; i < 1000; i++) {
                    RawHttp.send(port, new RawHttp.Request("GET", "/api/v1/profile").header("api_access_token", "t"));
                }
                System.out.println("### 1000 GET " + (System.nanoTime() - t) / 1_000_000 + " ms");
                t = System.nanoTime();
                for (int i = 0; i < 1000; i++) {
                    RawHttp.send(port, new RawHttp.Request("POST", "/api/v1/accounts/1/contacts").header("api_access_token", "t").header("Content-Type", "application/json").body("{\"name\":\"x\"}"));
                }
                System.out.println("### 1000 POST " + (System.nanoTime() - t) / 1_000_000 + " ms");
                t = System.nanoTime();
                for (int i = 0; i < 1000; i++) {
                    StateFingerprint.of(sim);
                }
                System.out.println("### 1000 fp " + (System.nanoTime() - t) / 1_000_000 + " ms");
                sim.reset();
            }
        }
    }
}
