package com.bevatel.simulator.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of server processes: from launching the process to its first 2xx answer, each run on
 * a fresh free port, targets interleaved run by run so a busy machine hurts them alike. Polls every
 * millisecond with a raw-socket GET (a refused connection costs microseconds), then stops the
 * process with SIGTERM. {@code {port}} in a command is replaced by the run's port.
 *
 * <pre>java -cp benchmarks.jar com.bevatel.simulator.benchmarks.ColdStart --runs 5 --path /api/v1/profile \
 *     --header api_access_token=bench-token \
 *     --target simulator java -jar standalone/target/bevatel-simulator.jar --port {port} \
 *     --target ceiling java -jar benchmarks/target/ceiling-server.jar --port {port}</pre>
 *
 * Prints one {@code COLD <name> <median> <min> <max>} line per target (milliseconds) for scripts.
 */
public final class ColdStart {
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private record Target(String name, List<String> command) {
    }

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        String path = "/";
        Map<String, String> headers = new LinkedHashMap<>();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--path" -> path = args[++i];
                case "--header" -> {
                    String[] pair = args[++i].split("=", 2);
                    headers.put(pair[0], pair[1]);
                }
                case "--target" -> {
                    String name = args[++i];
                    List<String> command = new ArrayList<>();
                    while (i + 1 < args.length && !args[i + 1].equals("--target")) {
                        command.add(args[++i]);
                    }
                    targets.add(new Target(name, command));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no --target NAME COMMAND… given");
        }
        Map<String, List<Double>> results = new LinkedHashMap<>();
        targets.forEach(t -> results.put(t.name(), new ArrayList<>()));
        for (int run = 1; run <= runs; run++) {
            for (Target target : targets) {
                double millis = coldStart(target, path, headers);
                results.get(target.name()).add(millis);
                System.out.printf(Locale.ROOT, "run %d %-16s %8.1f ms%n", run, target.name(), millis);
            }
        }
        results.forEach((name, values) -> {
            Stats stats = Stats.of(values);
            System.out.printf(Locale.ROOT, "COLD %s %.1f %.1f %.1f%n", name, stats.median(), stats.min(), stats.max());
        });
    }

    private static double coldStart(Target target, String path, Map<String, String> headers) throws Exception {
        int port = freePort();
        List<String> command = target.command().stream().map(arg -> arg.replace("{port}", Integer.toString(port))).toList();
        File log = Files.createTempFile("coldstart-" + target.name(), ".log").toFile();
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(target.name() + " exited with " + process.exitValue() + ":\n"
                            + Files.readString(log.toPath()));
                }
                if (System.nanoTime() - launched > GIVE_UP_NANOS) {
                    throw new IllegalStateException(target.name() + " answered no 2xx within 60 s");
                }
                Integer status = probe(port, path, headers);
                if (status != null && status / 100 == 2) {
                    return (System.nanoTime() - launched) / 1e6;
                }
                Thread.sleep(1);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(log.toPath());
        }
    }

    /** The status of one GET, or null while nothing listens (or the server is not ready to answer). */
    private static Integer probe(int port, String path, Map<String, String> headers) {
        try (RawHttp http = new RawHttp("127.0.0.1", port, 1000)) {
            return http.get(path, headers).status();
        } catch (IOException notYet) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
