package com.bevatel.simulator.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * One row of a state document decoded strictly ({@link SnapshotJson}); a row that does not decode is
 * refused naming its entry and, where Jackson found one at fault, the field, in a reader's words.
 */
final class SnapshotRowDecoder {
    private SnapshotRowDecoder() {
    }

    static <R> R decode(JsonNode node, Class<R> type, String pointer, String label) {
        try {
            R row = SnapshotJson.MAPPER.treeToValue(node, type);
            if (row == null) {
                throw new InvalidEntryException(InvalidEntryException.STATE, pointer, label + ": null instead of a row");
            }
            return row;
        } catch (JsonMappingException e) {
            StringBuilder field = new StringBuilder();
            StringBuilder fieldPointer = new StringBuilder(pointer);
            for (JsonMappingException.Reference ref : e.getPath()) {
                String part = ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex());
                field.append(field.length() == 0 ? "" : ".").append(part);
                fieldPointer.append('/').append(part);
            }
            throw new InvalidEntryException(InvalidEntryException.STATE, fieldPointer.toString(),
                    label + (field.length() == 0 ? "" : ": " + field) + ": " + problem(e), e);
        } catch (JsonProcessingException e) {
            throw new InvalidEntryException(InvalidEntryException.STATE, pointer, label + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Jackson's finding in a reader's words. */
    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException invalid) {
            // Jackson's message ends with why ("…from String \"x\": not one of the values accepted …").
            String message = invalid.getOriginalMessage();
            int reason = message.indexOf("\": ");
            return "cannot read " + invalid.getValue() + " as " + invalid.getTargetType().getSimpleName()
                    + (reason < 0 ? "" : ": " + message.substring(reason + 3));
        }
        if (e.getOriginalMessage().startsWith("Missing creator property")) {
            return "is missing";
        }
        return e.getOriginalMessage();
    }
}
