package com.bevatel.simulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue #14, attacks 15 and 18, through {@link Main} in-process: {@code --state} at a FIFO, at
 * {@code /dev/zero}, at a directory or at a file above the size limit is refused at once with one
 * clear line; a state taken to the end of time by the clock route and writes saves and loads again;
 * a state file whose clock is beyond that is refused naming the file and line. Every run of Main
 * here gives up after 20 s, so a start that hangs fails the test instead of the build.
 */
class StateFileAttacksTest {

    @TempDir
    Path dir;

    private final ExecutorService runner = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "main-under-attack");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stopRunner() {
        runner.shutdownNow();
    }

    @Test
    void aFifoIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("state.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (IOException noMkfifo) {
            assumeTrue(false, "mkfifo is not available here");
            return;
        }
        assertThat(mkfifo.waitFor(20, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo made the FIFO").isTrue();
        try {
            assertRefused(fifo, "--state " + fifo + " is not a regular file");
        } finally {
            // A start blocked in open() (the bug) is let go: opening a FIFO read-write never waits on Linux.
            new RandomAccessFile(fifo.toFile(), "rw").close();
        }
    }

    @Test
    void devZeroIsRefusedWithoutReadingIt() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertRefused(zero, "--state /dev/zero is not a regular file");
    }

    @Test
    void aDirectoryIsRefused() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("state.json"));
        assertRefused(directory, directory + ": a directory, not a state file; pass --state with a file's path"
                + " (the file is created on shutdown when missing)");
    }

    @Test
    void aFileAboveTheLimitIsRefusedWithoutReadingIt() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength((1L << 30) + 1); // sparse: no disk space taken
        }
        assertRefused(huge, "--state " + huge + " is larger than the 1 GiB a state file may have (1073741825 bytes)");
    }

    @Test
    void aStateTakenToTheEndOfTimeSavesAndLoadsAgain() throws Exception {
        Path state = dir.resolve("state.json");
        String[] args = {"--port", "0", "--access-token", "T", "--state", state.toString()};
        InProcessMain first = new InProcessMain(args);
        Client api = new Client(first.base, "T");
        Client.Result moved = api.post("/_simulator/clock", "{\"now\":\"9999-12-31T23:59:59Z\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/accounts/1/contacts", "{\"name\":\"Late " + i + "\"}").status()).isEqualTo(200);
        }
        assertThat(api.get("/_simulator/clock").json().get("now").asText()).isEqualTo("9999-12-31T23:59:59Z");
        Client.Result beyond = api.post("/_simulator/clock", "{\"advance\":\"PT1S\"}");
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.json().get("error").asText()).contains("stays between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        assertThat(api.put("/_simulator/state", api.get("/_simulator/state").body()).status()).isEqualTo(200);
        assertThat(api.post("/_simulator/state/save", null).status()).isEqualTo(200);
        assertThat(first.stop()).isZero();

        InProcessMain second = new InProcessMain(args);
        Client again = new Client(second.base, "T");
        assertThat(again.get("/_simulator/clock").json().get("now").asText()).isEqualTo("9999-12-31T23:59:59Z");
        assertThat(again.get("/api/v1/accounts/1/contacts/3").json().at("/payload/name").asText()).isEqualTo("Late 2");
        assertThat(second.stop()).isZero();
    }

    @Test
    void aStateFileWithAClockBeyondTheRangeIsRefusedWithItsFileAndLine() throws Exception {
        Path state = dir.resolve("state.json");
        InProcessMain running = new InProcessMain("--port", "0", "--access-token", "T", "--state", state.toString());
        assertThat(running.stop()).isZero();
        List<String> lines = Files.readAllLines(state);
        int clockLine = -1;
        for (int i = 0; clockLine < 0; i++) {
            if (lines.get(i).startsWith("  \"clock\" : ")) {
                clockLine = i;
            }
        }
        lines.set(clockLine, "  \"clock\" : \"+10000-01-01T00:00:03Z\",");
        Files.write(state, lines, StandardCharsets.UTF_8);
        Refusal refusal = run("--port", "0", "--state", state.toString());
        assertThat(refusal.exit).isEqualTo(1);
        assertThat(refusal.err).contains("cannot start: " + state.toAbsolutePath() + ":" + (clockLine + 1)
                + ": clock +10000-01-01T00:00:03Z is outside the simulated clock's range");
    }

    private void assertRefused(Path state, String message) throws Exception {
        Refusal refusal = run("--port", "0", "--state", state.toString());
        assertThat(refusal.exit).as(refusal.err).isEqualTo(1);
        assertThat(refusal.err).isEqualTo("bevatel-simulator: cannot start: " + message + System.lineSeparator());
        assertThat(refusal.out).doesNotContain("listening");
    }

    private record Refusal(int exit, String out, String err) {
    }

    /** Main with these arguments, expected to stop by itself within 20 s. */
    private Refusal run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Main.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new CountDownLatch(1));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        Future<Integer> exit = runner.submit(() -> cli.execute(args));
        try {
            return new Refusal(exit.get(20, TimeUnit.SECONDS), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            exit.cancel(true);
            throw new AssertionError("Main did not stop within 20 s; it printed: " + out.toString(StandardCharsets.UTF_8)
                    + err.toString(StandardCharsets.UTF_8), e);
        }
    }

}
