package com.bevatel.simulator.benchmarks;

import com.bevatel.simulator.BevatelSimulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target: {@code reset()} with 100 000 messages stored ≤ 0.1 ms, independent of state size. Every
 * measured reset throws away a full state: the state is refilled before each single-shot
 * iteration (outside the timing), so later iterations do not time the reset of an empty state.
 * {@code messages=0} is the same call on a freshly seeded state, for the comparison.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 40)
@Fork(1)
@State(Scope.Benchmark)
public class ResetBenchmark {
    @Param({"0", "100000"})
    public int messages;

    private BevatelSimulator sim;

    @Setup(Level.Trial)
    public void start() {
        sim = Workload.startSimulator();
    }

    @Setup(Level.Iteration)
    public void fill() {
        if (messages > 0) {
            StateFiller.conversations(sim, 1);
            StateFiller.messages(sim, 1, messages);
        }
    }

    @Benchmark
    public void reset() {
        sim.reset();
    }

    @TearDown(Level.Trial)
    public void stop() {
        sim.close();
    }
}
