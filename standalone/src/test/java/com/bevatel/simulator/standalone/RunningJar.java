package com.bevatel.simulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shaded jar started as a user starts it ({@code java -jar}), for the jar tests: its address and everything it printed. */
final class RunningJar implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
    static final Path JAR = Path.of(System.getProperty("simulator.jar", "target/bevatel-simulator.jar"));

    final Process process;
    final URI base;
    final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Thread drain;

    RunningJar(String... args) throws IOException {
        this(List.of(), args);
    }

    RunningJar(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String found = null;
        for (String line; found == null && (line = out.readLine()) != null; ) {
            output.add(line);
            Matcher m = URL.matcher(line);
            if (m.find()) {
                found = m.group(1);
            }
        }
        assertThat(found).as("banner; output was:%n%s", String.join("\n", output)).isNotNull();
        base = URI.create(found);
        drain = new Thread(() -> {
            try {
                out.lines().forEach(output::add);
            } catch (java.io.UncheckedIOException closed) {
                // The process was killed; what it printed before is kept.
            }
        }, "jar-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** SIGTERM, and the exit code. */
    int terminate() throws InterruptedException {
        // Process.destroy() would also close our end of its output, losing what it prints while stopping.
        process.toHandle().destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        drain.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
