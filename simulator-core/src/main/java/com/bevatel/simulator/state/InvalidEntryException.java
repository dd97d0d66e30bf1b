package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A state snapshot or fixtures document that cannot be loaded, naming where: {@link #pointer()} is
 * the JSON Pointer of the offending entry or field (e.g. {@code /conversations/2/messages/0}), so a
 * reader of the file can turn it into a line number; the message names it for people
 * ({@code conversations[2].messages[0] (id 7): content: …}).
 *
 * <p>Thrown by {@link com.bevatel.simulator.BevatelSimulator.Builder#start()} for fixtures or an
 * initial state that cannot be loaded, and by {@code BevatelSimulator.importState}.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class InvalidEntryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** What {@link #document()} names for a state snapshot. */
    public static final String STATE = "state";
    /** What {@link #document()} names for fixtures. */
    public static final String FIXTURES = "fixtures";

    /** {@link #STATE} or {@link #FIXTURES}. */
    private final String document;
    /** The JSON Pointer of the offending entry or field. */
    private final String pointer;

    /**
     * Internal: the simulator's loaders throw these.
     *
     * @param document {@link #STATE} or {@link #FIXTURES}
     * @param pointer the JSON Pointer of the offending entry or field
     * @param message what is wrong, for people
     */
    @API(status = INTERNAL)
    public InvalidEntryException(String document, String pointer, String message) {
        this(document, pointer, message, null);
    }

    /**
     * Internal: the simulator's loaders throw these.
     *
     * @param document {@link #STATE} or {@link #FIXTURES}
     * @param pointer the JSON Pointer of the offending entry or field
     * @param message what is wrong, for people
     * @param cause what failed underneath, or null
     */
    @API(status = INTERNAL)
    public InvalidEntryException(String document, String pointer, String message, Throwable cause) {
        super(message, cause);
        this.document = document;
        this.pointer = pointer;
    }

    /**
     * Which document was refused.
     *
     * @return {@link #STATE} or {@link #FIXTURES}
     */
    public String document() {
        return document;
    }

    /**
     * Where in the document.
     *
     * @return the JSON Pointer of the offending entry or field; "" for the document as a whole
     */
    public String pointer() {
        return pointer;
    }
}
