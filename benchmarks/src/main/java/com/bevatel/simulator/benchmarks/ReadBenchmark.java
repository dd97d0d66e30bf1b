package com.bevatel.simulator.benchmarks;

import com.bevatel.simulator.BevatelSimulator;
import java.io.IOException;
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
 * Target: {@code GET} conversation list / messages page roughly flat, ≤ 2× from 10³ to 10⁵
 * conversations stored. Each conversation has a contact and one incoming message; conversation 1
 * has 51 messages so the messages page is a full page of 20.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ReadBenchmark {
    @Param({"1000", "10000", "100000"})
    public int conversations;

    private BevatelSimulator sim;
    private RawHttp http;
    private byte[] listRequest;
    private byte[] messagesRequest;

    @Setup(Level.Trial)
    public void start() throws IOException {
        sim = Workload.startSimulator();
        StateFiller.conversations(sim, conversations);
        StateFiller.messages(sim, 1, 50);
        http = new RawHttp("127.0.0.1", sim.port());
        listRequest = http.request("GET", "/api/v1/accounts/1/conversations", Workload.AUTH, null);
        messagesRequest = http.request("GET", Workload.MESSAGES_PATH, Workload.AUTH, null);
    }

    @Benchmark
    public int conversationList() throws IOException {
        return ok(http.send(listRequest));
    }

    @Benchmark
    public int messagesPage() throws IOException {
        return ok(http.send(messagesRequest));
    }

    private static int ok(RawHttp.Response response) {
        Workload.expectOk(response, "GET");
        return response.body().length;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        http.close();
        sim.close();
    }
}
