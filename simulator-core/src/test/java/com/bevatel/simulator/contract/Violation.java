package com.bevatel.simulator.contract;

/**
 * One way a response or delivery breaks the wire contract.
 *
 * @param subject what was checked: {@code POST /api/v1/accounts/{account_id}/contacts → 200 (/api/v1/accounts/1/contacts)}
 * @param schema  the schema file it was checked against (or the table that has no line for it)
 * @param pointer where in the body, as a JSON pointer ({@code ""} is the whole body)
 * @param message what is wrong
 */
public record Violation(String subject, String schema, String pointer, String message) {
    @Override
    public String toString() {
        return subject + ": " + schema + " at " + (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
    }
}
