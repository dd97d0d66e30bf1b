package com.bevatel.simulator.benchmarks;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.benchmarks.ceiling.CeilingServer;
import io.undertow.Undertow;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Target: first start in a fresh JVM, from {@code builder()} to the first 200, ≤ 300 ms (JVM boot
 * excluded, class loading included). Each run is a new JVM (the same java and classpath as this
 * one) that times {@code builder().start()} plus one authenticated GET over a raw socket, prints
 * the figure and exits; the parent collects the runs. Interleaved with them, the same in a fresh
 * JVM for the ceiling (bare Undertow + Jackson, {@link CeilingServer}), for the ratio, and for
 * Undertow answering a constant string: the floor any Undertow server pays on its first start.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.bevatel.simulator.benchmarks.FirstStart [--runs 10] [--jvm-arg X]…</pre>
 */
public final class FirstStart {
    private static final String MARK = "FIRST_START_MS ";

    private FirstStart() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--child" -> {
                    child();
                    return;
                }
                case "--child-ceiling" -> {
                    childCeiling();
                    return;
                }
                case "--child-undertow" -> {
                    childBareUndertow();
                    return;
                }
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--runs N, --jvm-arg X)");
            }
        }
        parent(runs, jvmArgs);
    }

    /** Touches nothing of the benchmarks' own helpers before the clock starts but compile-time constants. */
    private static void child() throws IOException {
        long start = System.nanoTime();
        BevatelSimulator sim = BevatelSimulator.builder().accessToken(Workload.TOKEN).start();
        long started = System.nanoTime();
        int status = firstAnswer(sim.port(), Map.of("api_access_token", Workload.TOKEN));
        long answered = System.nanoTime();
        sim.close();
        report(status, start, started, answered);
    }

    /** The ceiling: a bare Undertow + Jackson server's start and first answer, timed the same way. */
    private static void childCeiling() throws IOException {
        long start = System.nanoTime();
        CeilingServer server = CeilingServer.start("127.0.0.1", 0, CeilingServer.defaultTemplate(), CeilingServer.Mode.IO);
        long started = System.nanoTime();
        int status = firstAnswer(server.port(), Map.of("api_access_token", Workload.TOKEN));
        long answered = System.nanoTime();
        server.close();
        report(status, start, started, answered);
    }

    /** The floor: Undertow answering a constant string, no JSON at all. */
    private static void childBareUndertow() throws IOException {
        long start = System.nanoTime();
        Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(exchange -> exchange.getResponseSender().send("{}")).build();
        undertow.start();
        long started = System.nanoTime();
        int status = firstAnswer(((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort(), Map.of());
        long answered = System.nanoTime();
        undertow.stop();
        report(status, start, started, answered);
    }

    private static int firstAnswer(int port, Map<String, String> headers) throws IOException {
        try (RawHttp http = new RawHttp("127.0.0.1", port)) {
            return http.get(Workload.PROFILE_PATH, headers).status();
        }
    }

    /** One child's line for the parent: start → first answer, and start alone, in ms. */
    private static void report(int status, long start, long started, long answered) {
        if (status != 200) {
            throw new IllegalStateException("first request answered " + status);
        }
        System.out.println(MARK + String.format(Locale.ROOT, "%.3f %.3f", (answered - start) / 1e6, (started - start) / 1e6));
    }

    private static void parent(int runs, List<String> jvmArgs) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Double> firstStart = new ArrayList<>();
        List<Double> startOnly = new ArrayList<>();
        List<Double> wholeProcess = new ArrayList<>();
        List<Double> ceiling = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            double[] simulator = runChild(java, jvmArgs, "--child", wholeProcess);
            firstStart.add(simulator[0]);
            startOnly.add(simulator[1]);
            double floor = runChild(java, jvmArgs, "--child-ceiling", new ArrayList<>())[0];
            ceiling.add(floor);
            ratios.add(simulator[0] / floor);
            bare.add(runChild(java, jvmArgs, "--child-undertow", new ArrayList<>())[0]);
        }
        System.out.println("first start, builder() → first 200, fresh JVM: " + Stats.of(firstStart).format("%.1f ms"));
        System.out.println("  of which builder().start(): " + Stats.of(startOnly).format("%.1f ms"));
        System.out.println("whole child process (JVM boot + the above + close + exit): " + Stats.of(wholeProcess).format("%.0f ms"));
        System.out.println("ceiling (bare Undertow + Jackson), start → first 200, fresh JVM: " + Stats.of(ceiling).format("%.1f ms"));
        System.out.println("bare Undertow (constant answer, no JSON), start → first 200, fresh JVM: " + Stats.of(bare).format("%.1f ms"));
        System.out.println("ratio simulator / ceiling, per interleaved pair: " + Stats.of(ratios).format("%.2f"));
        System.out.println("runs: " + firstStart);
    }

    /** One child JVM; returns its two figures (first 200, start only) and adds its whole lifetime. */
    private static double[] runChild(String java, List<String> jvmArgs, String mode, List<Double> wholeProcess) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FirstStart.class.getName(), mode));
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        wholeProcess.add((System.nanoTime() - launched) / 1e6);
        String line = output.lines().filter(l -> l.startsWith(MARK)).findFirst()
                .orElseThrow(() -> new IllegalStateException(mode + " run failed (exit " + exit + "):\n" + output));
        String[] figures = line.substring(MARK.length()).split(" ");
        return new double[] {Double.parseDouble(figures[0]), Double.parseDouble(figures[1])};
    }
}
