package com.bevatel.simulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as a test runner in another language drives it: started with {@code --port 0}, found through
 * its {@code --ready-file} or the first line of {@code --ready-json}, stopped by SIGTERM, SIGINT or the
 * end of its standard input, and judged by its exit code (0 stopped cleanly, 1 could not start,
 * 2 usage, 3 state not saved).
 */
class JarLifecycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void theReadyFileSaysWhereItIsAndClosingStdinStopsItCleanly() throws Exception {
        Path ready = dir.resolve("ready.json");
        Files.writeString(ready, "{\"left\":\"by an earlier run\"}");
        Process process = start("--port", "0", "--ready-file", ready.toString(), "--exit-on-stdin-close",
                "--access-token", "T", "--admin-token", "A");
        try {
            JsonNode where = awaitReadyFile(ready, process);
            assertThat(where.get("pid").asLong()).isEqualTo(process.pid());
            URI base = URI.create(where.get("base_url").asText());
            assertThat(base.getPort()).isEqualTo(where.get("port").asInt()).isPositive();
            assertThat(where.get("host").asText()).isEqualTo("127.0.0.1");
            assertThat(where.get("access_token").asText()).isEqualTo("T");
            assertThat(where.get("admin_token").asText()).isEqualTo("A");
            assertThat(where.get("account_id").asLong()).isEqualTo(1);
            assertThat(where.at("/api_inbox/id").asLong()).isEqualTo(1);
            assertThat(where.get("version").asText()).isNotBlank();
            Client admin = new Client(base, "T").withAdminToken("A");
            assertThat(admin.get("/api/v1/profile").status()).isEqualTo(200);
            JsonNode readiness = admin.get("/_simulator/ready").json();
            assertThat(where.at("/api_inbox/inbox_identifier")).isEqualTo(readiness.at("/api_inbox/inbox_identifier"));
            assertThat(readiness.has("admin_token")).as("the token is never echoed over HTTP").isFalse();
            assertThat(dir).isDirectoryNotContaining("glob:**.tmp");

            process.getOutputStream().close();
            assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("stops once stdin is closed").isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(ready).as("deleted on a clean stop").doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void readyJsonIsTheOnlyLineOnStdoutAndSigtermSavesAndExitsZero() throws Exception {
        Path state = dir.resolve("state.json");
        Process process = start("--port", "0", "--ready-json", "--access-token", "T", "--state", state.toString());
        try {
            BufferedReader stdout = reader(process);
            JsonNode where = JSON.readTree(stdout.readLine());
            assertThat(where.get("ready").asBoolean()).isTrue();
            Client api = new Client(URI.create(where.get("base_url").asText()), "T");
            assertThat(api.post("/api/v1/accounts/1/contacts", "{\"name\":\"Alice\"}").status()).isEqualTo(200);

            process.toHandle().destroy();
            assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("SIGTERM is a clean stop").isZero();
            assertThat(stdout.readLine()).as("nothing after the document on stdout").isNull();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(stderr).contains("listening on " + where.get("base_url").asText(), "State saved to " + state);
            assertThat(Files.readString(state)).contains("\"Alice\"");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void sigintIsACleanStopToo() throws Exception {
        Process process = start("--port", "0", "--ready-json");
        try {
            assertThat(JSON.readTree(reader(process).readLine()).get("pid").asLong()).isEqualTo(process.pid());
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start();
            assertThat(kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT").isTrue();
            assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aStateThatCannotBeSavedOnStopExitsThree() throws Exception {
        Path folder = dir.resolve("states");
        Process process = start("--port", "0", "--ready-json", "--state", folder.resolve("state.json").toString());
        try {
            reader(process).readLine();
            Files.deleteIfExists(folder);
            Files.writeString(folder, "a file where the state's folder should be");
            process.toHandle().destroy();
            assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(3);
            assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("bevatel-simulator: could not save the state: cannot save the state to " + folder.resolve("state.json"));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aStartThatFailsExitsOneAndAUsageErrorTwo() throws Exception {
        Path fixtures = dir.resolve("fixtures.yaml");
        Files.writeString(fixtures, "contacts:\n  - name: Alice\n    emial: alice@example.com\n");
        assertThat(exitOf("--port", "0", "--fixtures", fixtures.toString())).isEqualTo(1);
        Files.createDirectory(dir.resolve("a-directory"));
        assertThat(exitOf("--port", "0", "--ready-file", dir.resolve("a-directory").toString())).isEqualTo(1);
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThat(exitOf("--port", String.valueOf(taken.getLocalPort()))).isEqualTo(1);
        }
        assertThat(exitOf("--no-such-flag")).isEqualTo(2);
        assertThat(exitOf("--port", "70000")).isEqualTo(2);
        assertThat(exitOf("--help")).isZero();
    }

    private static int exitOf(String... args) throws Exception {
        Process process = start(args);
        try {
            process.getOutputStream().close();
            reader(process).lines().count();
            assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("exits: %s", List.of(args)).isTrue();
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }

    private static JsonNode awaitReadyFile(Path ready, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(ready)) {
                JsonNode document = JSON.readTree(Files.readString(ready));
                if (document.has("base_url")) {
                    return document;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no ready file; alive: " + process.isAlive() + "; stderr: "
                + (process.isAlive() ? "" : new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", RunningJar.JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
