package com.bevatel.simulator.standalone.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each entry and field of a JSON or YAML file starts: JSON Pointer → line, so an error the
 * simulator reports by pointer ({@code /conversations/2/messages/0/content}) can name the line a
 * person edits. A pointer not in the file (a field that is missing) falls back to its nearest
 * enclosing entry.
 */
final class JsonLines {
    private final Map<String, Integer> lines = new HashMap<>();

    private JsonLines() {
    }

    /** Lines of {@code text}; a document that does not parse maps nothing (its syntax error names the line). */
    static JsonLines of(JsonFactory factory, byte[] text) {
        JsonLines map = new JsonLines();
        try (JsonParser parser = factory.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    // The container's own context is open now: its pointer is the parent's current field or index.
                    pointer = parser.getParsingContext().getParent() == null ? ""
                            : parser.getParsingContext().getParent().pathAsPointer().toString();
                }
                map.lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            return map;
        }
        return map;
    }

    /** The line of {@code pointer}, or of its nearest enclosing entry; 0 when unknown. */
    int lineOf(String pointer) {
        String at = pointer;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            int cut = at.lastIndexOf('/');
            if (cut < 0) {
                return 0;
            }
            at = at.substring(0, cut);
        }
    }
}
