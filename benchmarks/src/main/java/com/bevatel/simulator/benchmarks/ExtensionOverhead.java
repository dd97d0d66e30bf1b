package com.bevatel.simulator.benchmarks;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.junit.BevatelSimulatorTest;
import com.bevatel.simulator.webhook.WebhookJournal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Target: the JUnit extension's overhead per test (reset + injection) ≤ 0.5 ms. Two classes of
 * {@value #TESTS} tests run through the JUnit Platform launcher, round after round: one with
 * {@code @BevatelSimulatorTest} whose tests take the simulator, its webhook journal and its base
 * URI (the state is reset before each), and the same tests without the extension. A test's time
 * is what JUnit spends between its start and finish events, which includes the extension's
 * {@code beforeEach} and parameter resolution; the overhead is the difference of the medians.
 * The first round warms up and is left out.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.bevatel.simulator.benchmarks.ExtensionOverhead [--rounds 6]</pre>
 */
public final class ExtensionOverhead {
    static final int TESTS = 1000;

    private ExtensionOverhead() {
    }

    /** The tests a user writes against the simulator, with nothing in them but the injection. */
    @BevatelSimulatorTest
    public static class WithSimulator {
        @RepeatedTest(TESTS)
        void test(BevatelSimulator sim, WebhookJournal journal, URI baseUrl) {
            if (sim == null || journal == null || baseUrl == null) {
                throw new IllegalStateException("nothing injected");
            }
        }
    }

    /** The same tests without the extension: what JUnit itself costs per test. */
    public static class Plain {
        @RepeatedTest(TESTS)
        void test() {
            if (TESTS < 0) {
                throw new IllegalStateException("unreachable");
            }
        }
    }

    public static void main(String[] args) {
        int rounds = 6;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + " (--rounds N)");
            }
        }
        Launcher launcher = LauncherFactory.create();
        List<Double> with = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> overheads = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Double> withRound = run(launcher, WithSimulator.class);
            List<Double> plainRound = run(launcher, Plain.class);
            if (round == 0) {
                continue;
            }
            with.addAll(withRound);
            plain.addAll(plainRound);
            overheads.add(Stats.of(withRound).median() - Stats.of(plainRound).median());
        }
        System.out.println("per test, with the extension (reset + 3 injected parameters): " + Stats.of(with).format("%.1f µs")
                + ", p90 " + String.format("%.1f µs", percentile(with, 0.9)));
        System.out.println("per test, plain JUnit: " + Stats.of(plain).format("%.1f µs")
                + ", p90 " + String.format("%.1f µs", percentile(plain, 0.9)));
        System.out.println("overhead per test (median with − median plain, per round): " + Stats.of(overheads).format("%.1f µs"));
    }

    /** Each test's time in µs, in execution order; fails loudly if a test did not pass. */
    private static List<Double> run(Launcher launcher, Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass)).build();
        List<Double> micros = new ArrayList<>();
        Map<String, Long> started = new HashMap<>();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier test) {
                if (test.isTest()) {
                    started.put(test.getUniqueId(), System.nanoTime());
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    throw new IllegalStateException(test.getDisplayName() + ": " + result, result.getThrowable().orElse(null));
                }
                if (test.isTest()) {
                    micros.add((System.nanoTime() - started.remove(test.getUniqueId())) / 1e3);
                }
            }
        });
        if (micros.size() != TESTS) {
            throw new IllegalStateException(testClass.getSimpleName() + ": " + micros.size() + " tests ran, expected " + TESTS);
        }
        return micros;
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
