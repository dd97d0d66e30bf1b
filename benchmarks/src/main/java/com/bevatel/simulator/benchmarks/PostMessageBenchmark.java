package com.bevatel.simulator.benchmarks;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.benchmarks.ceiling.CeilingServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * {@code POST …/conversations/1/messages}, one thread, one keep-alive connection: the latency of a
 * single request with nothing queued, against the ceiling server in both of its modes in the same
 * fork (io = Undertow's cheapest path, worker = the simulator's threading without its work).
 * Run with {@code -prof gc} for the bytes allocated per request.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PostMessageBenchmark {
    @Param({"simulator", "ceiling-io", "ceiling-worker"})
    public String server;

    private AutoCloseable running;
    private RawHttp http;
    private byte[] request;

    @Setup(Level.Trial)
    public void start() throws IOException {
        int port;
        if (server.equals("simulator")) {
            BevatelSimulator sim = Workload.startSimulator();
            running = sim;
            port = sim.port();
        } else {
            CeilingServer.Mode mode = server.equals("ceiling-io") ? CeilingServer.Mode.IO : CeilingServer.Mode.WORKER;
            CeilingServer ceiling = CeilingServer.start("127.0.0.1", 0, CeilingServer.defaultTemplate(), mode);
            running = ceiling;
            port = ceiling.port();
        }
        http = new RawHttp("127.0.0.1", port);
        if (server.equals("simulator")) {
            Workload.openConversation(http);
        }
        Map<String, String> headers = new LinkedHashMap<>(Workload.AUTH);
        headers.put("Content-Type", "application/json");
        request = http.request("POST", Workload.MESSAGES_PATH, headers, Workload.MESSAGE_BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public int postMessage() throws IOException {
        RawHttp.Response response = http.send(request);
        if (response.status() != 200) {
            throw new IllegalStateException("status " + response.status() + ": " + response.text());
        }
        return response.body().length;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        http.close();
        running.close();
    }
}
