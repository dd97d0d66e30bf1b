package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apiguardian.api.API;

/** Every error body the simulator sends, in Chatwoot's shapes (app/controllers/concerns/request_exception_handler.rb). */
@API(status = INTERNAL)
public final class Errors {
    /** ApplicationRecord::MAX_STRING_COLUMN_LENGTH and MAX_TEXT_COLUMN_LENGTH. */
    public static final int MAX_STRING = 255;
    public static final int MAX_TEXT = 20_000;

    private Errors() {
    }

    /** 401 {"errors":[…]}: no token at all (note the plural key and the array). */
    public static ApiException signInRequired() {
        ObjectNode body = Json.object();
        body.putArray("errors").add("You need to sign in or sign up before continuing.");
        return new ApiException(401, body, "no api_access_token");
    }

    /** {"error": message} with the given status (401, 403, 404, 422 …). */
    public static ApiException error(int status, String message) {
        ObjectNode body = Json.object();
        body.put("error", message);
        return new ApiException(status, body, message);
    }

    public static ApiException notFound() {
        return error(404, "Resource could not be found");
    }

    public static ApiException unauthorizedAction() {
        return error(401, "You are not authorized to do this action");
    }

    /** 422 {"message": "A, B", "attributes": ["a","b"]}: model validation failures. */
    public static ApiException validation(List<Violation> violations) {
        ObjectNode body = Json.object();
        body.put("message", String.join(", ", violations.stream().map(Violation::message).toList()));
        ArrayNode attributes = body.putArray("attributes");
        violations.stream().map(Violation::attribute).distinct().forEach(attributes::add);
        return new ApiException(422, body, body.get("message").asText());
    }

    /**
     * ApplicationRecord#validates_column_content_length (app/models/application_record.rb): a string or
     * text column without a length rule of its own takes at most {@code max} characters.
     */
    public static void tooLong(List<Violation> violations, String attribute, String human, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(attribute, human + " is too long (maximum is " + max + " characters)"));
        }
    }

    public static ApiException validation(String attribute, String message) {
        return validation(List.of(new Violation(attribute, message)));
    }

    /**
     * Message create reports every failure as 422 {"error": "…"} (its controller rescues StandardError):
     * a record-invalid body becomes Rails' {@code "Validation failed: A, B"}; anything else passes through.
     */
    public static ApiException asMessageCreateError(ApiException e) {
        JsonNode body = e.body();
        if (e.status() == 422 && body != null && body.has("message") && body.has("attributes")) {
            return error(422, "Validation failed: " + body.get("message").asText());
        }
        return e;
    }

    /** 422 {"error": "param is missing or the value is empty: X"} (Rails 7 wording). */
    public static ApiException paramMissing(String param) {
        return error(422, "param is missing or the value is empty: " + param);
    }

    /** Client API 404: Rails' own error page body, not the Application API's. */
    public static ApiException publicNotFound() {
        ObjectNode body = Json.object();
        body.put("status", 404);
        body.put("error", "Not Found");
        return new ApiException(404, body, "not found");
    }

    /**
     * 400 for a body that is not JSON. Rails answers {"status":400,"error":"Bad Request"}; we add
     * a {@code message} saying what is wrong (a documented deviation).
     */
    public static ApiException badRequest(String detail) {
        ObjectNode body = Json.object();
        body.put("status", 400);
        body.put("error", "Bad Request");
        body.put("message", detail);
        return new ApiException(400, body, detail);
    }

    /** Any status with an empty body (e.g. Chatwoot's bodiless 404 for reset_secret). */
    public static ApiException empty(int status) {
        return new ApiException(status, null, "status " + status);
    }

    /** One failed validation: the attribute and its full message ("Email has already been taken"). */
    public record Violation(String attribute, String message) {
    }
}
