package com.bevatel.simulator.state;

/**
 * A state snapshot or fixtures document that cannot be loaded, naming where: {@link #pointer()} is
 * the JSON Pointer of the offending entry or field (e.g. {@code /conversations/2/messages/0}), so a
 * reader of the file can turn it into a line number; the message names it for people
 * ({@code conversations[2].messages[0] (id 7): content: …}).
 */
public final class InvalidEntryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String pointer;

    public InvalidEntryException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    public InvalidEntryException(String pointer, String message, Throwable cause) {
        super(message, cause);
        this.pointer = pointer;
    }

    /** The JSON Pointer of the offending entry or field; "" for the document as a whole. */
    public String pointer() {
        return pointer;
    }
}
