package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Upload;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's parameters as Rails sees them: the query string, then the body — JSON, a form, or
 * multipart fields and files — merged into one object, body values overriding query ones. Every
 * source shares one nesting limit ({@link Json#MAX_DEPTH}) and one parameter count
 * ({@link RailsParams#MAX_PARAMETERS}); past either the request is a 400 and nothing runs.
 */
final class RequestParser {
    private RequestParser() {
    }

    static Request parse(HttpServerExchange exchange, byte[] body) {
        RailsParams params = new RailsParams(Json.object());
        PathTemplateMatch route = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        params.addAll(exchange.getQueryParameters(), route == null ? 0 : route.getParameters().size());
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (isMultipart(contentType)) {
            Map<String, List<Upload>> uploads = new LinkedHashMap<>();
            MultipartBody.parse(contentType, body, params, uploads);
            return new Request(exchange, new Params(params.values()), uploads);
        }
        ObjectNode values = params.values();
        if (body.length > 0) {
            values = mergeBody(params, contentType, body);
        }
        return new Request(exchange, new Params(values));
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "multipart/form-data", 0, 19);
    }

    /**
     * JSON when the content type says so, or when none is given and the body looks like JSON (curl's
     * {@code -d} without a header); form bodies in Rails' bracket notation.
     */
    private static ObjectNode mergeBody(RailsParams params, String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean json = type.contains("json");
        if (!json && (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded"))) {
            json = looksLikeJson(body);
        }
        ObjectNode values = params.values();
        if (json) {
            JsonNode parsed;
            try {
                // Trailing content after the JSON value is malformed too, as for Rails' JSON.parse.
                parsed = Json.parseCounted(body, params.remaining());
            } catch (Json.TooManyValuesException e) {
                throw RailsParams.tooMany();
            } catch (JsonProcessingException e) {
                throw Errors.badRequest("malformed JSON body: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw Errors.badRequest("unreadable JSON body: " + e.getMessage());
            }
            if (parsed instanceof ObjectNode object) {
                // Without query parameters (the usual JSON call) the parsed body is the params: no copy.
                if (values.isEmpty()) {
                    return object;
                }
                values.setAll(object);
            } else if (parsed != null && !parsed.isMissingNode()) {
                values.set("_json", parsed);
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            params.addForm(body);
        }
        return values;
    }

    /**
     * Does the body start with {@code {} or {@code [} after leading white space? Decided on the bytes
     * for ASCII; a body whose first non-blank byte is not ASCII is decoded as before (Java's
     * {@link Character#isWhitespace} also counts Unicode spaces).
     */
    static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                String text = new String(body, StandardCharsets.UTF_8).stripLeading();
                return text.startsWith("{") || text.startsWith("[");
            }
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }
}
