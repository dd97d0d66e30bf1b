package com.bevatel.simulator.contract;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's JSON Schema documents ({@code contract/schemas/*.json} on the test class path):
 * their trees, for reading them, and compiled validators for a whole file or any fragment of one.
 */
final class SchemaFiles {
    static final String DIRECTORY = "contract/schemas/";

    /**
     * Reads bodies as they are on the wire: floats stay exact decimals (so 5.0 is not 5), a key sent
     * twice is an error, and object keys keep their order.
     */
    static final JsonMapper WIRE = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /** Every schema file name, sorted. */
    List<String> names() {
        URL url = SchemaFiles.class.getClassLoader().getResource(DIRECTORY);
        if (url == null) {
            throw new IllegalStateException(DIRECTORY + " is not on the test class path");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean exists(String file) {
        return SchemaFiles.class.getClassLoader().getResource(DIRECTORY + file) != null;
    }

    /** The parsed document, its keys in file order. */
    JsonNode document(String file) {
        return documents.computeIfAbsent(file, name -> {
            try (InputStream in = SchemaFiles.class.getClassLoader().getResourceAsStream(DIRECTORY + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no schema " + DIRECTORY + name);
                }
                return WIRE.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The subschema at {@code pointer} ("" for the whole file). */
    JsonNode node(String file, String pointer) {
        JsonNode node = document(file).at(JsonPointer.compile(pointer));
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no " + pointer + " in schema " + file);
        }
        return node;
    }

    /** A validator for the subschema at {@code pointer} of {@code file}; $refs resolve against the file. */
    Schema validator(String file, String pointer) {
        String location = pointer.isEmpty() ? file : file + "#" + pointer;
        return compiled.computeIfAbsent(location,
                key -> registry.getSchema(SchemaLocation.of("classpath:" + DIRECTORY + key)));
    }
}
