package com.bevatel.simulator.standalone.cli;

import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --ready-file}: the simulator's whereabouts (the {@code GET /_simulator/ready} document plus
 * its pid) as one line of JSON, for a test runner in any language. It is written atomically once the
 * simulator answers (a temporary file in the same directory, then a rename), so whoever sees the file
 * reads it whole; it is deleted at start (a file left by an earlier run never passes for this one) and
 * on a clean stop (a file that is there names a simulator that answers, unless the process was killed).
 */
public final class ReadyFile {
    private final Path path;

    public ReadyFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** Before the start: no earlier run's file is left to be taken for this one's. */
    public void clear() {
        try {
            if (Files.isDirectory(path)) {
                throw new IOException("it is a directory");
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("--ready-file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code document} as one line of JSON, replacing the file in one step. */
    public void write(JsonNode document) {
        Path temporary = null;
        try {
            Files.createDirectories(path.getParent());
            temporary = Files.createTempFile(path.getParent(), "." + path.getFileName() + ".", ".tmp");
            Files.writeString(temporary, line(document) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --ready-file " + path + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** On a clean stop. */
    public void delete() {
        deleteQuietly(path);
    }

    /** The document as one line: what {@code --ready-json} prints first on standard output. */
    public static String line(JsonNode document) {
        return Json.string(document);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: a leftover file is replaced or deleted by the next run with this path.
        }
    }
}
