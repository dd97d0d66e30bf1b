package com.bevatel.simulator.standalone.files;

import java.nio.file.Path;

/**
 * A fixtures or state file the simulator will not start with, said the way an editor wants it:
 * {@code fixtures.yaml:23: conversations[1].messages[0]: content: …}.
 */
public final class FileProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FileProblem(Path file, int line, String message, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
    }

    /** A file refused before it is read (what it is, how large), in a message that names it itself. */
    public FileProblem(String message) {
        super(message);
    }
}
