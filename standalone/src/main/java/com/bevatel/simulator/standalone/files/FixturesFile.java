package com.bevatel.simulator.standalone.files;

import com.bevatel.simulator.fixture.Fixtures;
import com.bevatel.simulator.state.InvalidEntryException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A fixtures file (JSON, or YAML for {@code .yaml}/{@code .yml}) read into {@link Fixtures}: keys in
 * snake_case, unknown keys refused. Every problem — syntax, an unknown or mistyped field, or an
 * entry the simulator refuses when seeding — is reported with the file's line.
 */
public final class FixturesFile {
    private final Path path;
    private final JsonFactory factory;
    private final byte[] text;

    private FixturesFile(Path path, JsonFactory factory, byte[] text) {
        this.path = path;
        this.factory = factory;
        this.text = text;
    }

    /** Reads and parses the file; a missing, unreadable or malformed file is a {@link FileProblem}. */
    public static FixturesFile read(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        JsonFactory factory = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLFactory() : new JsonFactory();
        if (Files.isDirectory(path)) {
            throw new FileProblem(path, 0, "a directory, not a fixtures file; pass --fixtures with a JSON or YAML file", null);
        }
        try {
            return new FixturesFile(path, factory, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new FileProblem(path, 0, "cannot read the fixtures file: " + e, e);
        }
    }

    public Path path() {
        return path;
    }

    public Fixtures fixtures() {
        ObjectMapper mapper = JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        if (new String(text, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new FileProblem(path, 0, "the fixtures file is empty", null);
        }
        try {
            Fixtures fixtures = mapper.readValue(text, Fixtures.class);
            if (fixtures == null) {
                throw new FileProblem(path, 0, "the fixtures file holds no fixtures (null)", null);
            }
            return fixtures;
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException syntax) {
                throw syntaxError(syntax);
            }
            int line = JsonLines.of(factory, text).lineOf(pointer(e));
            throw new FileProblem(path, line > 0 ? line : line(e.getLocation()), where(e) + problem(e), e);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new FileProblem(path, 0, "cannot read the fixtures file: " + e, e);
        }
    }

    private FileProblem syntaxError(JsonProcessingException e) {
        // SnakeYAML's messages draw a caret over several lines; one line reads better in a terminal.
        String message = e.getOriginalMessage().replaceAll("\\s*\\n\\s*", " ").trim();
        return new FileProblem(path, line(e.getLocation()), "not valid " + (factory instanceof YAMLFactory ? "YAML" : "JSON")
                + ": " + message, e);
    }

    /** An entry the simulator refused while seeding, at its line in this file. */
    public FileProblem locate(InvalidEntryException e) {
        return new FileProblem(path, JsonLines.of(factory, text).lineOf(e.pointer()), e.getMessage(), e);
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return pointer.toString();
    }

    /** {@code conversations[1].messages[0].content: } from Jackson's path. */
    private static String where(JsonMappingException e) {
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                at.append(at.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                at.append('[').append(ref.getIndex()).append(']');
            }
        }
        return at.length() == 0 ? "" : at + ": ";
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field \"" + unknown.getPropertyName() + "\" (known: " + unknown.getKnownPropertyIds() + ")";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "cannot read " + invalid.getValue() + " as " + kind(invalid.getTargetType());
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + kind(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String kind(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type.isRecord() || ObjectNode.class.isAssignableFrom(type) ? "an object (key: value)" : type.getSimpleName();
    }
}
