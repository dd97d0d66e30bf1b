package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Attachments;
import com.bevatel.simulator.http.ResponseBodies;
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
 * (the thumbnail is the original image, not resized), typed and disposed as Active Storage serves
 * it ({@link AttachmentServing}). Unknown keys: Rails' 404 body.
 */
final class AttachmentRoute {
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
        AttachmentServing serving = AttachmentServing.of(attachment.contentType(), attachment.fileName());
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, serving.contentType());
        exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, serving.disposition());
        // The bytes are whatever a client uploaded, served from the simulator's own origin (where the
        // admin API and dashboard are): never sniffed into something else, and never run as a page.
        exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        exchange.getResponseHeaders().put(Headers.CONTENT_SECURITY_POLICY, serving.contentSecurityPolicy());
        exchange.setResponseContentLength(attachment.byteSize());
        ResponseBodies.send(exchange, attachment.data());
    }
}
