package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Upload;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.List;
import java.util.Map;

/** One HTTP request as routes see it: path parameters, merged parameters and headers. */
public final class Request {
    private final HttpServerExchange exchange;
    private final Params params;
    private final Map<String, String> pathParameters;
    private final Map<String, List<Upload>> uploads;

    Request(HttpServerExchange exchange, Params params) {
        this(exchange, params, Map.of());
    }

    Request(HttpServerExchange exchange, Params params, Map<String, List<Upload>> uploads) {
        this.exchange = exchange;
        this.params = params;
        this.uploads = uploads;
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        this.pathParameters = match == null ? Map.of() : match.getParameters();
    }

    public Params params() {
        return params;
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    public String method() {
        return exchange.getRequestMethod().toString();
    }

    public String path() {
        return exchange.getRequestPath();
    }

    public String pathParam(String name) {
        return pathParameters.get(name);
    }

    /**
     * A numeric path segment such as a conversation's display id; anything else cannot name a
     * record, so it is the Application API's 404 (Rails' {@code find} on "abc" finds nothing).
     */
    public long idParam(String name) {
        String value = pathParameters.get(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Errors.notFound();
        }
    }

    /** The files of a multipart body under {@code name} ({@code attachments[]} → "attachments"), in order. */
    public List<Upload> uploads(String name) {
        return uploads.getOrDefault(name, List.of());
    }

    public HttpServerExchange exchange() {
        return exchange;
    }
}
