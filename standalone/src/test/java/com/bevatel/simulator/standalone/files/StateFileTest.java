package com.bevatel.simulator.standalone.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.standalone.Client;
import com.bevatel.simulator.state.InvalidEntryException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --state file: saved atomically (no temp file left, loadable while writes race), a corrupt one refused with its line. */
class StateFileTest {
    @TempDir
    Path dir;

    @Test
    void aSavedStateLoadsIntoAnIdenticalSimulator() throws IOException {
        StateFile file = new StateFile(dir.resolve("sub/state.json"));
        assertThat(file.load()).as("no file yet").isEmpty();
        try (BevatelSimulator original = BevatelSimulator.builder().accessToken("T").start()) {
            Client api = new Client(original.baseUrl(), "T");
            api.post("/api/v1/accounts/1/contacts", "{\"inbox_id\":1,\"name\":\"Alice\",\"custom_attributes\":{\"n\":1.50}}");
            api.post("/api/v1/accounts/1/conversations", "{\"inbox_id\":1,\"contact_id\":1}");
            long bytes = file.save(original.exportState());
            assertThat(bytes).isEqualTo(Files.size(file.path()));
            assertThat(Files.readString(file.path())).startsWith("{\n  \"format\" : \"bevatel-simulator-state\"");
            assertThat(listing(file.path().getParent())).containsExactly("state.json");

            JsonNode loaded = file.load().orElseThrow();
            try (BevatelSimulator copy = BevatelSimulator.builder().accessToken("T").initialState(loaded).start()) {
                Client other = new Client(copy.baseUrl(), "T");
                for (String path : List.of("/api/v1/accounts/1/contacts/1", "/api/v1/accounts/1/conversations/1")) {
                    assertThat(other.get(path).body()).isEqualTo(api.get(path).body());
                }
            }
        }
    }

    @Test
    void savesRacingWritesAndEachOtherAlwaysLeaveALoadableFile() throws Exception {
        StateFile file = new StateFile(dir.resolve("state.json"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken("T").start()) {
            Client api = new Client(sim.baseUrl(), "T");
            api.post("/api/v1/accounts/1/contacts", "{\"inbox_id\":1,\"name\":\"Alice\"}");
            api.post("/api/v1/accounts/1/conversations", "{\"inbox_id\":1,\"contact_id\":1}");
            Future<Integer> writer = pool.submit(() -> {
                int written = 0;
                while (writing.get()) {
                    api.post("/api/v1/accounts/1/conversations/1/messages", "{\"content\":\"m" + written + "\"}");
                    written++;
                }
                return written;
            });
            List<Future<?>> savers = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                savers.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        file.save(sim.exportState());
                    }
                    return null;
                }));
            }
            for (int round = 0; round < 10; round++) {
                file.save(sim.exportState());
                loadInto(file);
            }
            for (Future<?> saver : savers) {
                saver.get();
            }
            writing.set(false);
            assertThat(writer.get()).isPositive();
            loadInto(file);
            assertThat(listing(dir)).containsExactly("state.json");
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void aFileThatIsNotJsonIsRefusedWithItsLine() throws IOException {
        Path path = Files.writeString(dir.resolve("state.json"), "{\n  \"format\" : \"bevatel-simulator-state\",\n  \"version\" : 1,\n  \"clock\" :");
        assertThatThrownBy(() -> new StateFile(path).load()).isInstanceOf(FileProblem.class)
                .hasMessageStartingWith(path + ": line 4, column")
                .hasMessageContaining("not valid JSON").hasMessageContaining("move it away");
    }

    @Test
    void aDamagedEntryIsRefusedWithItsLine() throws IOException {
        Path path = dir.resolve("state.json");
        try (BevatelSimulator sim = BevatelSimulator.builder().start()) {
            new Client(sim.baseUrl(), sim.accessToken()).post("/api/v1/accounts/1/contacts", "{\"inbox_id\":1,\"name\":\"Alice\"}");
            new StateFile(path).save(sim.exportState());
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(path));
        int contactInbox = lines.indexOf("  \"contact_inboxes\" : [ {");
        int inboxIdLine = -1;
        for (int i = contactInbox; inboxIdLine < 0; i++) {
            if (lines.get(i).contains("\"inbox_id\" : 1")) {
                inboxIdLine = i;
            }
        }
        lines.set(inboxIdLine, lines.get(inboxIdLine).replace("\"inbox_id\" : 1", "\"inbox_id\" : 7"));
        Files.write(path, lines, StandardCharsets.UTF_8);

        StateFile file = new StateFile(path);
        JsonNode loaded = file.load().orElseThrow();
        InvalidEntryException refused = null;
        try (BevatelSimulator ignored = BevatelSimulator.builder().initialState(loaded).start()) {
            throw new AssertionError("a damaged state was accepted");
        } catch (InvalidEntryException e) {
            refused = e;
        }
        assertThat(file.locate(refused).getMessage())
                .startsWith(path + ":" + (inboxIdLine + 1) + ": contact_inboxes[0] (id 1): inbox_id 7 does not exist");
    }

    private static void loadInto(StateFile file) {
        try (BevatelSimulator loaded = BevatelSimulator.builder().initialState(file.load().orElseThrow()).start()) {
            assertThat(loaded.exportState().get("conversations").size()).isEqualTo(1);
        }
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
