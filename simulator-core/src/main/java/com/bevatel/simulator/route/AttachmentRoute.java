package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Attachments;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.Attachment;
import com.bevatel.simulator.view.AttachmentView;
import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Serves attachment bytes at the {@code data_url} / {@code thumb_url} the message views print.
 * Chatwoot's URLs redirect to the storage service; the simulator answers 200 with the file itself
 * (the thumbnail is the original image, not resized). Unknown keys: Rails' 404 body.
 */
public final class AttachmentRoute {
    private AttachmentRoute() {
    }

    public static void register(Router router) {
        router.getRaw(AttachmentView.BLOB_PATH + "{blob_key}/{filename}", exchange -> serve(router, exchange));
        router.getRaw(AttachmentView.REPRESENTATION_PATH + "{blob_key}/{variant}/{filename}", exchange -> serve(router, exchange));
    }

    private static void serve(Router router, HttpServerExchange exchange) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String key = match.getParameters().get("blob_key");
        Optional<Attachment> found = router.store().read(state -> Attachments.byBlobKey(state, key));
        if (found.isEmpty()) {
            ObjectNode body = Json.object();
            body.put("status", 404);
            body.put("error", "Not Found");
            byte[] bytes = Json.bytes(body);
            exchange.setStatusCode(404);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
            exchange.setResponseContentLength(bytes.length);
            exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
            return;
        }
        Attachment attachment = found.get();
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, attachment.contentType());
        exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, "inline");
        exchange.setResponseContentLength(attachment.byteSize());
        exchange.getResponseSender().send(ByteBuffer.wrap(attachment.data()));
    }
}
