package com.bevatel.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.bevatel.simulator.BevatelSimulator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A parallel suite run with {@code junit.jupiter.execution.parallel.enabled=true}: two classes at
 * once, and the methods of one class concurrently. Every test sees only its own data: each creates
 * contacts and finds exactly those, numbered from 1.
 */
class ParallelIsolationTest {
    static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    static final CountDownLatch TOGETHER = new CountDownLatch(2);

    @Test
    void concurrentTestsNeverSeeEachOthersData() {
        PORTS.clear();
        THREADS.clear();
        var results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(ConcurrentMethods.class), selectClass(SameThreadMethods.class))
                .execute().testEvents();
        assertThat(results.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": "
                + e.getPayload(org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
                .map(Throwable::toString).orElse(""))).isEmpty();
        results.assertStatistics(stats -> stats.failed(0).succeeded(8 + 4));
        assertThat(TOGETHER.getCount()).as("two tests of one class ran at the same time").isZero();
        assertThat(THREADS.size()).as("worker threads used").isGreaterThan(1);
        assertThat(PORTS).as("a simulator per concurrent test, one for the same-thread class").hasSize(8 + 1);
    }

    static void exerciseAlone(BevatelSimulator sim, String who) {
        THREADS.add(Thread.currentThread().getName());
        for (int i = 1; i <= 5; i++) {
            assertThat(Api.createContact(sim, who + "-" + i)).isEqualTo(i);
        }
        assertThat(Api.get(sim, "/contacts")).contains("\"count\":5").contains(who + "-1").contains(who + "-5");
    }

    @Execution(ExecutionMode.CONCURRENT)
    @BevatelSimulatorTest
    static class ConcurrentMethods {
        @RepeatedTest(6)
        void repeated(BevatelSimulator sim, org.junit.jupiter.api.RepetitionInfo info) {
            PORTS.add(sim.port());
            exerciseAlone(sim, "repeat" + info.getCurrentRepetition());
        }

        @Test
        void meetsAnother(BevatelSimulator sim) throws InterruptedException {
            PORTS.add(sim.port());
            TOGETHER.countDown();
            TOGETHER.await(10, TimeUnit.SECONDS);
            exerciseAlone(sim, "meets");
        }

        @Test
        void meetsTheOther(BevatelSimulator sim) throws InterruptedException {
            PORTS.add(sim.port());
            TOGETHER.countDown();
            TOGETHER.await(10, TimeUnit.SECONDS);
            exerciseAlone(sim, "other");
        }
    }

    @Execution(ExecutionMode.SAME_THREAD)
    @BevatelSimulatorTest
    static class SameThreadMethods {
        @RepeatedTest(4)
        void repeated(BevatelSimulator sim, org.junit.jupiter.api.RepetitionInfo info) {
            PORTS.add(sim.port());
            exerciseAlone(sim, "same" + info.getCurrentRepetition());
        }
    }
}
