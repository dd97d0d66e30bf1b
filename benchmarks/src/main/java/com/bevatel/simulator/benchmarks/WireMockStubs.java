package com.bevatel.simulator.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes WireMock's static stubs for the load comparison: the same two endpoints as the simulator
 * (message create, profile), answering the simulator's own response bodies byte for byte, and
 * matching the {@code api_access_token} header as the simulator checks it.
 *
 * <pre>java -cp benchmarks.jar com.bevatel.simulator.benchmarks.WireMockStubs ROOT_DIR message.json profile.json</pre>
 */
public final class WireMockStubs {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WireMockStubs() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: WireMockStubs ROOT_DIR MESSAGE_RESPONSE PROFILE_RESPONSE");
        }
        Path mappings = Files.createDirectories(Path.of(args[0], "mappings"));
        Files.createDirectories(Path.of(args[0], "__files"));
        write(mappings.resolve("post-message.json"), stub("POST", Workload.MESSAGES_PATH, Files.readString(Path.of(args[1]))));
        write(mappings.resolve("profile.json"), stub("GET", Workload.PROFILE_PATH, Files.readString(Path.of(args[2]))));
    }

    private static ObjectNode stub(String method, String path, String body) {
        ObjectNode stub = MAPPER.createObjectNode();
        ObjectNode request = stub.putObject("request");
        request.put("method", method);
        request.put("urlPath", path);
        request.putObject("headers").putObject("api_access_token").put("equalTo", Workload.TOKEN);
        ObjectNode response = stub.putObject("response");
        response.put("status", 200);
        response.put("body", body);
        response.putObject("headers").put("Content-Type", "application/json; charset=utf-8");
        return stub;
    }

    private static void write(Path file, ObjectNode stub) throws Exception {
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(stub), StandardCharsets.UTF_8);
    }
}
