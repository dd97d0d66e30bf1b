package com.bevatel.simulator.standalone.files;

import com.bevatel.simulator.state.InvalidEntryException;
import com.bevatel.simulator.state.StateCodec;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The {@code --state} file: the simulator's state as indented JSON ({@link StateCodec}), loaded at
 * start when present and saved atomically — written to a temporary file in the same directory,
 * forced to disk, then renamed over the old one — so a crash or a kill leaves either the previous
 * file or the new one, never a torn one. Saves are serialized; each writes a consistent snapshot.
 *
 * <p>Only a regular file of at most {@link #MAX_BYTES} is read: a FIFO would block the start until
 * something writes to it, and {@code /dev/zero} (or a file growing without end) would fill the heap.
 */
public final class StateFile {
    /** 1 GiB: a document that size already needs several times as much heap to load. */
    public static final long MAX_BYTES = 1L << 30;

    private final Path path;
    private byte[] loadedText = new byte[0];

    public StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /**
     * The saved state, or empty when there is no file yet; a file that is not a regular one, is larger
     * than the limit, or cannot be read is a {@link FileProblem}.
     */
    public Optional<JsonNode> load() {
        if (Files.isDirectory(path)) {
            throw new FileProblem(path, 0, "a directory, not a state file; pass --state with a file's path (the file is"
                    + " created on shutdown when missing)", null);
        }
        if (!Files.exists(path)) {
            // Found now rather than on shutdown, when saving fails and the state is lost.
            Path ancestor = path.getParent();
            while (ancestor != null && !Files.exists(ancestor)) {
                ancestor = ancestor.getParent();
            }
            if (ancestor != null && !Files.isDirectory(ancestor)) {
                throw new FileProblem(path, 0, ancestor + " is a file, not a directory; pass --state with a path in a"
                        + " directory", null);
            }
            return Optional.empty();
        }
        // Checked before opening: opening a FIFO for reading waits until a writer opens it.
        if (!Files.isRegularFile(path)) {
            throw new FileProblem("--state " + path + " is not a regular file");
        }
        try {
            loadedText = readAtMost(MAX_BYTES);
            return Optional.of(StateCodec.parse(loadedText));
        } catch (IOException e) {
            throw new FileProblem(path, 0, "cannot read the state file: " + e, e);
        } catch (InvalidEntryException e) {
            throw new FileProblem(path, 0, e.getMessage() + " (a corrupt state file: fix it, or move it away to start"
                    + " from the seeded world)", e);
        }
    }

    /** The whole file, refused when it has more than {@code limit} bytes (checked again while reading: it may grow). */
    private byte[] readAtMost(long limit) throws IOException {
        long size = Files.size(path);
        if (size <= limit) {
            try (InputStream in = Files.newInputStream(path)) {
                byte[] text = in.readNBytes((int) limit + 1);
                if (text.length <= limit) {
                    return text;
                }
            }
        }
        throw new FileProblem("--state " + path + " is larger than the " + size(limit) + " a state file may have"
                + (size > limit ? " (" + size + " bytes)" : ""));
    }

    private static String size(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    /** A loaded document the simulator refused, at its line in the file. */
    public FileProblem locate(InvalidEntryException e) {
        return new FileProblem(path, JsonLines.of(new JsonFactory(), loadedText).lineOf(e.pointer()),
                e.getMessage() + " (a corrupt state file: fix it, or move it away to start from the seeded world)", e);
    }

    /** Writes {@code document} atomically; returns the bytes written. */
    public synchronized long save(JsonNode document) {
        Path directory = path.getParent();
        Path temporary = null;
        try {
            // The rename would replace whatever is there: never a device, a FIFO or a directory.
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw new IOException(path + " is not a regular file");
            }
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + path.getFileName() + ".", ".tmp");
            long size;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                StateCodec.print(document, out);
                out.flush();
                channel.force(true);
                size = channel.size();
            }
            move(temporary, path);
            temporary = null;
            syncDirectory(directory);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the state to " + path + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Best effort: the rename did not happen, the old file is intact.
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux, macOS). */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a directory; the rename is still atomic there.
        }
    }
}
