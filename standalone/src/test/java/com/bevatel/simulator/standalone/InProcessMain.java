package com.bevatel.simulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line run in this JVM until {@link #stop()}, as a user's {@code java -jar} would run it:
 * its banner is awaited (20 s at most, so a hang fails the test instead of the build) and its
 * address read from it.
 */
final class InProcessMain implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "main-under-test");
        thread.setDaemon(true);
        return thread;
    });
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Future<Integer> exit;
    final URI base;

    InProcessMain(String... args) throws InterruptedException {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        exit = runner.submit(() -> Main.commandLine(print, stop).execute(args));
        long deadline = System.nanoTime() + WAIT.toNanos();
        String text = output();
        while (!text.contains("Press Ctrl-C") && System.nanoTime() < deadline && !exit.isDone()) {
            Thread.sleep(10);
            text = output();
        }
        Matcher url = URL.matcher(text);
        assertThat(url.find()).as("the banner within 20 s; output: " + text).isTrue();
        base = URI.create(url.group(1));
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Stops it as Ctrl-C would (saving a state file), and returns its exit code. */
    int stop() throws Exception {
        stop.countDown();
        return exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop.countDown();
        runner.shutdownNow();
    }
}
