package com.bevatel.simulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

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
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it: {@code java -jar}, the guide's flow over HTTP, fixtures, the
 * admin API with its token, the state file across a restart, SIGTERM and a clean exit. Proves the
 * relocated dependencies still wire up (XNIO providers, services, YAML).
 */
class StandaloneJarIT {
    private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
    private static final Path JAR = Path.of(System.getProperty("simulator.jar", "target/bevatel-simulator.jar"));

    @TempDir
    Path dir;

    /** A running jar: its address and everything it printed. */
    private static final class Jar implements AutoCloseable {
        final Process process;
        final URI base;
        final List<String> output = Collections.synchronizedList(new ArrayList<>());
        private final Thread drain;

        Jar(String... args) throws IOException {
            this(List.of(), args);
        }

        Jar(List<String> jvmOptions, String... args) throws IOException {
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

    @Test
    void runsTheGuideFlowAndStopsOnSigterm() throws Exception {
        assertThat(JAR).exists();
        try (Jar jar = new Jar("--port", "0", "--access-token", "T")) {
            Client api = new Client(jar.base, "T");
            Client.Result contact = api.post("/api/v1/accounts/1/contacts",
                    "{\"inbox_id\":1,\"name\":\"Alice\",\"phone_number\":\"+15550001111\"}");
            assertThat(contact.status()).as(contact.body()).isEqualTo(200);
            String sourceId = contact.json().at("/payload/contact_inbox/source_id").asText();
            Client.Result conversation = api.post("/api/v1/accounts/1/conversations",
                    "{\"source_id\":\"" + sourceId + "\",\"inbox_id\":1}");
            assertThat(conversation.status()).as(conversation.body()).isEqualTo(200);
            assertThat(conversation.body()).contains("\"id\":1,\"messages\":[]");
            Client.Result message = api.post("/api/v1/accounts/1/conversations/1/messages",
                    "{\"content\":\"Hi, my order is late\",\"message_type\":\"incoming\"}");
            assertThat(message.status()).isEqualTo(200);
            assertThat(message.body()).contains("\"message_type\":0");
            assertThat(jar.terminate()).isIn(0, 143);
        }
    }

    @Test
    void startsWithTheClassDataArchiveTheBuildMade() throws Exception {
        assumeFalse(Boolean.getBoolean("cds.skip"), "the build was told not to make the archive (-Dcds.skip)");
        Path archive = JAR.resolveSibling("bevatel-simulator.jsa");
        assertThat(archive).as("made by the build's class-data-archive step").exists();
        // -Xshare:on makes the JVM refuse to start when it cannot map the archive, instead of quietly starting without it.
        try (Jar jar = new Jar(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive), "--port", "0", "--access-token", "T")) {
            Client.Result profile = new Client(jar.base, "T").get("/api/v1/profile");
            assertThat(profile.status()).as(profile.body()).isEqualTo(200);
            assertThat(jar.terminate()).isIn(0, 143);
            assertThat(jar.output).as("no class-data warnings").noneMatch(line -> line.contains("[cds"));
        }
    }

    @Test
    void fixturesAdminApiAndStateFileWorkFromTheJarAcrossARestart() throws Exception {
        Path state = dir.resolve("state.json");
        String[] args = {"--port", "0", "--access-token", "T", "--fixtures", "examples/fixtures.yaml", "--state",
                state.toString(), "--admin-token", "A"};
        String messagesBefore;
        try (Jar jar = new Jar(args)) {
            Client alice = new Client(jar.base, "alice-token");
            Client admin = new Client(jar.base, "T").withAdminToken("A");
            assertThat(alice.get("/_simulator/ready").status()).as("the admin token is required").isEqualTo(401);
            assertThat(admin.get("/_simulator/ready").json().get("fixtures_file").asText()).endsWith("fixtures.yaml");

            assertThat(admin.post("/_simulator/faults", "{\"method\":\"POST\",\"path\":\"/api/v1/accounts/1/conversations/1/messages\","
                    + "\"status\":503,\"retry_after\":3,\"times\":1}").status()).isEqualTo(201);
            Client.Result unavailable = alice.post("/api/v1/accounts/1/conversations/1/messages", "{\"content\":\"Refund sent\"}");
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.header("Retry-After")).isEqualTo("3");
            assertThat(alice.post("/api/v1/accounts/1/conversations/1/messages", "{\"content\":\"Refund sent\"}").status())
                    .isEqualTo(200);
            assertThat(admin.get("/_simulator/faults/log").json().get("injected")).hasSize(1);
            assertThat(admin.post("/_simulator/agent/conversations/2/reopen", "{\"agent\":\"Alice Agent\"}").status())
                    .isEqualTo(200);
            messagesBefore = alice.get("/api/v1/accounts/1/conversations/1/messages").body().replace(jar.base.toString(), "BASE");
            assertThat(messagesBefore).contains("Refund sent");
            assertThat(jar.terminate()).isIn(0, 143);
            assertThat(jar.output).anySatisfy(line -> assertThat(line).contains("State saved to " + state));
        }
        try (Jar again = new Jar(args)) {
            Client alice = new Client(again.base, "alice-token");
            assertThat(alice.get("/api/v1/accounts/1/conversations/1/messages").body().replace(again.base.toString(), "BASE"))
                    .isEqualTo(messagesBefore);
            assertThat(alice.get("/api/v1/accounts/1/conversations/2").json().get("status").asText()).isEqualTo("open");
            assertThat(again.terminate()).isIn(0, 143);
        }
    }

    /** RELIABILITY: SIGTERM while a client is writing leaves a state file that loads, with every acknowledged write. */
    @Test
    void sigtermDuringWritesLeavesAValidStateFile() throws Exception {
        Path state = dir.resolve("state.json");
        String[] args = {"--port", "0", "--access-token", "T", "--state", state.toString()};
        List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
        try (Jar jar = new Jar(args)) {
            Client api = new Client(jar.base, "T");
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        Client.Result r = api.post("/api/v1/accounts/1/contacts", "{\"name\":\"c" + i + "\",\"identifier\":\"c" + i + "\"}");
                        if (r.status() != 200) {
                            return;
                        }
                        acknowledged.add(r.json().at("/payload/contact/id").asLong());
                    } catch (RuntimeException connectionGone) {
                        return;
                    }
                }
            }, "writer");
            writer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledged.size() < 50 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            List<Long> beforeSignal = List.copyOf(acknowledged);
            assertThat(beforeSignal).as("writes before the signal").isNotEmpty();
            assertThat(jar.terminate()).isIn(0, 143);
            stop.set(true);
            writer.join(TimeUnit.SECONDS.toMillis(10));
            try (Jar again = new Jar(args)) {
                Client reloaded = new Client(again.base, "T");
                for (long id : beforeSignal) {
                    assertThat(reloaded.get("/api/v1/accounts/1/contacts/" + id).status()).as("contact %s", id).isEqualTo(200);
                }
                assertThat(again.terminate()).isIn(0, 143);
            }
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temp file left").containsExactly("state.json");
        }
    }

    /** RELIABILITY: kill -9 (no shutdown hook) leaves the last saved state file intact. */
    @Test
    void killMinusNineKeepsTheLastSavedState() throws Exception {
        Path state = dir.resolve("state.json");
        String[] args = {"--port", "0", "--access-token", "T", "--state", state.toString()};
        try (Jar jar = new Jar(args)) {
            Client api = new Client(jar.base, "T");
            assertThat(api.post("/api/v1/accounts/1/contacts", "{\"name\":\"Saved\",\"identifier\":\"saved\"}").status()).isEqualTo(200);
            assertThat(api.post("/_simulator/state/save", "{}").status()).isEqualTo(200);
            assertThat(api.post("/api/v1/accounts/1/contacts", "{\"name\":\"Lost\",\"identifier\":\"lost\"}").status()).isEqualTo(200);
            jar.process.destroyForcibly(); // SIGKILL: no hook runs, nothing more is saved
            assertThat(jar.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Jar again = new Jar(args)) {
            Client api = new Client(again.base, "T");
            String contacts = api.get("/api/v1/accounts/1/contacts").body();
            assertThat(contacts).contains("\"name\":\"Saved\"").doesNotContain("\"name\":\"Lost\"");
            assertThat(again.terminate()).isIn(0, 143);
        }
    }

    @Test
    void everyBundledClassIsRelocatedUnderTheSimulatorsPackage() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> foreign = jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.endsWith(".class") && !name.startsWith("com/bevatel/simulator/")).toList();
            assertThat(foreign).as("classes a user's own Jackson, Undertow or SnakeYAML could clash with").isEmpty();
            assertThat(jar.getEntry("com/bevatel/simulator/shaded/com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class"))
                    .isNotNull();
        }
    }
}
