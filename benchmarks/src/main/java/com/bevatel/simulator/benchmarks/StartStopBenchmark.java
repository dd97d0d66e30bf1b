package com.bevatel.simulator.benchmarks;

import com.bevatel.simulator.BevatelSimulator;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target: in-process start → first 200 → close in a warm JVM, ≤ 10 ms median. One operation is
 * what a test class pays: {@code builder().start()}, one authenticated GET answered 200 on a new
 * connection, {@code close()}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StartStopBenchmark {

    @Benchmark
    public int startFirstRequestClose() throws IOException {
        try (BevatelSimulator sim = Workload.startSimulator(); RawHttp http = new RawHttp("127.0.0.1", sim.port())) {
            RawHttp.Response response = http.get(Workload.PROFILE_PATH, Workload.AUTH);
            Workload.expectOk(response, "profile");
            return response.body().length;
        }
    }
}
