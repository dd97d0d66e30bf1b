package com.bevatel.simulator.state;

/**
 * A state snapshot or fixtures document that cannot be loaded, naming where: {@link #pointer()} is
 * the JSON Pointer of the offending entry or field (e.g. {@code /conversations/2/messages/0}), so a
 * reader of the file can turn it into a line number; the message names it for people
 * ({@code conversations[2].messages[0] (id 7): content: …}).
 */
public final class InvalidEntryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** What {@link #document()} names: a state snapshot or fixtures. */
    public static final String STATE = "state";
    public static final String FIXTURES = "fixtures";

    private final String document;
    private final String pointer;

    public InvalidEntryException(String document, String pointer, String message) {
        this(document, pointer, message, null);
    }

    public InvalidEntryException(String document, String pointer, String message, Throwable cause) {
        super(message, cause);
        this.document = document;
        this.pointer = pointer;
    }

    /** Which document was refused: {@link #STATE} or {@link #FIXTURES}. */
    public String document() {
        return document;
    }

    /** The JSON Pointer of the offending entry or field; "" for the document as a whole. */
    public String pointer() {
        return pointer;
    }
}
